// The bar at the top of the window while a change is on trial: "Keep these
// changes? Reverting in 42 s", counting down live, with Keep, Revert Now
// and +60 s, and whether the gateway still answers (Keep waits for that
// check). When the change becomes final or is put back, the bar says so
// for a few seconds, then goes. It only shows and asks; the window makes
// the calls.
#pragma once

#include <QDeadlineTimer>
#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;
class QToolButton;

namespace Passerelle {

class ConfirmBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Gateway { Checking, Answers, NoAnswer, NoGateway };
    enum class Outcome { Kept, Reverted, Failed };

    // How long an outcome stays before the bar hides.
    static constexpr int OutcomeMs = 8000;
    // What "+60 s" adds.
    static constexpr uint ExtendSeconds = 60;

    explicit ConfirmBanner(QWidget *parent = nullptr);

    // A change waits for confirmation: WHAT is its title ("Bridge em1 into br0").
    void showPending(const QString &transaction, const QString &what, uint secondsLeft);
    // The helper restarted or confirmed the countdown.
    void setSecondsLeft(uint secondsLeft);
    void setGateway(Gateway state, const QString &address = QString());
    // A Confirm, Revert or SetConfirmTimeout call is on its way.
    void setBusy(bool busy);
    // Keeping the change runs a long step first (Docker restarting): the
    // countdown stops and the bar shows HEADLINE and DETAIL instead, busy,
    // until setBusy(false) or an outcome.
    void showProgress(const QString &headline, const QString &detail);
    void showOutcome(Outcome outcome, const QString &what);

    QString transaction() const { return m_transaction; }
    bool isPending() const { return !m_transaction.isEmpty(); }
    int secondsLeft() const;
    QString headline() const;
    QString gatewayText() const;
    // The line under the title: the gateway check, or the progress.
    QString detailText() const { return gatewayText(); }
    QPushButton *keepButton() const { return m_keep; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *extendButton() const { return m_extend; }

Q_SIGNALS:
    void keepRequested();
    void revertRequested();
    void extendRequested();
    void recheckRequested();
    // The countdown reached zero: the helper should be putting things back.
    void expired();

private:
    void tick();
    void updateButtons();
    void setTone(const QColor &background, const QColor &border);

    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_what;
    QLabel *m_gateway;
    QPushButton *m_recheck;
    QPushButton *m_keep;
    QPushButton *m_revert;
    QPushButton *m_extend;
    QToolButton *m_close;

    QString m_transaction;
    QDeadlineTimer m_deadline;
    QTimer m_tick;
    QTimer m_hide;
    Gateway m_gatewayState = Gateway::Checking;
    QString m_gatewayAddress;
    bool m_busy = false;
    int m_shownSeconds = -1;
};

} // namespace Passerelle
