// One change the helper makes, as a client asked for it over D-Bus. The
// helper authorizes it, validates its names, checks it against a snapshot of
// the namespace's links, and only then hands it to LinkEditor.
//
// Operations are plain values on purpose: Transaction turns one into the
// ordered steps that carry it out, against a fresh snapshot.
#pragma once

#include "helpererrors.h"
#include "linksnapshot.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

struct Operation
{
    enum class Kind { CreateBridge, DeleteBridge, AddPort, RemovePort, SetLinkUp, SetStp, BridgePort };

    Kind kind = Kind::CreateBridge;
    QString link;            // the bridge, or the link of SetLinkUp
    QString port;            // AddPort, RemovePort, BridgePort
    bool enable = false;     // STP for CreateBridge, SetStp and BridgePort, up for SetLinkUp
    bool moveAddresses = false;   // BridgePort

    static Operation createBridge(const QString &name, bool stp) { return {Kind::CreateBridge, name, {}, stp}; }
    static Operation deleteBridge(const QString &name) { return {Kind::DeleteBridge, name, {}, false}; }
    static Operation addPort(const QString &bridge, const QString &port) { return {Kind::AddPort, bridge, port, false}; }
    static Operation removePort(const QString &bridge, const QString &port) { return {Kind::RemovePort, bridge, port, false}; }
    static Operation setLinkUp(const QString &name, bool up) { return {Kind::SetLinkUp, name, {}, up}; }
    static Operation setStp(const QString &bridge, bool on) { return {Kind::SetStp, bridge, {}, on}; }
    static Operation bridgePort(const QString &bridge, const QString &port, bool moveAddresses, bool stp)
    {
        return {Kind::BridgePort, bridge, port, stp, moveAddresses};
    }
    // From a method name and its arguments as strings (booleans "true" or
    // "false"), as Plan takes them; nullopt when they do not fit.
    static std::optional<Operation> fromStrings(const QString &method, const QStringList &arguments);

    // The D-Bus method that asks for it: "CreateBridge", ...
    QString method() const;
    // The polkit action that authorizes it.
    QString actionId() const;
    // "AddPort(br0, em1)", for the log. Only valid names reach the log.
    QString describe() const;
    // The arguments as strings, in the method's order ("br0", "em1", "true").
    QStringList parameters() const;

    // InvalidName for the first name that is not a valid interface name.
    std::optional<HelperFailure> validateNames() const;
    // Whether the operation may run on SNAPSHOT: the links exist, none is
    // loopback, the bridge is a bridge, no port loop, no port stolen from
    // another bridge, no name taken. Pure.
    std::optional<HelperFailure> check(const LinkSnapshot &snapshot) const;
    // The failure to report when the kernel refused a step of the operation
    // with ERRNUM (steps that name a link of their own are told apart first).
    HelperFailure kernelFailure(int errnum, const QString &detail) const;
};

} // namespace Passerelle
