#include "changepreviewdialog.h"

#include "helpererrortext.h"
#include "helperplantext.h"
#include "helpersession.h"

#include <QCheckBox>
#include <QDBusPendingCallWatcher>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Passerelle {

namespace {

// Typing a bridge's name asks for a new plan once the typing pauses.
constexpr int ReplanDelayMs = 300;
// SetConfirmTimeout's range in the helper.
constexpr int MinTimeout = 10;
constexpr int MaxTimeout = 3600;

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // Under the check box's text, not under its indicator.
    label->setContentsMargins(22, 0, 0, 4);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

// The seconds of the plan's ("Confirm", [seconds]) step: the helper will
// impose a confirmation. 0 when it has none.
uint confirmSeconds(const HelperPlan &plan)
{
    for (const HelperPlanStep &step : plan) {
        if (step.name == QLatin1String("Confirm"))
            return step.parameters.value(0).toUInt();
    }
    return 0;
}

// A helper sentence starts in lower case for the command line; a dialog
// shows it as a sentence of its own.
QString asSentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

ChangePreviewDialog::ChangePreviewDialog(HelperSession *session, const LinkChange &change, const Context &context,
                                         QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_change(change)
    , m_context(context)
{
    setObjectName(QStringLiteral("changePreviewDialog"));
    auto *layout = new QVBoxLayout(this);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("previewHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);

    if (change.newBridge || change.kind == LinkChange::Kind::CreateBridge) {
        auto *form = new QFormLayout;
        m_name = new QLineEdit(change.bridge, this);
        m_name->setObjectName(QStringLiteral("bridgeName"));
        m_name->setMaxLength(15);
        form->addRow(tr("Name of the new bridge:"), m_name);
        layout->addLayout(form);
        connect(m_name, &QLineEdit::textChanged, this, [this] {
            updateTexts();
            schedulePlan();
        });
    }

    if (change.kind == LinkChange::Kind::BridgePort) {
        m_move = new QCheckBox(tr("Move %1's addresses and routes to the bridge (recommended)").arg(change.link), this);
        m_move->setObjectName(QStringLiteral("moveAddresses"));
        m_move->setChecked(change.moveAddresses);
        m_moveNote = noteLabel(this);
        m_moveNote->setObjectName(QStringLiteral("moveAddressesNote"));
        layout->addWidget(m_move);
        layout->addWidget(m_moveNote);
        connect(m_move, &QCheckBox::toggled, this, [this] {
            updateTexts();
            schedulePlan();
        });
    }

    if (change.createsBridge()) {
        m_stp = new QCheckBox(tr("Turn on the Spanning Tree Protocol (STP) on the new bridge"), this);
        m_stp->setObjectName(QStringLiteral("stp"));
        m_stp->setChecked(change.on);
        QLabel *stpNote = noteLabel(this);
        stpNote->setText(tr("Leave it off unless this bridge closes a loop with other bridges: with STP on, every new "
                            "port stays blocked for the forward delay, about 30 seconds, before it forwards traffic."));
        layout->addWidget(m_stp);
        layout->addWidget(stpNote);
        connect(m_stp, &QCheckBox::toggled, this, &ChangePreviewDialog::schedulePlan);
    }

    if (change.kind == LinkChange::Kind::ResetDocker) {
        QLabel *resetNote = noteLabel(this);
        resetNote->setObjectName(QStringLiteral("resetDockerNote"));
        resetNote->setContentsMargins(0, 0, 0, 4);
        resetNote->setText(tr("Docker's default network goes back to docker0, the bridge Docker makes itself. The "
                              "bridge it used stays as it is, with its ports and addresses."));
        layout->addWidget(resetNote);
    }

    auto *stepsTitle = new QLabel(tr("What will change:"), this);
    QFont bold = stepsTitle->font();
    bold.setBold(true);
    stepsTitle->setFont(bold);
    layout->addSpacing(6);
    layout->addWidget(stepsTitle);
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("planList"));
    m_steps->setWordWrap(true);
    m_steps->setTextElideMode(Qt::ElideNone);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    m_steps->setMinimumHeight(fontMetrics().height() * 9);
    m_steps->setSpacing(2);
    layout->addWidget(m_steps, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);

    layout->addSpacing(6);
    m_confirm = new QCheckBox(tr("Ask me to confirm"), this);
    m_confirm->setObjectName(QStringLiteral("askConfirm"));
    m_confirm->setChecked(!context.confirmationReason.isEmpty());
    layout->addWidget(m_confirm);
    auto *timeoutForm = new QFormLayout;
    timeoutForm->setContentsMargins(22, 0, 0, 0);
    timeoutForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("confirmTimeout"));
    m_timeout->setRange(MinTimeout, MaxTimeout);
    m_timeout->setValue(int(qBound<uint>(MinTimeout, context.defaultTimeout, MaxTimeout)));
    m_timeout->setSuffix(tr(" s", "seconds, after a number"));
    timeoutForm->addRow(tr("Revert automatically after:"), m_timeout);
    layout->addLayout(timeoutForm);
    m_confirmNote = noteLabel(this);
    m_confirmNote->setObjectName(QStringLiteral("confirmNote"));
    layout->addWidget(m_confirmNote);
    // Docker's changes are final: the helper puts Docker back itself when
    // it does not come up, and offers no trial.
    if (change.kind == LinkChange::Kind::ResetDocker) {
        m_confirm->setChecked(false);
        m_confirm->hide();
        m_timeout->hide();
        timeoutForm->labelForField(m_timeout)->hide();
        m_confirmNote->hide();
    }
    connect(m_confirm, &QCheckBox::toggled, this, [this] {
        updateConfirmation();
        showPlan(m_plan);
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this] {
        m_timeoutEdited = true;
        showPlan(m_plan);
    });

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("applyButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_replan.setSingleShot(true);
    m_replan.setInterval(ReplanDelayMs);
    connect(&m_replan, &QTimer::timeout, this, &ChangePreviewDialog::requestPlan);

    updateTexts();
    updateConfirmation();
    requestPlan();
}

ChangePreviewDialog::~ChangePreviewDialog() = default;

LinkChange ChangePreviewDialog::change() const
{
    LinkChange c = m_change;
    if (m_name)
        c.bridge = m_name->text().trimmed();
    if (m_move)
        c.moveAddresses = m_move->isChecked();
    if (m_stp)
        c.on = m_stp->isChecked();
    c.confirmTimeout = m_confirm->isChecked() ? uint(m_timeout->value()) : 0;
    return c;
}

QIcon ChangePreviewDialog::stepNumber(int number, int size) const
{
    QPixmap pixmap(size * devicePixelRatio(), size * devicePixelRatio());
    pixmap.setDevicePixelRatio(devicePixelRatio());
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Highlight));
    p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    QFont f = font();
    f.setPixelSize(qMax(7, int(size * 0.6)));
    f.setBold(true);
    p.setFont(f);
    p.setPen(palette().color(QPalette::HighlightedText));
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QString::number(number));
    return QIcon(pixmap);
}

QStringList ChangePreviewDialog::stepTexts() const
{
    QStringList out;
    for (int i = 0; i < m_steps->count(); ++i)
        out.append(m_steps->item(i)->text());
    return out;
}

void ChangePreviewDialog::updateTexts()
{
    const LinkChange c = change();
    m_heading->setText(c.title());
    setWindowTitle(c.title());
    if (m_move) {
        const bool warn = !m_move->isChecked() && !m_context.portAddresses.isEmpty();
        m_moveNote->setText(warn ? tr("%1 keeps its addresses (%2), but a port does not use them: this host loses "
                                      "its network the moment %1 becomes a port.")
                                       .arg(c.link, m_context.portAddresses.join(QStringLiteral(", ")))
                                 : tr("Without this, the host loses its network the moment %1 becomes a port.")
                                       .arg(c.link));
        QPalette p = m_moveNote->palette();
        p.setColor(QPalette::WindowText, warn ? QColor(0xb2, 0x3c, 0x00) : palette().color(QPalette::PlaceholderText));
        m_moveNote->setPalette(p);
    }
}

void ChangePreviewDialog::updateConfirmation()
{
    if (m_required) {
        m_confirm->setChecked(true);
        m_confirm->setEnabled(false);
        m_confirmNote->setText(
            m_context.confirmationReason.isEmpty()
                ? tr("Required for this change: it touches the link that carries the default route or a remote "
                     "session. Unless you keep the changes in time, everything is put back by itself.")
                : tr("Required for this change: %1 Unless you keep the changes in time, everything is put back by "
                     "itself.")
                      .arg(m_context.confirmationReason));
    } else {
        m_confirm->setEnabled(true);
        m_confirmNote->setText(m_context.confirmationReason.isEmpty()
                                   ? tr("Should this change cut you off, it is put back by itself unless you keep "
                                        "it in time.")
                                   : tr("Recommended: %1 Should this change cut you off, it is put back by itself "
                                        "unless you keep it in time.")
                                         .arg(m_context.confirmationReason));
    }
    m_timeout->setEnabled(m_confirm->isChecked());
}

void ChangePreviewDialog::schedulePlan()
{
    m_planReady = false;
    ++m_request;
    updateApply();
    m_replan.start();
}

void ChangePreviewDialog::requestPlan()
{
    const LinkChange c = change();
    const quint64 request = ++m_request;
    m_planReady = false;
    m_failure.reset();
    updateApply();
    if ((c.newBridge || c.kind == LinkChange::Kind::CreateBridge) && c.bridge.isEmpty()) {
        m_plan.clear();
        m_steps->clear();
        setStatus(tr("Enter a name for the new bridge."), false);
        return;
    }
    setStatus(tr("Asking the Passerelle helper what will change…"), false);
    const QPointer<ChangePreviewDialog> guard(this);
    HelperSession::whenFinished(m_session->plan(c), this, [this, guard, request](QDBusPendingCallWatcher *watcher) {
        if (!guard || request != m_request)
            return;
        if (const auto failure = HelperClient::failureOf(*watcher)) {
            showFailure(*failure);
            return;
        }
        const QDBusPendingReply<HelperPlan> reply = *watcher;
        m_planReady = true;
        m_plan = reply.value();
        const uint required = confirmSeconds(m_plan);
        m_required = required > 0;
        if (m_required && !m_timeoutEdited) {
            const QSignalBlocker blocker(m_timeout);
            m_timeout->setValue(int(qBound<uint>(MinTimeout, required, MaxTimeout)));
        }
        updateConfirmation();
        showPlan(m_plan);
        Q_EMIT planShown();
    });
}

void ChangePreviewDialog::showPlan(const HelperPlan &plan)
{
    m_steps->clear();
    if (!m_planReady) {
        updateApply();
        return;
    }
    QStringList sentences;
    for (const HelperPlanStep &step : plan) {
        // The confirmation is shown with the time chosen here, below.
        if (step.name != QLatin1String("Confirm"))
            sentences.append(HelperPlanText::step(step));
    }
    const bool nothing = sentences.isEmpty();
    if (!nothing && m_confirm->isChecked())
        sentences.append(HelperPlanText::step({QStringLiteral("Confirm"), {QString::number(m_timeout->value())}}));
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        auto *item = new QListWidgetItem(sentences.at(i), m_steps);
        // Numbered, in the order the helper takes them.
        item->setIcon(stepNumber(int(i) + 1, fontMetrics().height()));
    }
    // The whole plan at a glance when it is not too long.
    m_steps->doItemsLayout();
    // A line of slack: a sentence may wrap once the dialog settles.
    int height = 2 * m_steps->frameWidth() + fontMetrics().height();
    for (int row = 0; row < m_steps->count(); ++row)
        height += m_steps->sizeHintForRow(row) + 2 * m_steps->spacing();
    const int line = fontMetrics().height();
    m_steps->setMinimumHeight(qBound(line * 9, height, line * 24));
    const QString nothingText = m_change.kind == LinkChange::Kind::ResetDocker
        ? tr("Nothing to change: Docker already uses its own docker0.")
        : tr("Nothing to change: the links are already like this.");
    setStatus(nothing ? nothingText : QString(), false);
    updateApply();
}

void ChangePreviewDialog::showFailure(const HelperFailure &failure)
{
    m_failure = failure;
    m_planReady = false;
    m_plan.clear();
    m_steps->clear();
    setStatus(asSentence(HelperErrorText::sentence(failure)), true);
    updateApply();
    Q_EMIT planShown();
}

void ChangePreviewDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(p);
}

void ChangePreviewDialog::updateApply()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_planReady && m_steps->count() > 0);
}

} // namespace Passerelle
