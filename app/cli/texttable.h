// Aligned columns for terminal output, like `docker ps` and `bridge link`.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class TextTable
{
public:
    explicit TextTable(const QStringList &headers) : m_headers(headers) {}
    void addRow(const QStringList &cells) { m_rows.append(cells); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Columns separated by at least two spaces; the last column is not padded.
    QString toString() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};
