// passerelle-rollback: the part of a transaction that lives outside the
// helper, so that a change is undone even when the helper dies.
//
// The helper starts one agent per transaction, before its first netlink
// change: forked twice and exec'd in a session of its own (no shell), with
// the journal's path as its only argument (a fixed path in root's state
// folder, never anything a client sent) and one end of a socket pair as
// fd 3, the lifeline. The helper holds the other end and the state lock for
// the whole transaction; it writes a byte on the lifeline whenever the
// journal's deadline changes, and closes it when the transaction is over.
//
// The agent sleeps on the lifeline. When it closes, the helper has either
// finished (no journal left: the agent exits) or died: then the agent takes
// the state lock and undoes a transaction caught while being applied at
// once, and one waiting for confirmation when its deadline comes (unless a
// new helper did it first, which every helper does when it starts). While
// the helper lives, the agent leaves the deadline to it.
#pragma once

#include <QString>

namespace Passerelle::RollbackAgent {

// The agent next to the running helper's executable (both live in libexec).
QString defaultPath();

// Starts AGENT for the journal at JOURNALPATH. Returns the helper's end of
// the lifeline, or -1 with ERROR.
int launch(const QString &agent, const QString &journalPath, QString *error);

// Wakes the agent up to read the journal again.
void poke(int lifeline);

// The agent's main loop; the process's exit code.
int run(const QString &journalPath);

} // namespace Passerelle::RollbackAgent
