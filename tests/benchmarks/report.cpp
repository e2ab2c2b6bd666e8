#include "report.h"

#include <QDateTime>

#include <algorithm>
#include <cstdio>

namespace Bench {

QString verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Met:
        return QStringLiteral("met");
    case Verdict::Missed:
        return QStringLiteral("MISSED");
    case Verdict::None:
        break;
    }
    return QStringLiteral("-");
}

void Report::add(const Row &row)
{
    // In the order of the issue's figures, whatever order they were measured in.
    const auto after = std::upper_bound(m_rows.begin(), m_rows.end(), row,
                                        [](const Row &a, const Row &b) { return a.section < b.section; });
    m_rows.insert(after, row);
    // Printed as it comes, so a long run shows progress and an interrupted
    // run still shows what it measured.
    std::printf("  %s: %s%s%s%s\n", qPrintable(row.figure), qPrintable(row.passerelle),
                row.reference.isEmpty() ? "" : qPrintable(QStringLiteral(" | ") + row.reference),
                row.ratio.isEmpty() ? "" : qPrintable(QStringLiteral(" | ratio ") + row.ratio),
                row.goal.isEmpty() ? "" : qPrintable(QStringLiteral(" | goal ") + row.goal + QLatin1Char(' ')
                                                    + verdictText(row.verdict)));
    std::fflush(stdout);
}

void Report::note(const QString &text)
{
    m_notes.append(text);
    std::printf("  note: %s\n", qPrintable(text));
    std::fflush(stdout);
}

QString Report::text() const
{
    const QStringList headers{QStringLiteral("#"), QStringLiteral("Figure"), QStringLiteral("Passerelle"),
                              QStringLiteral("iproute2 / docker, same run"), QStringLiteral("Ratio"),
                              QStringLiteral("Goal"), QStringLiteral("")};
    QList<QStringList> rows;
    for (const Row &r : m_rows)
        rows.append({r.section, r.figure, r.passerelle, r.reference, r.ratio, r.goal, verdictText(r.verdict)});
    QList<int> widths;
    for (const QString &h : headers)
        widths.append(int(h.size()));
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], int(row[i].size()));
    }
    auto line = [&widths](const QStringList &cells) {
        QString out;
        for (int i = 0; i < cells.size(); ++i)
            out += cells[i].leftJustified(widths[i]) + (i + 1 < cells.size() ? QStringLiteral("  ") : QString());
        return out.trimmed() + QLatin1Char('\n');
    };
    QString out;
    out += QStringLiteral("Machine: ");
    QStringList machine;
    for (const auto &m : m_machine)
        machine.append(m.first + QStringLiteral(" ") + m.second);
    out += machine.join(QStringLiteral("; ")) + QLatin1Char('\n');
    if (!m_setup.isEmpty())
        out += QStringLiteral("Setup: ") + m_setup + QLatin1Char('\n');
    out += QLatin1Char('\n') + line(headers);
    QStringList rule;
    for (int w : widths)
        rule.append(QString(w, QLatin1Char('-')));
    out += line(rule);
    for (const QStringList &row : rows)
        out += line(row);
    if (!m_notes.isEmpty()) {
        out += QLatin1Char('\n');
        for (const QString &n : m_notes)
            out += QStringLiteral("- ") + n + QLatin1Char('\n');
    }
    return out;
}

QString Report::markdown(const QString &command) const
{
    auto cell = [](QString s) { return s.replace(QLatin1Char('|'), QStringLiteral("\\|")); };
    QString out;
    out += QStringLiteral("## Benchmark results\n\n");
    out += QStringLiteral("Measured %1 with `%2`.\n\n")
               .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), command);
    out += QStringLiteral("| Machine | |\n|---|---|\n");
    for (const auto &m : m_machine)
        out += QStringLiteral("| %1 | %2 |\n").arg(cell(m.first), cell(m.second));
    if (!m_setup.isEmpty())
        out += QStringLiteral("\n%1\n").arg(m_setup);
    out += QStringLiteral("\n| # | Figure | Passerelle | iproute2 / docker, same run | Ratio | Goal | |\n"
                          "|---|---|---|---|---|---|---|\n");
    for (const Row &r : m_rows) {
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(cell(r.section), cell(r.figure), cell(r.passerelle), cell(r.reference), cell(r.ratio),
                        cell(r.goal),
                        r.verdict == Verdict::Missed ? QStringLiteral("**missed**")
                                                     : r.verdict == Verdict::Met ? verdictText(r.verdict) : QString());
    }
    if (!m_notes.isEmpty()) {
        out += QLatin1Char('\n');
        for (const QString &n : m_notes)
            out += QStringLiteral("- ") + n + QLatin1Char('\n');
    }
    return out;
}

} // namespace Bench
