// Asks polkit whether a D-Bus caller may perform an action: one small class
// over libpolkit-gobject-1 (polkit-qt6 is not packaged in Debian 12). The
// subject is the caller's unique bus name as the bus daemon stamped it on
// the message, so polkit itself asks the bus who the caller is; a pid or an
// id sent by the client is never used.
//
// Answers arrive through GLib callbacks. They run because Qt's event loop
// on Linux is GLib's own (main.cpp makes sure of it); any error, a missing
// polkitd or no answer within the timeout count as a refusal.
#pragma once

#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <map>

namespace Passerelle {

class PolkitAuthorizer : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        bool authorized = false;
        QString reason;      // why not, for the log
    };
    using Callback = std::function<void(const Answer &)>;

    explicit PolkitAuthorizer(std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~PolkitAuthorizer() override;

    // Asks whether BUSNAME may do ACTIONID, letting polkit ask the person for
    // a password through their authentication agent. DONE is called exactly
    // once, later, from the event loop, unless this object is destroyed first.
    void check(const QString &busName, const QString &actionId, Callback done);

    // Callbacks of libpolkit; public only so that the C trampolines can reach them.
    struct Check;
    struct AuthorityRequest;
    void authorityReady(void *authority, const QString &error);
    void answered(Check *check, const Answer &answer);

private:
    void start(Check *check);
    void timeout(quint64 id);
    void finish(quint64 id, const Answer &answer);

    std::chrono::milliseconds m_timeout;
    void *m_authority = nullptr;              // libpolkit's PolkitAuthority *, kept out of this header
    AuthorityRequest *m_authorityRequest = nullptr;
    std::map<quint64, Check *> m_checks;
    quint64 m_nextId = 1;
};

} // namespace Passerelle
