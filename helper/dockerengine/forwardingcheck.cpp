#include "forwardingcheck.h"

#include "dockerenginelogging.h"
#include "nftables.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace Passerelle {

namespace {

const QString kFamily = QStringLiteral("ip");
const QString kTable = QStringLiteral("filter");
const QString kForward = QStringLiteral("FORWARD");
const QString kDockerUser = QStringLiteral("DOCKER-USER");
const QString kComment = QStringLiteral("passerelle");

// Chains deeper than this are not followed (iptables allows no loops, but
// a ruleset written with nft could have them).
constexpr int kMaxDepth = 16;

HelperFailure firewallFailure(const QString &errnoName, const QString &detail)
{
    return HelperFailure::make(HelperError::Failed, {QStringLiteral("firewall"), errnoName, detail}, detail);
}

// An interface name pattern as nft prints it: iptables' "br+" is "br*"; a
// literal star is escaped.
bool nameMatches(const QString &pattern, const QString &name)
{
    if (pattern.endsWith(QLatin1Char('*')) && !pattern.endsWith(QLatin1String("\\*")))
        return name.startsWith(pattern.chopped(1));
    QString literal = pattern;
    literal.replace(QLatin1String("\\*"), QLatin1String("*"));
    return literal == name;
}

// Whether a rule's conditions hold for every packet within the bridge
// (iifname == oifname == bridge), for none, or only for some.
enum class Applies { Always, Never, Maybe };

struct Verdict
{
    enum class Kind { None, Accept, Drop, Return, Jump, Goto };
    Kind kind = Kind::None;
    QString target;
};

struct RuleMeaning
{
    Applies applies = Applies::Always;
    Verdict verdict;
};

Applies combine(Applies a, Applies b)
{
    if (a == Applies::Never || b == Applies::Never)
        return Applies::Never;
    if (a == Applies::Maybe || b == Applies::Maybe)
        return Applies::Maybe;
    return Applies::Always;
}

RuleMeaning meaningOf(const QJsonObject &rule, const QString &bridge)
{
    RuleMeaning meaning;
    const QJsonArray exprs = rule.value(QLatin1String("expr")).toArray();
    for (const QJsonValue &value : exprs) {
        const QJsonObject expr = value.toObject();
        const QString kind = expr.isEmpty() ? QString() : expr.constBegin().key();
        const QJsonValue body = expr.value(kind);
        if (kind == QLatin1String("match")) {
            const QJsonObject match = body.toObject();
            const QString key = match.value(QLatin1String("left")).toObject().value(QLatin1String("meta")).toObject()
                                    .value(QLatin1String("key")).toString();
            const QJsonValue right = match.value(QLatin1String("right"));
            const QString op = match.value(QLatin1String("op")).toString(QStringLiteral("=="));
            if ((key == QLatin1String("iifname") || key == QLatin1String("oifname")) && right.isString()
                && (op == QLatin1String("==") || op == QLatin1String("!="))) {
                const bool equal = nameMatches(right.toString(), bridge);
                meaning.applies = combine(meaning.applies, equal == (op == QLatin1String("==")) ? Applies::Always : Applies::Never);
            } else {
                meaning.applies = combine(meaning.applies, Applies::Maybe);
            }
        } else if (kind == QLatin1String("counter")) {
            continue;
        } else if (kind == QLatin1String("xt")) {
            // iptables' extensions nft cannot show natively; a comment
            // matches every packet.
            const QJsonObject xt = body.toObject();
            const bool comment = xt.value(QLatin1String("type")).toString() == QLatin1String("match")
                && xt.value(QLatin1String("name")).toString() == QLatin1String("comment");
            if (!comment)
                meaning.applies = combine(meaning.applies, Applies::Maybe);
        } else if (kind == QLatin1String("accept")) {
            meaning.verdict.kind = Verdict::Kind::Accept;
        } else if (kind == QLatin1String("drop") || kind == QLatin1String("reject")) {
            meaning.verdict.kind = Verdict::Kind::Drop;
        } else if (kind == QLatin1String("return")) {
            meaning.verdict.kind = Verdict::Kind::Return;
        } else if (kind == QLatin1String("jump") || kind == QLatin1String("goto")) {
            meaning.verdict.kind = kind == QLatin1String("jump") ? Verdict::Kind::Jump : Verdict::Kind::Goto;
            meaning.verdict.target = body.toObject().value(QLatin1String("target")).toString();
        } else {
            // Anything else (limits, sets, payload...) may hold for some packets only.
            meaning.applies = combine(meaning.applies, Applies::Maybe);
        }
    }
    return meaning;
}

struct Table
{
    QHash<QString, QJsonObject> chains;
    QHash<QString, QList<QJsonObject>> rules;   // in the chain's order
};

struct Outcome
{
    enum class Kind { Accepted, Dropped, FellThrough };
    Kind kind = Kind::FellThrough;
    QString chain;
    qint64 handle = 0;
};

// Follows CHAIN as a packet within BRIDGE would go through it. Rules that
// hold only for some of those packets neither accept nor drop them all:
// they are passed over.
Outcome walk(const Table &table, const QString &chain, const QString &bridge, int depth)
{
    if (depth > kMaxDepth)
        return {};
    const QList<QJsonObject> rules = table.rules.value(chain);
    for (const QJsonObject &rule : rules) {
        const RuleMeaning m = meaningOf(rule, bridge);
        if (m.applies != Applies::Always)
            continue;
        switch (m.verdict.kind) {
        case Verdict::Kind::None:
            break;
        case Verdict::Kind::Accept:
            return {Outcome::Kind::Accepted, chain, rule.value(QLatin1String("handle")).toInteger()};
        case Verdict::Kind::Drop:
            return {Outcome::Kind::Dropped, chain, rule.value(QLatin1String("handle")).toInteger()};
        case Verdict::Kind::Return:
            return {};
        case Verdict::Kind::Jump: {
            const Outcome inner = walk(table, m.verdict.target, bridge, depth + 1);
            if (inner.kind != Outcome::Kind::FellThrough)
                return inner;
            break;
        }
        case Verdict::Kind::Goto:
            return walk(table, m.verdict.target, bridge, depth + 1);
        }
    }
    return {};
}

// Our rule for BRIDGE: the comment, and conditions that are exactly ours.
bool isOurRule(const QJsonObject &rule, const QString &bridge)
{
    if (rule.value(QLatin1String("comment")).toString() != kComment)
        return false;
    QStringList names;
    const QJsonArray exprs = rule.value(QLatin1String("expr")).toArray();
    for (const QJsonValue &value : exprs) {
        const QJsonObject match = value.toObject().value(QLatin1String("match")).toObject();
        if (!match.isEmpty())
            names.append(match.value(QLatin1String("right")).toString());
    }
    return names == QStringList{bridge, bridge} && meaningOf(rule, bridge).verdict.kind == Verdict::Kind::Accept;
}

QJsonObject listRuleset()
{
    return QJsonObject{{QStringLiteral("nftables"),
                        QJsonArray{QJsonObject{{QStringLiteral("list"), QJsonObject{{QStringLiteral("ruleset"), QJsonValue()}}}}}}};
}

std::optional<HelperFailure> validateBridge(const QString &bridge)
{
    // IFNAMSIZ - 1; the names themselves are the helper's NameValidator's job.
    if (bridge.isEmpty() || bridge.size() > 15)
        return HelperFailure::make(HelperError::InvalidArgument, {QStringLiteral("bridge"), bridge},
                                   QStringLiteral("not a bridge name: \"%1\"").arg(bridge));
    return std::nullopt;
}

} // namespace

ForwardingCheck::ForwardingCheck() = default;

ForwardingCheck::ForwardingCheck(const Paths &paths)
    : m_paths(paths)
{
}

QString ForwardingCheck::ruleComment()
{
    return kComment;
}

ForwardingFinding ForwardingCheck::evaluate(const QJsonArray &ruleset, const QString &bridge)
{
    ForwardingFinding finding;
    Table table;
    for (const QJsonValue &value : ruleset) {
        const QJsonObject entry = value.toObject();
        if (entry.contains(QLatin1String("table"))) {
            const QJsonObject t = entry.value(QLatin1String("table")).toObject();
            if (t.value(QLatin1String("family")).toString() == kFamily && t.value(QLatin1String("name")).toString() == kTable)
                finding.filterTable = true;
            continue;
        }
        const bool isChain = entry.contains(QLatin1String("chain"));
        const QJsonObject o = entry.value(isChain ? QLatin1String("chain") : QLatin1String("rule")).toObject();
        if (o.value(QLatin1String("family")).toString() != kFamily || o.value(QLatin1String("table")).toString() != kTable)
            continue;
        if (isChain)
            table.chains.insert(o.value(QLatin1String("name")).toString(), o);
        else
            table.rules[o.value(QLatin1String("chain")).toString()].append(o);
    }
    const QJsonObject forward = table.chains.value(kForward);
    finding.forwardDrop = forward.value(QLatin1String("hook")).toString() == QLatin1String("forward")
        && forward.value(QLatin1String("policy")).toString() == QLatin1String("drop");
    finding.dockerUserChain = table.chains.contains(kDockerUser);
    for (const QJsonObject &rule : table.rules.value(kDockerUser)) {
        if (isOurRule(rule, bridge)) {
            finding.passerelleHandle = rule.value(QLatin1String("handle")).toInteger();
            break;
        }
    }
    const Outcome outcome = walk(table, kForward, bridge, 0);
    if (outcome.kind == Outcome::Kind::Accepted) {
        finding.acceptedIn = outcome.chain;
        finding.acceptHandle = outcome.handle;
    }
    return finding;
}

std::optional<HelperFailure> ForwardingCheck::check(const QString &bridge, ForwardingFinding *finding) const
{
    if (auto failure = validateBridge(bridge))
        return failure;
    QJsonObject output;
    QString error;
    if (!Nftables::run(listRuleset(), Nftables::Output::Listing, &output, &error))
        return firewallFailure(QString(), QStringLiteral("cannot read the firewall rules: %1").arg(error));
    *finding = evaluate(output.value(QLatin1String("nftables")).toArray(), bridge);
    QFile sysctl(m_paths.callIptables);
    const bool sysctlPresent = sysctl.exists();
    finding->brNetfilter = QFileInfo::exists(m_paths.brNetfilterModule) || sysctlPresent;
    finding->callIptables = sysctlPresent && sysctl.open(QIODevice::ReadOnly) && sysctl.readAll().trimmed() == "1";
    qCDebug(lcDockerEngine) << "forwarding on" << bridge << ": br_netfilter" << finding->brNetfilter << "call-iptables"
                            << finding->callIptables << "FORWARD drop" << finding->forwardDrop << "accepted in"
                            << finding->acceptedIn << finding->acceptHandle;
    return std::nullopt;
}

std::optional<HelperFailure> ForwardingCheck::fix(const QString &bridge, qint64 *handle) const
{
    ForwardingFinding before;
    if (auto failure = check(bridge, &before))
        return failure;
    if (!before.filterTable || !before.dockerUserChain)
        return firewallFailure(QStringLiteral("ENOENT"),
                               QStringLiteral("there is no chain DOCKER-USER in table ip filter: Docker creates it when "
                                              "it manages iptables (\"iptables\": true)"));
    if (before.passerelleHandle > 0) {
        *handle = before.passerelleHandle;
        return std::nullopt;
    }
    const QJsonObject rule{
        {QStringLiteral("family"), kFamily},
        {QStringLiteral("table"), kTable},
        {QStringLiteral("chain"), kDockerUser},
        {QStringLiteral("comment"), kComment},
        // As iptables-nft writes `-i BR -o BR -j ACCEPT` (a counter included),
        // so that iptables lists it as one of its own.
        {QStringLiteral("expr"),
         QJsonArray{
             QJsonObject{{QStringLiteral("match"),
                          QJsonObject{{QStringLiteral("op"), QStringLiteral("==")},
                                      {QStringLiteral("left"), QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("key"), QStringLiteral("iifname")}}}}},
                                      {QStringLiteral("right"), bridge}}}},
             QJsonObject{{QStringLiteral("match"),
                          QJsonObject{{QStringLiteral("op"), QStringLiteral("==")},
                                      {QStringLiteral("left"), QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("key"), QStringLiteral("oifname")}}}}},
                                      {QStringLiteral("right"), bridge}}}},
             QJsonObject{{QStringLiteral("counter"), QJsonValue()}},
             QJsonObject{{QStringLiteral("accept"), QJsonValue()}},
         }},
    };
    // "insert" without a position puts it first in the chain.
    const QJsonObject commands{
        {QStringLiteral("nftables"), QJsonArray{QJsonObject{{QStringLiteral("insert"), QJsonObject{{QStringLiteral("rule"), rule}}}}}}};
    QJsonObject output;
    QString error;
    if (!Nftables::run(commands, Nftables::Output::Echo, &output, &error))
        return firewallFailure(QString(), QStringLiteral("cannot add the rule to DOCKER-USER: %1").arg(error));
    qint64 added = 0;
    for (const QJsonValue &value : output.value(QLatin1String("nftables")).toArray()) {
        const QJsonObject echoed = value.toObject().value(QLatin1String("insert")).toObject().value(QLatin1String("rule")).toObject();
        if (echoed.value(QLatin1String("chain")).toString() == kDockerUser)
            added = echoed.value(QLatin1String("handle")).toInteger();
    }
    if (added <= 0)
        return firewallFailure(QString(), QStringLiteral("libnftables did not say which handle the new rule has"));
    qCInfo(lcDockerEngine) << "accepting traffic within" << bridge << "in DOCKER-USER, rule handle" << added;

    ForwardingFinding after;
    if (auto failure = check(bridge, &after)) {
        undo(added);
        return failure;
    }
    if (after.acceptedIn.isEmpty()) {
        undo(added);
        return firewallFailure(QString(), QStringLiteral("a rule in DOCKER-USER would not accept traffic within %1: FORWARD "
                                                         "does not reach DOCKER-USER, or drops that traffic before")
                                              .arg(bridge));
    }
    *handle = added;
    return std::nullopt;
}

std::optional<HelperFailure> ForwardingCheck::undo(qint64 handle) const
{
    if (handle <= 0)
        return HelperFailure::make(HelperError::InvalidArgument, {QStringLiteral("handle"), QString::number(handle)},
                                   QStringLiteral("not a rule handle: %1").arg(handle));
    QJsonObject output;
    QString error;
    if (!Nftables::run(listRuleset(), Nftables::Output::Listing, &output, &error))
        return firewallFailure(QString(), QStringLiteral("cannot read the firewall rules: %1").arg(error));
    QJsonObject found;
    for (const QJsonValue &value : output.value(QLatin1String("nftables")).toArray()) {
        const QJsonObject rule = value.toObject().value(QLatin1String("rule")).toObject();
        if (rule.value(QLatin1String("family")).toString() == kFamily && rule.value(QLatin1String("table")).toString() == kTable
            && rule.value(QLatin1String("chain")).toString() == kDockerUser
            && rule.value(QLatin1String("handle")).toInteger() == handle) {
            found = rule;
            break;
        }
    }
    if (found.isEmpty()) {
        // Gone already (Docker flushed its chains, someone removed it).
        qCInfo(lcDockerEngine) << "DOCKER-USER rule" << handle << "is gone already";
        return std::nullopt;
    }
    if (found.value(QLatin1String("comment")).toString() != kComment)
        return HelperFailure::make(HelperError::InvalidArgument, {QStringLiteral("handle"), QString::number(handle)},
                                   QStringLiteral("rule %1 in DOCKER-USER is not Passerelle's: left alone").arg(handle));
    const QJsonObject rule{
        {QStringLiteral("family"), kFamily},
        {QStringLiteral("table"), kTable},
        {QStringLiteral("chain"), kDockerUser},
        {QStringLiteral("handle"), handle},
    };
    const QJsonObject commands{
        {QStringLiteral("nftables"), QJsonArray{QJsonObject{{QStringLiteral("delete"), QJsonObject{{QStringLiteral("rule"), rule}}}}}}};
    if (!Nftables::run(commands, Nftables::Output::Echo, &output, &error))
        return firewallFailure(QString(), QStringLiteral("cannot remove rule %1 from DOCKER-USER: %2").arg(handle).arg(error));
    qCInfo(lcDockerEngine) << "removed DOCKER-USER rule" << handle;
    return std::nullopt;
}

} // namespace Passerelle
