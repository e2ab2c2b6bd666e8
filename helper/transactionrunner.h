// Carries out transactions, one at a time: plans an operation on a fresh
// snapshot, journals it, arms the rollback agent, applies the steps, and
// undoes them on failure, on Revert, or when a change that needs
// confirmation is not confirmed in time. HelperService authorizes the
// callers; this class only sees authorized requests.
#pragma once

#include "helperconfig.h"
#include "helpererrors.h"
#include "helpertypes.h"
#include "journal.h"
#include "operation.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace Passerelle {

class TransactionRunner : public QObject
{
    Q_OBJECT
public:
    // Longest confirmation timeout a client may ask for.
    static constexpr uint MaxConfirmSeconds = 3600;

    explicit TransactionRunner(const HelperConfig &config, QObject *parent = nullptr);
    ~TransactionRunner() override;

    // Finishes a transaction a dead helper left in the state folder: undoes
    // it. Called when the helper starts.
    void recover();

    struct Started
    {
        QString transaction;
        std::optional<HelperFailure> failure;
    };
    // Runs OPERATION for the user UID; CONFIRMTIMEOUT as the D-Bus methods
    // take it. ALWAYSCONFIRM puts it on trial even when it changes nothing
    // or touches no critical link (Expose: Docker's part follows Confirm).
    Started start(const Operation &operation, uint confirmTimeout, uint uid, bool alwaysConfirm = false);
    std::optional<HelperFailure> confirm(const QString &transaction, uint uid);
    std::optional<HelperFailure> revert(const QString &transaction, uint uid);
    std::optional<HelperFailure> setConfirmTimeout(const QString &transaction, uint uid, uint seconds);
    HelperPendingList pending(uint uid) const;
    // What start() would do now, without doing it; STATE (when given) gets
    // the links, addresses and routes it was planned on.
    std::optional<HelperFailure> preview(const Operation &operation, HelperPlan *plan, NetState *state = nullptr);

    // A change is waiting for confirmation.
    bool hasPending() const { return m_current.has_value(); }

Q_SIGNALS:
    // "pending", "committed", "reverted" or "failed", as TransactionChanged.
    void changed(const QString &transaction, const QString &state, uint secondsLeft);
    void pendingChanged(bool pending);

private:
    struct Prepared;
    std::optional<HelperFailure> prepare(const Operation &operation, Prepared *out);
    void finishLeftover();
    void commit();
    void timedOut();
    // Undoes the pending transaction and ends it with STATE.
    bool undoPending(const QString &state, QString *error);
    void endTransaction();
    uint secondsLeft() const;
    void armTimer();

    HelperConfig m_config;
    StateDirectory m_dir;
    StateLock m_lock;
    int m_lifeline = -1;
    std::optional<JournalData> m_current;
    QTimer m_deadline;
};

} // namespace Passerelle
