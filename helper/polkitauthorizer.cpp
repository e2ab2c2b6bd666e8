#include "polkitauthorizer.h"

#include "helperlogging.h"

#include <QTimer>

#include <vector>

#include <polkit/polkit.h>

namespace Passerelle {

struct PolkitAuthorizer::Check
{
    quint64 id = 0;
    PolkitAuthorizer *owner = nullptr;   // null once the owner is gone: the callback only frees
    QString busName;
    QString actionId;
    Callback done;
    GCancellable *cancellable = nullptr;
    bool asked = false;                 // polkit_authority_check_authorization() was called
    bool timedOut = false;

    ~Check()
    {
        if (cancellable)
            g_object_unref(cancellable);
    }
};

struct PolkitAuthorizer::AuthorityRequest
{
    PolkitAuthorizer *owner = nullptr;
};

namespace {

void onAuthority(GObject *, GAsyncResult *res, gpointer data)
{
    auto *request = static_cast<PolkitAuthorizer::AuthorityRequest *>(data);
    GError *error = nullptr;
    ::PolkitAuthority *authority = polkit_authority_get_finish(res, &error);
    QString reason;
    if (!authority) {
        reason = QString::fromUtf8(error ? error->message : "unknown error");
        g_clear_error(&error);
    }
    if (request->owner)
        request->owner->authorityReady(authority, reason);
    else if (authority)
        g_object_unref(authority);
    delete request;
}

void onChecked(GObject *source, GAsyncResult *res, gpointer data)
{
    auto *check = static_cast<PolkitAuthorizer::Check *>(data);
    GError *error = nullptr;
    PolkitAuthorizationResult *result =
        polkit_authority_check_authorization_finish(reinterpret_cast<::PolkitAuthority *>(source), res, &error);
    PolkitAuthorizer::Answer answer;
    if (result) {
        answer.authorized = polkit_authorization_result_get_is_authorized(result);
        if (!answer.authorized) {
            if (polkit_authorization_result_get_dismissed(result))
                answer.reason = QStringLiteral("the authentication dialog was dismissed");
            else if (polkit_authorization_result_get_is_challenge(result))
                answer.reason = QStringLiteral("authentication was required and not obtained");
            else
                answer.reason = QStringLiteral("refused by polkit");
        }
        g_object_unref(result);
    } else {
        answer.reason = check->timedOut ? QStringLiteral("polkit did not answer in time")
                                        : QString::fromUtf8(error ? error->message : "unknown error");
        g_clear_error(&error);
    }
    if (check->owner)
        check->owner->answered(check, answer);
    else
        delete check;
}

} // namespace

PolkitAuthorizer::PolkitAuthorizer(std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_timeout(timeout)
{
}

PolkitAuthorizer::~PolkitAuthorizer()
{
    if (m_authorityRequest)
        m_authorityRequest->owner = nullptr;
    for (auto &[id, check] : m_checks) {
        if (check->asked) {
            // The callback still comes if the loop runs again; it frees the check.
            check->owner = nullptr;
            g_cancellable_cancel(check->cancellable);
        } else {
            delete check;
        }
    }
    if (m_authority)
        g_object_unref(static_cast<::PolkitAuthority *>(m_authority));
}

void PolkitAuthorizer::check(const QString &busName, const QString &actionId, Callback done)
{
    auto *c = new Check;
    c->id = m_nextId++;
    c->owner = this;
    c->busName = busName;
    c->actionId = actionId;
    c->done = std::move(done);
    c->cancellable = g_cancellable_new();
    m_checks.emplace(c->id, c);
    QTimer::singleShot(m_timeout, this, [this, id = c->id] { timeout(id); });

    if (m_authority) {
        start(c);
        return;
    }
    // The first check fetches the authority, which may start polkitd:
    // asynchronously, so that the helper keeps answering meanwhile.
    if (!m_authorityRequest) {
        m_authorityRequest = new AuthorityRequest{this};
        polkit_authority_get_async(nullptr, onAuthority, m_authorityRequest);
    }
}

void PolkitAuthorizer::authorityReady(void *authority, const QString &error)
{
    m_authorityRequest = nullptr;
    m_authority = authority;
    std::vector<Check *> waiting;
    for (auto &[id, check] : m_checks) {
        if (!check->asked)
            waiting.push_back(check);
    }
    for (Check *check : waiting) {
        if (m_authority)
            start(check);
        else
            finish(check->id, Answer{false, QStringLiteral("cannot reach polkit: %1").arg(error)});
    }
}

void PolkitAuthorizer::start(Check *check)
{
    check->asked = true;
    const QByteArray name = check->busName.toUtf8();
    const QByteArray action = check->actionId.toUtf8();
    PolkitSubject *subject = polkit_system_bus_name_new(name.constData());
    polkit_authority_check_authorization(static_cast<::PolkitAuthority *>(m_authority), subject, action.constData(),
                                         nullptr, POLKIT_CHECK_AUTHORIZATION_FLAGS_ALLOW_USER_INTERACTION,
                                         check->cancellable, onChecked, check);
    g_object_unref(subject);
}

void PolkitAuthorizer::timeout(quint64 id)
{
    const auto it = m_checks.find(id);
    if (it == m_checks.end())
        return;
    Check *check = it->second;
    if (check->asked) {
        // polkit's library withdraws the request from polkitd; the callback
        // then reports the cancellation as a refusal.
        check->timedOut = true;
        g_cancellable_cancel(check->cancellable);
        return;
    }
    finish(id, Answer{false, QStringLiteral("polkit could not be reached in time")});
}

void PolkitAuthorizer::answered(Check *check, const Answer &answer)
{
    finish(check->id, answer);
}

void PolkitAuthorizer::finish(quint64 id, const Answer &answer)
{
    const auto it = m_checks.find(id);
    if (it == m_checks.end())
        return;
    Check *check = it->second;
    m_checks.erase(it);
    Callback done = std::move(check->done);
    delete check;
    done(answer);
}

} // namespace Passerelle
