// The wizard "Expose containers on the physical network": the seed's manual
// procedure (bridge em1 into br0, point Docker at br0, restart Docker) as
// four pages: the port and the bridge; the containers' address range and
// gateway, proposed from the port's subnet and the host's default route and
// checked as typed; Docker's mode (its default bridge, or a Docker network
// on the bridge) and permanence; and the preview of every change from the
// helper's PlanDocker, with the warning that containers are then reachable
// from the LAN. Its result is a LinkChange of kind Expose; the window
// applies it (Expose, then the confirm banner; Keep sets Docker up).
#pragma once

#include "exposeproposal.h"
#include "helperclient.h"
#include "linkchange.h"

#include <QWizard>
#include <QWizardPage>

#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace Passerelle {

class ExposePlanView;
class HelperSession;
class TopologyModel;

class ExposePortPage;
class ExposeAddressPage;
class ExposeDockerPage;
class ExposePreviewPage;

class ExposeWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { PortPage, AddressPage, DockerPage, PreviewPage };

    // PORT: the port to pre-select (opened from its node); empty: the first.
    ExposeWizard(TopologyModel *model, HelperSession *session, const QString &port = QString(),
                 QWidget *parent = nullptr);
    ~ExposeWizard() override;

    // The links that can be exposed: physical ports and uplinks, free or
    // already a port of a bridge.
    static QStringList candidatePorts(const TopologyModel &model);

    // The change as chosen so far.
    LinkChange change() const;
    // What the address page proposes for the port and bridge chosen.
    ExposeProposal proposal() const;

    ExposePreviewPage *previewPage() const { return m_preview; }
    TopologyModel *model() const { return m_model; }
    HelperSession *session() const { return m_session; }

private:
    TopologyModel *m_model;
    HelperSession *m_session;
    ExposePortPage *m_port;
    ExposeAddressPage *m_addresses;
    ExposeDockerPage *m_docker;
    ExposePreviewPage *m_preview;
};

class ExposePortPage : public QWizardPage
{
    Q_OBJECT
public:
    ExposePortPage(ExposeWizard *wizard, const QString &port);

    QString port() const;
    QString bridge() const;
    bool isComplete() const override;

private:
    void update();

    ExposeWizard *m_wizard;
    QComboBox *m_port;
    QComboBox *m_bridge;
    QLabel *m_bridgeNote;
    QLabel *m_error;
};

class ExposeAddressPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ExposeAddressPage(ExposeWizard *wizard);

    void initializePage() override;
    void cleanupPage() override {}   // Back keeps what was typed
    bool isComplete() const override;

    QString fixedCidr() const;
    QString gateway() const;
    const ExposeProposal &proposal() const { return m_proposal; }

private:
    void check();

    ExposeWizard *m_wizard;
    ExposeProposal m_proposal;
    QString m_proposedFor;          // "port bridge" the fields were filled for
    QLabel *m_network;
    QLineEdit *m_fixedCidr;
    QLabel *m_fixedCidrError;
    QLineEdit *m_gateway;
    QLabel *m_gatewayError;
    QLabel *m_why;
};

class ExposeDockerPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ExposeDockerPage(ExposeWizard *wizard);

    void initializePage() override;
    void cleanupPage() override {}
    bool isComplete() const override;

    // "default-bridge" or "network".
    QString mode() const;
    QString networkName() const;
    bool persist() const;

private:
    void update();

    ExposeWizard *m_wizard;
    QRadioButton *m_defaultBridge;
    QLabel *m_defaultBridgeNote;
    QRadioButton *m_network;
    QLabel *m_networkNote;
    QLineEdit *m_networkName;
    QLabel *m_networkError;
    QCheckBox *m_persist;
    QLabel *m_persistNote;
};

class ExposePreviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ExposePreviewPage(ExposeWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    ExposePlanView *planView() const { return m_plan; }
    bool isPlanReady() const { return m_planReady; }
    std::optional<HelperFailure> planFailure() const { return m_failure; }
    QString statusText() const;
    // Shows PLAN as if the helper had answered it (the page asks it itself
    // when shown; this is for a plan obtained elsewhere).
    void showPlan(const HelperPlan &plan);

Q_SIGNALS:
    // A plan, or why there is none, is shown.
    void planShown();

private:
    void showFailure(const HelperFailure &failure);
    void setStatus(const QString &text, bool error);

    ExposeWizard *m_wizard;
    QLabel *m_warning;
    QLabel *m_status;
    ExposePlanView *m_plan;
    quint64 m_request = 0;
    bool m_planReady = false;
    std::optional<HelperFailure> m_failure;
};

} // namespace Passerelle
