// The results table of a benchmark run: one row per figure, with the same
// measurement made with iproute2/docker in the same run, the ratio and the
// goal. Printed as text at the end of the run and written as Markdown for
// the README.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Bench {

enum class Verdict { None, Met, Missed };

struct Row
{
    QString section;
    QString figure;
    QString passerelle;
    QString reference;   // what iproute2/docker did on the same data
    QString ratio;
    QString goal;
    Verdict verdict = Verdict::None;
};

class Report
{
public:
    void setMachine(const QList<QPair<QString, QString>> &info) { m_machine = info; }
    void setSetup(const QString &text) { m_setup = text; }
    void add(const Row &row);
    // A line under the table: what a figure is exactly, breakdowns, skips.
    void note(const QString &text);

    QString text() const;
    QString markdown(const QString &command) const;

private:
    QList<QPair<QString, QString>> m_machine;
    QString m_setup;
    QList<Row> m_rows;
    QStringList m_notes;
};

QString verdictText(Verdict v);

} // namespace Bench
