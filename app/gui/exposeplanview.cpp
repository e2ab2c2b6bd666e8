#include "exposeplanview.h"

#include "helperplantext.h"

namespace Passerelle {

namespace {

// The warning every exposure carries: the preview page shows it on its own,
// above the plan, so it is not repeated in the list.
const QLatin1String ReachableWarning("containers-reachable");

// The sentence's first line: the details a step carries (a file's content,
// a diff) have sections of their own below the list.
QString headline(const QString &sentence)
{
    QString line = sentence.section(QLatin1Char('\n'), 0, 0);
    if (line.endsWith(QLatin1Char(':')))
        line.chop(1);
    return line;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString orderedList(const QStringList &items)
{
    QString out = QStringLiteral("<ol>");
    for (const QString &item : items)
        out += QStringLiteral("<li>%1</li>").arg(escaped(item));
    return out + QStringLiteral("</ol>");
}

// Lines of text in a fixed font, each on its own background when COLOURED
// picks one ("-" removed, "+" added).
QString preformatted(const QStringList &lines, bool diff)
{
    QString out = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"1\" "
                                 "style=\"font-family: monospace; background-color: #f6f8fa;\">");
    for (const QString &line : lines) {
        QString background;
        if (diff && line.startsWith(QLatin1Char('-')))
            background = QStringLiteral(" style=\"background-color: #fde7e7; color: #8a1414;\"");
        else if (diff && line.startsWith(QLatin1Char('+')))
            background = QStringLiteral(" style=\"background-color: #e3f6e6; color: #14621f;\"");
        // Spaces kept as typed: JSON and INI files are indented.
        QString text = escaped(line);
        text.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        out += QStringLiteral("<tr><td%1>%2</td></tr>").arg(background, text.isEmpty() ? QStringLiteral("&nbsp;") : text);
    }
    return out + QStringLiteral("</table>");
}

QString heading(const QString &text)
{
    return QStringLiteral("<h4 style=\"margin-top: 12px; margin-bottom: 4px;\">%1</h4>").arg(escaped(text));
}

} // namespace

ExposePlanSummary ExposePlanSummary::fromPlan(const HelperPlan &plan)
{
    ExposePlanSummary s;
    bool afterConfirm = false;
    for (const HelperPlanStep &step : plan) {
        const QString &name = step.name;
        if (name == QLatin1String("Confirm")) {
            afterConfirm = true;
            s.confirmSeconds = step.parameters.value(0).toUInt();
            continue;
        }
        if (name == QLatin1String("Warning")) {
            s.warningCodes.append(step.parameters.value(0));
            s.warnings.append(HelperPlanText::warning(step.parameters));
            continue;
        }
        if (name == QLatin1String("EditDaemonConfig")) {
            s.daemonConfig = step.parameters.value(0);
            s.daemonDiff += step.parameters.mid(1);
        } else if (name == QLatin1String("WriteFile")) {
            s.files.append({step.parameters.value(0), step.parameters.value(1)});
        } else if (name == QLatin1String("ContainersStop")) {
            s.stoppedContainers += step.parameters;
        } else if (name == QLatin1String("ContainersKeep")) {
            s.keptContainers += step.parameters;
        }
        (afterConfirm ? s.dockerSteps : s.networkSteps).append(headline(HelperPlanText::step(step)));
    }
    return s;
}

ExposePlanView::ExposePlanView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("exposePlan"));
    setOpenLinks(false);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setMinimumHeight(fontMetrics().height() * 14);
}

void ExposePlanView::clearPlan()
{
    m_summary = ExposePlanSummary();
    clear();
}

void ExposePlanView::showPlan(const HelperPlan &plan)
{
    m_summary = ExposePlanSummary::fromPlan(plan);
    setHtml(html());
}

QString ExposePlanView::html() const
{
    const ExposePlanSummary &s = m_summary;
    QString out;
    QStringList warnings;
    for (qsizetype i = 0; i < s.warnings.size(); ++i) {
        if (s.warningCodes.value(i) != ReachableWarning)
            warnings.append(s.warnings.at(i));
    }
    if (!warnings.isEmpty()) {
        out += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"background-color: #fff4ce;\"><tr><td>");
        out += QStringLiteral("<b>%1</b><ul style=\"margin-top: 2px;\">").arg(escaped(tr("Before you apply:")));
        for (const QString &w : std::as_const(warnings))
            out += QStringLiteral("<li>%1</li>").arg(escaped(w));
        out += QStringLiteral("</ul></td></tr></table>");
    }

    out += heading(tr("Now, on the network (put back unless you keep it):"));
    out += s.networkSteps.isEmpty() ? QStringLiteral("<p>%1</p>").arg(escaped(tr("Nothing: the links are already like this.")))
                                    : orderedList(s.networkSteps);
    if (s.confirmSeconds > 0) {
        out += QStringLiteral("<p>%1</p>").arg(escaped(
            HelperPlanText::step({QStringLiteral("Confirm"), {QString::number(s.confirmSeconds)}})));
    }
    if (!s.dockerSteps.isEmpty()) {
        out += heading(tr("Then, once you keep the changes, Docker:"));
        out += orderedList(s.dockerSteps);
    }
    if (!s.daemonDiff.isEmpty()) {
        out += heading(tr("Changes to %1:").arg(s.daemonConfig));
        out += preformatted(s.daemonDiff, true);
    }
    for (const ExposePlanSummary::File &f : s.files) {
        out += heading(tr("File %1:").arg(f.path));
        QStringList lines = f.content.split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        out += preformatted(lines, false);
    }
    if (!s.stoppedContainers.isEmpty()) {
        out += heading(tr("Containers that Docker's restart stops:"));
        out += QStringLiteral("<p>%1</p>").arg(escaped(
            tr("Live restore is off: these running containers stop while Docker restarts. Those with a restart "
               "policy start again; the others stay stopped.")));
        out += QStringLiteral("<ul>");
        for (const QString &c : s.stoppedContainers)
            out += QStringLiteral("<li><b>%1</b></li>").arg(escaped(c));
        out += QStringLiteral("</ul>");
    }
    if (!s.keptContainers.isEmpty()) {
        out += heading(tr("Containers that keep running:"));
        out += QStringLiteral("<p>%1</p>").arg(escaped(
            tr("Live restore is on: these containers keep running while Docker restarts, on the network they "
               "had; containers started afterwards use the new one.")));
        out += QStringLiteral("<ul>");
        for (const QString &c : s.keptContainers)
            out += QStringLiteral("<li>%1</li>").arg(escaped(c));
        out += QStringLiteral("</ul>");
    }
    return out;
}

} // namespace Passerelle
