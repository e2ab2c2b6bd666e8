#include "texttable.h"

#include <QRegularExpression>

QString TextTable::toString() const
{
    QList<int> widths;
    for (const QString &h : m_headers)
        widths.append(h.size());
    for (const QStringList &row : m_rows) {
        for (int i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    }
    auto format = [&widths](const QStringList &cells) {
        QString line;
        for (int i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size())
                line += cells[i].leftJustified(widths.value(i)) + QStringLiteral("  ");
            else
                line += cells[i];
        }
        return line.trimmed().isEmpty() ? line : line.remove(QRegularExpression(QStringLiteral("\\s+$"))) + QLatin1Char('\n');
    };
    QString out = format(m_headers);
    for (const QStringList &row : m_rows)
        out += format(row);
    return out;
}
