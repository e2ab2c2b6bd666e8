#include "transactionrunner.h"

#include "helperlogging.h"
#include "linkeditor.h"
#include "remotesessions.h"
#include "rollbackagent.h"
#include "transaction.h"

#include <QRandomGenerator>

#include <cerrno>
#include <unistd.h>

namespace Passerelle {

namespace {

// How long a new transaction waits for the state lock: long enough for an
// agent finishing a rollback, short enough to answer Busy quickly.
constexpr int lockWaitMs = 300;
// At start, a rollback agent or another helper may be finishing a journal.
constexpr int recoveryLockWaitMs = 3000;

QString randomHandle()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

HelperFailure stepFailure(const Operation &operation, const Step &step, const LinkEditor::Result &result)
{
    const QString detail = QStringLiteral("%1: %2").arg(step.logText(), result.error);
    if (step.kind == Step::Kind::CreateBridge && result.kernelErrno == EEXIST)
        return HelperFailure::make(HelperError::AlreadyExists, {step.link}, detail);
    if (result.kernelErrno == ENODEV) {
        // The link that went away meanwhile: the target when it is gone.
        LinkEditor::Result read;
        const LinkSnapshot links = LinkEditor::snapshot(&read);
        const QString gone = !step.target.isEmpty() && read.ok() && !links.byName(step.target) ? step.target : step.link;
        return HelperFailure::make(HelperError::NoSuchLink, {gone}, detail);
    }
    if (step.kind == Step::Kind::SetMaster && result.kernelErrno == ELOOP)
        return HelperFailure::make(HelperError::Loop, {step.target, step.link}, detail);
    return operation.kernelFailure(result.kernelErrno, detail);
}

HelperFailure failed(const QString &method, const QString &detail)
{
    return HelperFailure::make(HelperError::Failed, {method, QString(), detail}, detail);
}

HelperFailure busy()
{
    return HelperFailure::make(HelperError::Busy, {QStringLiteral("transaction")},
                               QStringLiteral("Another change is being made or waits for confirmation"));
}

HelperFailure noSuchTransaction(const QString &transaction)
{
    return HelperFailure::make(HelperError::NoSuchTransaction, {transaction},
                               QStringLiteral("No change of yours waits for confirmation with this handle"));
}

HelperFailure invalidArgument(const QString &argument, const QString &value)
{
    return HelperFailure::make(HelperError::InvalidArgument, {argument, value},
                               QStringLiteral("Invalid %1: %2").arg(argument, value));
}

} // namespace

struct TransactionRunner::Prepared
{
    NetState state;   // what the plan was made on
    Plan plan;
    bool critical = false;
};

TransactionRunner::TransactionRunner(const HelperConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_dir(config.stateDirectory)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &TransactionRunner::timedOut);
}

TransactionRunner::~TransactionRunner()
{
    // A pending change outlives the helper only through its agent: closing
    // the lifeline hands the deadline over to it.
    if (m_lifeline >= 0)
        ::close(m_lifeline);
}

void TransactionRunner::recover()
{
    QString error;
    if (!m_dir.prepare(&error)) {
        qCWarning(lcHelper, "state folder: %s", qPrintable(error));
        return;
    }
    if (!m_lock.acquire(m_dir.lockPath(), recoveryLockWaitMs, &error)) {
        if (!error.isEmpty())
            qCWarning(lcHelper, "%s", qPrintable(error));
        return; // a live process owns the transaction in progress
    }
    finishLeftover();
    m_lock.release();
}

void TransactionRunner::finishLeftover()
{
    QString error;
    std::optional<JournalData> left = Journal::read(m_dir.journalPath(), &error);
    if (!left) {
        if (!error.isEmpty()) {
            qCCritical(lcHelper, "%s; removed", qPrintable(error));
            Journal::remove(m_dir.journalPath(), &error);
        }
        return;
    }
    if (left->bootId != Journal::currentBootId() || left->netns != Journal::currentNetns()) {
        // Its links are gone with the boot (or belong to another namespace).
        qCWarning(lcHelper, "journal of transaction %s is from another boot or network namespace; discarded",
                  qPrintable(left->transaction));
        Journal::remove(m_dir.journalPath(), &error);
        return;
    }
    qCWarning(lcHelper, "transaction %s (%s) was left %s by a helper that died; undoing it",
              qPrintable(left->transaction), qPrintable(left->method), qPrintable(JournalData::stateName(left->state)));
    if (!Journal::rollBack(m_dir.journalPath(), &*left, &error))
        qCCritical(lcHelper, "could not put everything back: %s", qPrintable(error));
}

std::optional<HelperFailure> TransactionRunner::prepare(const Operation &operation, Prepared *out)
{
    LinkEditor::Result read;
    out->state = LinkEditor::readState(&read);
    const NetState &state = out->state;
    if (!read.ok())
        return failed(operation.method(), QStringLiteral("Cannot read the links: %1").arg(read.error));
    const QList<MoveRecord> moves = Journal::readMoves(m_dir.movesPath(), state.links);
    if (auto failure = Transaction::plan(operation, state, moves, &out->plan))
        return failure;
    const QSet<int> critical = Transaction::criticalLinks(state, RemoteSessions::links());
    out->critical = out->plan.touched.intersects(critical);
    return std::nullopt;
}

TransactionRunner::Started TransactionRunner::start(const Operation &operation, uint confirmTimeout, uint uid,
                                                  bool alwaysConfirm)
{
    if (auto failure = operation.validateNames())
        return {QString(), failure};
    if (confirmTimeout > MaxConfirmSeconds)
        return {QString(), invalidArgument(QStringLiteral("confirmTimeout"), QString::number(confirmTimeout))};
    if (m_current)
        return {QString(), busy()};
    QString error;
    if (!m_dir.prepare(&error))
        return {QString(), failed(operation.method(), error)};
    if (!m_lock.acquire(m_dir.lockPath(), lockWaitMs, &error))
        return {QString(), error.isEmpty() ? busy() : failed(operation.method(), error)};
    // Holding the lock, a journal here can only be a dead helper's.
    finishLeftover();

    Prepared prepared;
    if (auto failure = prepare(operation, &prepared)) {
        m_lock.release();
        qCInfo(lcHelper, "%s refused: %s", qPrintable(operation.describe()), qPrintable(failure->name));
        return {QString(), failure};
    }
    const QString handle = randomHandle();
    const uint seconds = confirmTimeout > 0 ? confirmTimeout
        : (prepared.critical || alwaysConfirm) ? uint(m_config.confirmTimeoutSeconds)
                                               : 0;
    if (prepared.plan.steps.isEmpty() && !alwaysConfirm) {
        m_lock.release();
        qCInfo(lcHelper, "%s: nothing to change", qPrintable(operation.describe()));
        QMetaObject::invokeMethod(this, [this, handle] { Q_EMIT changed(handle, QStringLiteral("committed"), 0); },
                                  Qt::QueuedConnection);
        return {handle, std::nullopt};
    }

    JournalData j;
    j.transaction = handle;
    j.method = operation.method();
    j.parameters = operation.parameters();
    j.uid = uid;
    j.steps = prepared.plan.steps;
    j.indexes = prepared.plan.indexes;
    j.bootId = Journal::currentBootId();
    j.netns = Journal::currentNetns();
    const QString journal = m_dir.journalPath();
    // Written, and the agent armed, before the first netlink change.
    if (!Journal::write(journal, j, &error)) {
        m_lock.release();
        return {QString(), failed(operation.method(), error)};
    }
    m_lifeline = RollbackAgent::launch(RollbackAgent::defaultPath(), journal, &error);
    if (m_lifeline < 0) {
        qCCritical(lcHelper, "cannot arm the rollback agent: %s", qPrintable(error));
        Journal::remove(journal, &error);
        m_lock.release();
        return {QString(), failed(operation.method(), QStringLiteral("Cannot start the rollback agent"))};
    }
    qCInfo(lcHelper, "transaction %s: %s, %lld steps", qPrintable(handle), qPrintable(operation.describe()),
           qint64(j.steps.size()));

    for (int i = 0; i < j.steps.size(); ++i) {
        const Step &step = j.steps.at(i);
        const LinkEditor::Result result = step.apply(&j.indexes);
        std::optional<HelperFailure> failure;
        if (!result.ok()) {
            qCWarning(lcHelper, "%s failed: %s", qPrintable(step.logText()), qPrintable(result.error));
            failure = stepFailure(operation, step, result);
            j.lastRefused = true;
        } else {
            qCInfo(lcHelper, "%s done", qPrintable(step.logText()));
            j.done = i + 1;
            if (!Journal::write(journal, j, &error)) {
                qCCritical(lcHelper, "%s", qPrintable(error));
                failure = failed(operation.method(), error);
                j.lastRefused = false;
            }
        }
        if (failure) {
            j.state = JournalData::State::RollingBack;
            Journal::write(journal, j, &error);
            if (!Journal::rollBack(journal, &j, &error))
                qCCritical(lcHelper, "could not put everything back: %s", qPrintable(error));
            endTransaction();
            QMetaObject::invokeMethod(this, [this, handle] { Q_EMIT changed(handle, QStringLiteral("failed"), 0); },
                                      Qt::QueuedConnection);
            return {QString(), failure};
        }
    }
    if (prepared.plan.move) {
        MoveRecord record = *prepared.plan.move;
        record.bridgeIndex = j.indexes.value(record.bridge);
        j.move = record;
    }
    m_current = j;
    if (seconds == 0) {
        commit();
        return {handle, std::nullopt};
    }
    m_current->state = JournalData::State::Pending;
    m_current->totalSeconds = seconds;
    m_current->deadlineMs = Journal::boottimeMs() + qint64(seconds) * 1000;
    if (!Journal::write(journal, *m_current, &error))
        qCCritical(lcHelper, "%s", qPrintable(error)); // the agent still undoes it from the last journal
    RollbackAgent::poke(m_lifeline);
    armTimer();
    qCInfo(lcHelper, "transaction %s waits %u s for confirmation", qPrintable(handle), seconds);
    Q_EMIT pendingChanged(true);
    QMetaObject::invokeMethod(this, [this, handle, seconds] { Q_EMIT changed(handle, QStringLiteral("pending"), seconds); },
                              Qt::QueuedConnection);
    return {handle, std::nullopt};
}

void TransactionRunner::commit()
{
    const JournalData j = *m_current;
    QString error;
    // What DeleteBridge will give back: kept only for committed moves.
    LinkEditor::Result read;
    const LinkSnapshot links = LinkEditor::snapshot(&read);
    QList<MoveRecord> moves = Journal::readMoves(m_dir.movesPath(), links);
    const QString first = j.parameters.value(0);
    const QString second = j.parameters.value(1);
    moves.removeIf([&](const MoveRecord &m) {
        if (j.method == QLatin1String("DeleteBridge"))
            return m.bridge == first;
        if (j.method == QLatin1String("RemovePort") || j.method == QLatin1String("BridgePort"))
            return m.port == second;
        return false;
    });
    if (j.move)
        moves.append(*j.move);
    if (read.ok() && !Journal::writeMoves(m_dir.movesPath(), moves, &error))
        qCWarning(lcHelper, "%s", qPrintable(error));
    if (!Journal::remove(m_dir.journalPath(), &error))
        qCWarning(lcHelper, "%s", qPrintable(error));
    qCInfo(lcHelper, "transaction %s committed", qPrintable(j.transaction));
    endTransaction();
    const QString handle = j.transaction;
    QMetaObject::invokeMethod(this, [this, handle] { Q_EMIT changed(handle, QStringLiteral("committed"), 0); },
                              Qt::QueuedConnection);
}

bool TransactionRunner::undoPending(const QString &state, QString *error)
{
    JournalData j = *m_current;
    const bool ok = Journal::rollBack(m_dir.journalPath(), &j, error);
    if (!ok)
        qCCritical(lcHelper, "could not put everything back: %s", qPrintable(*error));
    qCInfo(lcHelper, "transaction %s %s", qPrintable(j.transaction), qPrintable(state));
    endTransaction();
    const QString handle = j.transaction;
    QMetaObject::invokeMethod(this, [this, handle, state] { Q_EMIT changed(handle, state, 0); }, Qt::QueuedConnection);
    return ok;
}

void TransactionRunner::endTransaction()
{
    const bool wasPending = m_current && m_current->state == JournalData::State::Pending;
    m_deadline.stop();
    m_current.reset();
    // The journal is gone: the agent wakes up, finds nothing to do, exits.
    if (m_lifeline >= 0) {
        ::close(m_lifeline);
        m_lifeline = -1;
    }
    m_lock.release();
    if (wasPending)
        Q_EMIT pendingChanged(false);
}

uint TransactionRunner::secondsLeft() const
{
    if (!m_current)
        return 0;
    const qint64 left = m_current->deadlineMs - Journal::boottimeMs();
    return left <= 0 ? 0 : uint((left + 999) / 1000);
}

void TransactionRunner::armTimer()
{
    const qint64 left = m_current->deadlineMs - Journal::boottimeMs();
    m_deadline.start(int(qBound<qint64>(0, left, qint64(MaxConfirmSeconds) * 1000 + 1000)));
}

void TransactionRunner::timedOut()
{
    if (!m_current)
        return;
    if (Journal::boottimeMs() < m_current->deadlineMs) {
        armTimer();
        return;
    }
    qCInfo(lcHelper, "transaction %s not confirmed in time", qPrintable(m_current->transaction));
    QString error;
    undoPending(QStringLiteral("reverted"), &error);
}

std::optional<HelperFailure> TransactionRunner::confirm(const QString &transaction, uint uid)
{
    if (!m_current || m_current->transaction != transaction || m_current->uid != uid)
        return noSuchTransaction(transaction);
    commit();
    return std::nullopt;
}

std::optional<HelperFailure> TransactionRunner::revert(const QString &transaction, uint uid)
{
    if (!m_current || m_current->transaction != transaction || m_current->uid != uid)
        return noSuchTransaction(transaction);
    QString error;
    if (!undoPending(QStringLiteral("reverted"), &error))
        return failed(QStringLiteral("Revert"), error);
    return std::nullopt;
}

std::optional<HelperFailure> TransactionRunner::setConfirmTimeout(const QString &transaction, uint uid, uint seconds)
{
    if (!m_current || m_current->transaction != transaction || m_current->uid != uid)
        return noSuchTransaction(transaction);
    if (seconds == 0 || seconds > MaxConfirmSeconds)
        return invalidArgument(QStringLiteral("seconds"), QString::number(seconds));
    m_current->totalSeconds = seconds;
    m_current->deadlineMs = Journal::boottimeMs() + qint64(seconds) * 1000;
    QString error;
    if (!Journal::write(m_dir.journalPath(), *m_current, &error))
        return failed(QStringLiteral("SetConfirmTimeout"), error);
    RollbackAgent::poke(m_lifeline);
    armTimer();
    QMetaObject::invokeMethod(this, [this, transaction, seconds] {
        Q_EMIT changed(transaction, QStringLiteral("pending"), seconds);
    }, Qt::QueuedConnection);
    return std::nullopt;
}

HelperPendingList TransactionRunner::pending(uint uid) const
{
    if (!m_current || m_current->uid != uid)
        return {};
    return {HelperPendingTransaction{m_current->transaction, m_current->method, secondsLeft(), m_current->totalSeconds,
                                     m_current->parameters}};
}

std::optional<HelperFailure> TransactionRunner::preview(const Operation &operation, HelperPlan *plan, NetState *state)
{
    if (auto failure = operation.validateNames())
        return failure;
    Prepared prepared;
    if (auto failure = prepare(operation, &prepared))
        return failure;
    *plan = prepared.plan.describe();
    if (state)
        *state = prepared.state;
    if (prepared.critical && !prepared.plan.steps.isEmpty())
        plan->append({QStringLiteral("Confirm"), {QString::number(m_config.confirmTimeoutSeconds)}});
    return std::nullopt;
}

} // namespace Passerelle
