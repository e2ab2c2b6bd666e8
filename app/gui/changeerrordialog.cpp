#include "changeerrordialog.h"

#include "helpererrortext.h"

#include <QLabel>
#include <QMessageBox>

namespace Passerelle {

QString ChangeErrorDialog::title(Step step, const LinkChange &c)
{
    switch (step) {
    case Step::Keep:
        // Keeping an exposure is when Docker is set up.
        if (c.kind == LinkChange::Kind::Expose)
            return tr("Cannot set Docker up on %1").arg(c.bridge);
        return tr("Cannot keep the changes");
    case Step::Revert:
        return tr("Cannot revert the changes");
    case Step::Extend:
        return tr("Cannot give more time to decide");
    case Step::Apply:
        break;
    }
    switch (c.kind) {
    case LinkChange::Kind::BridgePort:
        return tr("Cannot bridge %1 into %2").arg(c.link, c.bridge);
    case LinkChange::Kind::CreateBridge:
        return tr("Cannot create the bridge %1").arg(c.bridge);
    case LinkChange::Kind::DeleteBridge:
        return tr("Cannot delete the bridge %1").arg(c.bridge);
    case LinkChange::Kind::AddPort:
        return tr("Cannot add %1 to %2").arg(c.link, c.bridge);
    case LinkChange::Kind::RemovePort:
        return tr("Cannot remove %1 from %2").arg(c.link, c.bridge);
    case LinkChange::Kind::SetLinkUp:
        return c.on ? tr("Cannot bring %1 up").arg(c.link) : tr("Cannot bring %1 down").arg(c.link);
    case LinkChange::Kind::SetStp:
        return c.on ? tr("Cannot turn STP on for %1").arg(c.bridge) : tr("Cannot turn STP off for %1").arg(c.bridge);
    case LinkChange::Kind::Expose:
        return tr("Cannot expose containers on the network of %1").arg(c.link);
    case LinkChange::Kind::ResetDocker:
        return tr("Cannot give Docker its own docker0 back");
    }
    return QString();
}

QString ChangeErrorDialog::sentence(const HelperFailure &failure)
{
    QString text = HelperErrorText::sentence(failure);
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

QString ChangeErrorDialog::details(const HelperFailure &failure)
{
    // Not translated: what a bug report or a search needs, as it came.
    QString out = failure.name;
    if (!failure.parameters.isEmpty())
        out += QLatin1Char('\n') + failure.parameters.join(QStringLiteral(", "));
    if (!failure.detail.isEmpty())
        out += QLatin1Char('\n') + failure.detail;
    return out;
}

QMessageBox *ChangeErrorDialog::show(QWidget *parent, Step step, const LinkChange &change,
                                     const HelperFailure &failure)
{
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("changeErrorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    const QString heading = title(step, change);
    box->setWindowTitle(heading);
    box->setTextFormat(Qt::RichText);
    box->setText(QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped()));
    box->setInformativeText(sentence(failure).toHtmlEscaped());
    // Room for a sentence on a line or two rather than a narrow column.
    if (auto *informative = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel")))
        informative->setMinimumWidth(box->fontMetrics().averageCharWidth() * 50);
    box->setDetailedText(details(failure));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
    return box;
}

} // namespace Passerelle
