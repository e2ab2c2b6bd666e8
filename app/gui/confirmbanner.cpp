#include "confirmbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace Passerelle {

namespace {

const QColor PendingBackground(0xff, 0xf4, 0xce);
const QColor PendingBorder(0xe0, 0xb8, 0x4a);
const QColor KeptBackground(0xe4, 0xf4, 0xe7);
const QColor KeptBorder(0x5d, 0xb0, 0x6f);
const QColor RevertedBackground(0xe8, 0xef, 0xf7);
const QColor RevertedBorder(0x7a, 0x9c, 0xc6);
const QColor FailedBackground(0xfb, 0xe6, 0xe4);
const QColor FailedBorder(0xd0, 0x60, 0x55);
const QColor Ink(0x1f, 0x29, 0x33);
const QColor Good(0x1b, 0x7a, 0x36);
const QColor Warning(0xa8, 0x3a, 0x00);

} // namespace

ConfirmBanner::ConfirmBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("confirmBanner"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("bannerHeadline"));
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_what = new QLabel(this);
    m_what->setObjectName(QStringLiteral("bannerWhat"));
    m_gateway = new QLabel(this);
    m_gateway->setObjectName(QStringLiteral("bannerGateway"));
    m_gateway->setWordWrap(true);
    m_what->setWordWrap(true);

    m_recheck = new QPushButton(tr("Check Again"), this);
    m_recheck->setObjectName(QStringLiteral("recheckButton"));
    m_keep = new QPushButton(tr("Keep"), this);
    m_keep->setObjectName(QStringLiteral("keepButton"));
    m_keep->setToolTip(tr("Make these changes final"));
    m_revert = new QPushButton(tr("Revert Now"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_revert->setToolTip(tr("Put back the links as they were before the change"));
    m_extend = new QPushButton(tr("+%1 s", "more seconds before the automatic revert").arg(ExtendSeconds), this);
    m_extend->setObjectName(QStringLiteral("extendButton"));
    m_extend->setToolTip(tr("Give me %n more second(s) to decide", "", int(ExtendSeconds)));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("bannerClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_headline);
    texts->addWidget(m_what);
    texts->addWidget(m_gateway);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(8);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_recheck);
    layout->addWidget(m_keep);
    layout->addWidget(m_revert);
    layout->addWidget(m_extend);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_keep, &QPushButton::clicked, this, &ConfirmBanner::keepRequested);
    connect(m_revert, &QPushButton::clicked, this, &ConfirmBanner::revertRequested);
    connect(m_extend, &QPushButton::clicked, this, &ConfirmBanner::extendRequested);
    connect(m_recheck, &QPushButton::clicked, this, &ConfirmBanner::recheckRequested);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);

    // Often enough that the seconds never skip one.
    m_tick.setInterval(200);
    connect(&m_tick, &QTimer::timeout, this, &ConfirmBanner::tick);
    m_hide.setSingleShot(true);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    hide();
}

void ConfirmBanner::setTone(const QColor &background, const QColor &border)
{
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, Ink);
    setPalette(p);
    setStyleSheet(QStringLiteral("#confirmBanner { background: %1; border-bottom: 1px solid %2; }")
                      .arg(background.name(), border.name()));
}

void ConfirmBanner::showPending(const QString &transaction, const QString &what, uint secondsLeft)
{
    m_hide.stop();
    m_transaction = transaction;
    m_busy = false;
    m_gatewayState = Gateway::Checking;
    m_what->setText(what);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(32, 32));
    setTone(PendingBackground, PendingBorder);
    m_keep->show();
    m_revert->show();
    m_extend->show();
    m_close->hide();
    m_gateway->show();
    setGateway(Gateway::Checking);
    setSecondsLeft(secondsLeft);
    m_tick.start();
    show();
}

void ConfirmBanner::setSecondsLeft(uint secondsLeft)
{
    m_deadline = QDeadlineTimer(qint64(secondsLeft) * 1000);
    m_shownSeconds = -1;
    tick();
}

int ConfirmBanner::secondsLeft() const
{
    if (!isPending())
        return 0;
    return int(std::ceil(m_deadline.remainingTime() / 1000.0));
}

QString ConfirmBanner::headline() const
{
    return m_headline->text();
}

QString ConfirmBanner::gatewayText() const
{
    return m_gateway->text();
}

void ConfirmBanner::tick()
{
    if (!isPending())
        return;
    const int seconds = secondsLeft();
    if (seconds == m_shownSeconds)
        return;
    m_shownSeconds = seconds;
    // At zero the helper is putting things back; its signal ends the trial.
    m_headline->setText(seconds > 0 ? tr("Keep these changes? Reverting in %1 s").arg(seconds)
                                    : tr("Reverting the changes…"));
    updateButtons();
    if (seconds <= 0)
        Q_EMIT expired();
}

void ConfirmBanner::setGateway(Gateway state, const QString &address)
{
    m_gatewayState = state;
    m_gatewayAddress = address;
    QString text;
    QColor color = Ink;
    switch (state) {
    case Gateway::Checking:
        text = address.isEmpty() ? tr("Checking the gateway…")
                                 : tr("Checking whether the gateway %1 answers…").arg(address);
        break;
    case Gateway::Answers:
        text = tr("✔ Gateway %1 answers").arg(address);
        color = Good;
        break;
    case Gateway::NoAnswer:
        text = tr("⚠ Gateway %1 does not answer: keeping these changes may leave this host without network")
                   .arg(address);
        color = Warning;
        break;
    case Gateway::NoGateway:
        text = tr("No default gateway to check");
        break;
    }
    m_gateway->setText(text);
    QPalette p = m_gateway->palette();
    p.setColor(QPalette::WindowText, color);
    m_gateway->setPalette(p);
    m_recheck->setVisible(isPending() && state == Gateway::NoAnswer);
    updateButtons();
}

void ConfirmBanner::setBusy(bool busy)
{
    m_busy = busy;
    // After a progress: the countdown again, where the helper has it.
    if (!busy && isPending() && !m_tick.isActive()) {
        m_shownSeconds = -1;
        m_tick.start();
        tick();
        setGateway(m_gatewayState, m_gatewayAddress);
    }
    updateButtons();
}

void ConfirmBanner::showProgress(const QString &headline, const QString &detail)
{
    if (!isPending())
        return;
    m_tick.stop();
    m_busy = true;
    m_headline->setText(headline);
    m_gateway->setText(detail);
    QPalette p = m_gateway->palette();
    p.setColor(QPalette::WindowText, Ink);
    m_gateway->setPalette(p);
    m_recheck->hide();
    updateButtons();
}

void ConfirmBanner::updateButtons()
{
    const bool live = isPending() && !m_busy && secondsLeft() > 0;
    m_keep->setEnabled(live && m_gatewayState != Gateway::Checking);
    m_revert->setEnabled(live);
    m_extend->setEnabled(live);
    m_recheck->setEnabled(live);
    if (m_gatewayState == Gateway::NoAnswer)
        m_revert->setDefault(true);
    else
        m_keep->setDefault(true);
}

void ConfirmBanner::showOutcome(Outcome outcome, const QString &what)
{
    m_transaction.clear();
    m_tick.stop();
    m_busy = false;
    m_keep->hide();
    m_revert->hide();
    m_extend->hide();
    m_recheck->hide();
    m_gateway->hide();
    m_close->show();
    m_what->setText(what);
    switch (outcome) {
    case Outcome::Kept:
        m_headline->setText(tr("Changes kept"));
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_DialogApplyButton).pixmap(32, 32));
        setTone(KeptBackground, KeptBorder);
        break;
    case Outcome::Reverted:
        m_headline->setText(tr("Changes reverted: the links are as they were before"));
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_BrowserReload).pixmap(32, 32));
        setTone(RevertedBackground, RevertedBorder);
        break;
    case Outcome::Failed:
        m_headline->setText(tr("The change failed and was undone"));
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
        setTone(FailedBackground, FailedBorder);
        break;
    }
    show();
    m_hide.start(OutcomeMs);
}

} // namespace Passerelle
