#include "exposewizard.h"

#include "exposeplanview.h"
#include "helpererrortext.h"
#include "helpersession.h"
#include "topologygraph.h"
#include "topologymodel.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDBusPendingCallWatcher>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

namespace Passerelle {

namespace {

const QColor ErrorInk(0xb0, 0x1c, 0x1c);

// A sentence that wraps, for explanations under a field or a choice.
QLabel *noteLabel(QWidget *parent, const char *objectName, int indent = 0)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(indent, 0, 0, 2);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    label->setPalette(p);
    return label;
}

// Red, under the field it is about; hidden while there is nothing to say.
QLabel *errorLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, ErrorInk);
    label->setPalette(p);
    label->hide();
    return label;
}

void setError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// The room a radio button's or check box's text starts at, for its note.
int indicatorIndent(const QWidget *w)
{
    return w->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, w)
        + w->style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, w);
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

// Docker's rule for a network's name.
bool validNetworkName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    return rule.match(name).hasMatch();
}

} // namespace

// ---------------------------------------------------------------------------

ExposeWizard::ExposeWizard(TopologyModel *model, HelperSession *session, const QString &port, QWidget *parent)
    : QWizard(parent)
    , m_model(model)
    , m_session(session)
{
    setObjectName(QStringLiteral("exposeWizard"));
    setWindowTitle(tr("Expose Containers on the Physical Network"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    // The same look on every platform, and room for French sentences.
    setWizardStyle(QWizard::ModernStyle);
    setButtonText(QWizard::FinishButton, tr("Apply"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 96);
    // The preview's diff and files want room; the window may still shrink.
    resize(fontMetrics().averageCharWidth() * 112, fontMetrics().height() * 40);

    m_port = new ExposePortPage(this, port);
    m_addresses = new ExposeAddressPage(this);
    m_docker = new ExposeDockerPage(this);
    m_preview = new ExposePreviewPage(this);
    setPage(PortPage, m_port);
    setPage(AddressPage, m_addresses);
    setPage(DockerPage, m_docker);
    setPage(PreviewPage, m_preview);
    setStartId(PortPage);
}

ExposeWizard::~ExposeWizard() = default;

QStringList ExposeWizard::candidatePorts(const TopologyModel &model)
{
    QStringList out;
    for (const Link &l : model.links()) {
        if (l.kind == QLatin1String("bridge") || l.kind == QLatin1String("loopback"))
            continue;
        if (model.roleOf(l.ifindex) != QLatin1String("uplink"))
            continue;
        // A port of something that is not a bridge (a bond) is not ours to move.
        if (l.masterIndex != 0) {
            const std::optional<Link> master = model.link(l.masterIndex);
            if (!master || master->kind != QLatin1String("bridge"))
                continue;
        }
        out.append(l.name);
    }
    return out;
}

LinkChange ExposeWizard::change() const
{
    LinkChange c = LinkChange::expose(m_port->port(), m_port->bridge(), m_addresses->fixedCidr(),
                                      m_addresses->gateway());
    c.dockerMode = m_docker->mode();
    c.dockerNetwork = m_docker->networkName();
    c.persist = m_docker->persist();
    return c;
}

ExposeProposal ExposeWizard::proposal() const
{
    return ExposeProposal::forPort(*m_model, m_port->port(), m_port->bridge());
}

// ---------------------------------------------------------------------------

ExposePortPage::ExposePortPage(ExposeWizard *wizard, const QString &port)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("exposePortPage"));
    setTitle(tr("Port and bridge"));
    // Short subtitles: the wizard's header does not grow for long ones.
    setSubTitle(tr("The network the containers join, and the bridge that carries it."));
    auto *intro = noteLabel(this, "portIntro");
    intro->setText(tr("Containers get addresses on the network this port is plugged into. The port becomes a port of "
                      "a bridge, which carries the host's addresses from then on, and Docker puts its containers on "
                      "that bridge."));

    const TopologyModel &model = *wizard->model();
    m_port = new QComboBox(this);
    m_port->setObjectName(QStringLiteral("exposePort"));
    QStringList ports = ExposeWizard::candidatePorts(model);
    if (!port.isEmpty() && !ports.contains(port))
        ports.prepend(port);
    for (const QString &name : std::as_const(ports)) {
        QStringList v4;
        if (const std::optional<Link> l = model.linkByName(name)) {
            for (const Address &a : l->addresses) {
                if (a.family == 2 && a.scope == QLatin1String("global"))
                    v4.append(TopologyText::addressText(a));
            }
        }
        m_port->addItem(v4.isEmpty() ? name : tr("%1 (%2)", "port (its addresses)").arg(name, v4.join(QStringLiteral(", "))),
                        name);
    }
    if (!port.isEmpty())
        m_port->setCurrentIndex(m_port->findData(port));

    m_bridge = new QComboBox(this);
    m_bridge->setObjectName(QStringLiteral("exposeBridge"));
    m_bridge->setEditable(true);
    m_bridge->setInsertPolicy(QComboBox::NoInsert);
    QStringList bridges;
    for (const Link &l : model.links()) {
        if (l.kind == QLatin1String("bridge"))
            bridges.append(l.name);
    }
    m_bridge->addItems(bridges);
    m_bridge->lineEdit()->setMaxLength(15);
    m_bridge->setMinimumContentsLength(16);

    // The seed's name, unless the port already hangs from a bridge.
    QString proposed = QStringLiteral("br0");
    if (const std::optional<Link> l = model.linkByName(this->port()); l && l->masterIndex) {
        if (const std::optional<Link> master = model.link(l->masterIndex))
            proposed = master->name;
    }
    m_bridge->setEditText(proposed);

    m_bridgeNote = noteLabel(this, "bridgeNote");
    m_error = errorLabel(this, "bridgeError");

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Physical port:"), m_port);
    form->addRow(tr("Bridge:"), m_bridge);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_bridgeNote);
    layout->addStretch(1);

    connect(m_port, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the port's bridge when it has one.
        if (const std::optional<Link> l = m_wizard->model()->linkByName(this->port()); l && l->masterIndex) {
            if (const std::optional<Link> master = m_wizard->model()->link(l->masterIndex))
                m_bridge->setEditText(master->name);
        }
        update();
    });
    connect(m_bridge, &QComboBox::editTextChanged, this, &ExposePortPage::update);
    update();
}

QString ExposePortPage::port() const
{
    return m_port->currentData().toString();
}

QString ExposePortPage::bridge() const
{
    return m_bridge->currentText().trimmed();
}

bool ExposePortPage::isComplete() const
{
    return !port().isEmpty() && ExposeCheck::bridgeName(bridge(), *m_wizard->model()).isEmpty();
}

void ExposePortPage::update()
{
    const TopologyModel &model = *m_wizard->model();
    const QString port = this->port();
    const QString bridge = this->bridge();
    QString error = port.isEmpty() ? tr("No physical port to expose: this host has no uplink.") : QString();
    if (error.isEmpty())
        error = ExposeCheck::bridgeName(bridge, model);
    setError(m_error, error);

    QString note;
    const std::optional<Link> existing = model.linkByName(bridge);
    const std::optional<Link> portLink = model.linkByName(port);
    if (error.isEmpty()) {
        if (existing && portLink && portLink->masterIndex == existing->ifindex)
            note = tr("%1 is already a port of %2: the network stays as it is, and only Docker is set up.")
                       .arg(port, bridge);
        else if (existing)
            note = tr("%1 exists: %2 becomes one of its ports, and %2's addresses and routes move onto it.")
                       .arg(bridge, port);
        else
            note = tr("%1 will be created with %2's MAC address, so the LAN's DHCP server and switches see the same "
                      "machine; %2's addresses and routes move onto it, then %2 becomes its port.")
                       .arg(bridge, port);
    }
    m_bridgeNote->setText(note);
    m_bridgeNote->setVisible(!note.isEmpty());
    Q_EMIT completeChanged();
}

// ---------------------------------------------------------------------------

ExposeAddressPage::ExposeAddressPage(ExposeWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("exposeAddressPage"));
    setTitle(tr("Container addresses"));
    setSubTitle(tr("The part of the LAN the containers take their addresses from, and their gateway."));

    m_network = new QLabel(this);
    m_network->setObjectName(QStringLiteral("networkSummary"));
    m_network->setWordWrap(true);
    m_network->setTextFormat(Qt::PlainText);

    m_fixedCidr = new QLineEdit(this);
    m_fixedCidr->setObjectName(QStringLiteral("fixedCidr"));
    m_fixedCidr->setPlaceholderText(tr("such as 192.168.1.192/26"));
    m_fixedCidrError = errorLabel(this, "fixedCidrError");
    m_gateway = new QLineEdit(this);
    m_gateway->setObjectName(QStringLiteral("defaultGateway"));
    m_gateway->setPlaceholderText(tr("such as 192.168.1.1"));
    m_gatewayError = errorLabel(this, "defaultGatewayError");
    m_why = noteLabel(this, "fixedCidrWhy");

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Containers' address range (fixed-cidr):"), m_fixedCidr);
    form->addRow(QString(), m_fixedCidrError);
    form->addRow(tr("Containers' gateway (default-gateway):"), m_gateway);
    form->addRow(QString(), m_gatewayError);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_network);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_why);
    layout->addStretch(1);

    connect(m_fixedCidr, &QLineEdit::textChanged, this, &ExposeAddressPage::check);
    connect(m_gateway, &QLineEdit::textChanged, this, &ExposeAddressPage::check);
}

QString ExposeAddressPage::fixedCidr() const
{
    return m_fixedCidr->text().trimmed();
}

QString ExposeAddressPage::gateway() const
{
    return m_gateway->text().trimmed();
}

void ExposeAddressPage::initializePage()
{
    const LinkChange c = m_wizard->change();
    m_proposal = m_wizard->proposal();
    // Filled once per port and bridge: Back and Next keep what was typed.
    const QString key = c.link + QLatin1Char(' ') + c.bridge;
    if (key != m_proposedFor) {
        m_proposedFor = key;
        m_fixedCidr->setText(m_proposal.fixedCidr);
        m_gateway->setText(m_proposal.gateway);
    }
    if (!m_proposal.subnet) {
        m_network->setText(tr("%1 has no IPv4 address, so nothing can be proposed or checked here: enter the range "
                              "and gateway of the LAN yourself. The helper checks them against %2 before it changes "
                              "anything.")
                               .arg(c.link, c.bridge));
        m_why->clear();
        m_why->hide();
    } else {
        m_network->setText(
            m_proposal.gateway.isEmpty()
                ? tr("%1 is on the network %2, where this host has the address %3. No default route of this host "
                     "leads through it.")
                      .arg(m_proposal.subnetSource, m_proposal.subnet->text(), m_proposal.hostAddress)
                : tr("%1 is on the network %2, where this host has the address %3 and its gateway is %4.")
                      .arg(m_proposal.subnetSource, m_proposal.subnet->text(), m_proposal.hostAddress,
                           m_proposal.gateway));
        if (m_proposal.fixedCidr.isEmpty()) {
            m_why->setText(tr("This network is too small to set a part aside for containers."));
        } else {
            const std::optional<Ipv4Range> range = Ipv4Range::parse(m_proposal.fixedCidr);
            const quint32 count = range ? (quint32(1) << (32 - range->prefix)) : 0;
            m_why->setText(tr("Proposed: %1, a quarter of the network at its top (%n addresses). DHCP servers "
                              "usually hand out addresses from the bottom of the network: keep the containers' "
                              "range out of your DHCP server's pool and away from machines with fixed addresses, "
                              "or two machines will answer to the same address.",
                              nullptr, int(count))
                               .arg(m_proposal.fixedCidr));
        }
        m_why->show();
    }
    check();
}

void ExposeAddressPage::check()
{
    setError(m_fixedCidrError, ExposeCheck::fixedCidr(fixedCidr(), m_proposal));
    setError(m_gatewayError, ExposeCheck::gateway(gateway(), fixedCidr(), m_proposal));
    Q_EMIT completeChanged();
}

bool ExposeAddressPage::isComplete() const
{
    return ExposeCheck::fixedCidr(fixedCidr(), m_proposal).isEmpty()
        && ExposeCheck::gateway(gateway(), fixedCidr(), m_proposal).isEmpty();
}

// ---------------------------------------------------------------------------

ExposeDockerPage::ExposeDockerPage(ExposeWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("exposeDockerPage"));
    setTitle(tr("Docker"));
    setSubTitle(tr("Choose which containers join the LAN, and whether the setup survives a reboot."));

    m_defaultBridge = new QRadioButton(this);
    m_defaultBridge->setObjectName(QStringLiteral("modeDefaultBridge"));
    m_defaultBridge->setChecked(true);
    const int indent = indicatorIndent(m_defaultBridge);
    m_defaultBridgeNote = noteLabel(this, "modeDefaultBridgeNote", indent);
    m_network = new QRadioButton(this);
    m_network->setObjectName(QStringLiteral("modeNetwork"));
    m_networkNote = noteLabel(this, "modeNetworkNote", indent);
    m_networkName = new QLineEdit(this);
    m_networkName->setObjectName(QStringLiteral("dockerNetworkName"));
    m_networkName->setMaxLength(63);
    m_networkError = errorLabel(this, "dockerNetworkError");
    auto *group = new QButtonGroup(this);
    group->addButton(m_defaultBridge);
    group->addButton(m_network);

    m_persist = new QCheckBox(tr("Make it permanent"), this);
    m_persist->setObjectName(QStringLiteral("persist"));
    m_persist->setChecked(true);
    m_persistNote = noteLabel(this, "persistNote", indent);

    auto *networkForm = new QFormLayout;
    networkForm->setContentsMargins(indent, 0, 0, 0);
    networkForm->addRow(tr("Name of the Docker network:"), m_networkName);
    networkForm->addRow(QString(), m_networkError);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_defaultBridge);
    layout->addWidget(m_defaultBridgeNote);
    layout->addSpacing(6);
    layout->addWidget(m_network);
    layout->addWidget(m_networkNote);
    layout->addLayout(networkForm);
    layout->addSpacing(12);
    layout->addWidget(m_persist);
    layout->addWidget(m_persistNote);
    layout->addStretch(1);

    connect(group, &QButtonGroup::buttonToggled, this, &ExposeDockerPage::update);
    connect(m_networkName, &QLineEdit::textChanged, this, &ExposeDockerPage::update);
    connect(m_persist, &QCheckBox::toggled, this, &ExposeDockerPage::update);
}

void ExposeDockerPage::initializePage()
{
    const QString bridge = m_wizard->change().bridge;
    m_defaultBridge->setText(tr("Docker's default network on %1").arg(bridge));
    m_network->setText(tr("A Docker network of its own on %1").arg(bridge));
    m_defaultBridgeNote->setText(
        tr("As the manual way does (-b=%1 in /etc/default/docker): every container started without --network "
           "joins the LAN. Docker is restarted once; the preview lists the running containers it stops.")
            .arg(bridge));
    m_networkNote->setText(tr("The way Docker recommends: only containers started with --network and this name join "
                              "the LAN, and they can have fixed addresses (--ip). Docker is not restarted."));
    if (m_networkName->text().isEmpty())
        m_networkName->setText(QStringLiteral("lan"));
    update();
}

void ExposeDockerPage::update()
{
    const bool network = m_network->isChecked();
    m_networkName->setEnabled(network);
    setError(m_networkError, network && !validNetworkName(networkName())
                                 ? tr("A Docker network's name starts with a letter or a digit, followed by letters, "
                                      "digits, '_', '.' or '-'.")
                                 : QString());
    const QString bridge = m_wizard->change().bridge;
    m_persistNote->setText(m_persist->isChecked()
                               ? tr("%1 and its port are written into the configuration of the service that manages "
                                    "this host's network, and Docker waits for %1 at boot.")
                                     .arg(bridge)
                               : tr("Without it, %1 is gone after a reboot, and Docker, which needs it, may then "
                                    "fail to start.")
                                     .arg(bridge));
    Q_EMIT completeChanged();
}

bool ExposeDockerPage::isComplete() const
{
    return !m_network->isChecked() || validNetworkName(networkName());
}

QString ExposeDockerPage::mode() const
{
    return m_network->isChecked() ? QStringLiteral("network") : QStringLiteral("default-bridge");
}

QString ExposeDockerPage::networkName() const
{
    return m_network->isChecked() ? m_networkName->text().trimmed() : QString();
}

bool ExposeDockerPage::persist() const
{
    return m_persist->isChecked();
}

// ---------------------------------------------------------------------------

ExposePreviewPage::ExposePreviewPage(ExposeWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("exposePreviewPage"));
    setTitle(tr("What will change"));
    setSubTitle(tr("Nothing has changed yet."));
    auto *intro = noteLabel(this, "previewIntro");
    intro->setText(tr("Apply makes the network part now, on trial: unless you keep it, it is put back by itself. "
                      "Docker is set up only once you keep it."));

    auto *warningFrame = new QFrame(this);
    warningFrame->setObjectName(QStringLiteral("exposeWarning"));
    warningFrame->setStyleSheet(QStringLiteral("#exposeWarning { background: #fff4ce; border: 1px solid #e0b84a; "
                                               "border-radius: 3px; }"));
    auto *icon = new QLabel(warningFrame);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_warning = new QLabel(warningFrame);
    m_warning->setObjectName(QStringLiteral("reachableWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    QPalette ink = m_warning->palette();
    ink.setColor(QPalette::WindowText, QColor(0x1f, 0x29, 0x33));
    m_warning->setPalette(ink);
    m_warning->setText(tr("Containers are then directly reachable from the LAN, like any machine plugged into it, "
                          "and no longer behind this host's NAT: their network security (open ports, firewall, "
                          "updates) is yours to ensure."));
    auto *warningLayout = new QHBoxLayout(warningFrame);
    warningLayout->setContentsMargins(8, 6, 8, 6);
    warningLayout->addWidget(icon, 0, Qt::AlignTop);
    warningLayout->addWidget(m_warning, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_plan = new ExposePlanView(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(warningFrame);
    layout->addWidget(m_status);
    layout->addWidget(m_plan, 1);
}

QString ExposePreviewPage::statusText() const
{
    return m_status->text();
}

void ExposePreviewPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, ErrorInk);
    m_status->setPalette(p);
}

void ExposePreviewPage::initializePage()
{
    const quint64 request = ++m_request;
    m_planReady = false;
    m_failure.reset();
    m_plan->clearPlan();
    Q_EMIT completeChanged();
    setStatus(tr("Asking the Passerelle helper what will change…"), false);
    const QPointer<ExposePreviewPage> guard(this);
    HelperSession::whenFinished(m_wizard->session()->plan(m_wizard->change()), this,
                                [this, guard, request](QDBusPendingCallWatcher *watcher) {
                                    if (!guard || request != m_request)
                                        return;
                                    if (const auto failure = HelperClient::failureOf(*watcher)) {
                                        showFailure(*failure);
                                        return;
                                    }
                                    const QDBusPendingReply<HelperPlan> reply = *watcher;
                                    showPlan(reply.value());
                                });
}

void ExposePreviewPage::showPlan(const HelperPlan &plan)
{
    ++m_request;   // an answer still on its way is older than this
    m_failure.reset();
    m_plan->showPlan(plan);
    m_planReady = true;
    setStatus(QString(), false);
    Q_EMIT completeChanged();
    Q_EMIT planShown();
}

void ExposePreviewPage::showFailure(const HelperFailure &failure)
{
    m_failure = failure;
    m_planReady = false;
    m_plan->clearPlan();
    setStatus(sentence(HelperErrorText::sentence(failure)), true);
    Q_EMIT completeChanged();
    Q_EMIT planShown();
}

bool ExposePreviewPage::isComplete() const
{
    return m_planReady;
}

} // namespace Passerelle
