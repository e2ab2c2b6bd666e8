// Shown before any change goes to passerelle-helper: asks the helper what
// the change would do (Plan, PlanBridgePort, PlanDocker for giving Docker
// its docker0 back: read-only, no password) and
// lists each step as a sentence, with the choices that change the plan:
// the new bridge's name and STP, moving the port's addresses and routes
// (on by default: without it the host loses its network the moment the
// link becomes a port), and the confirmation timeout (on by default when
// the change touches the link that carries the default route or a remote
// session, where the helper imposes one anyway; never for Docker's reset,
// which is final). The plan is asked again
// whenever a choice changes; Apply waits for a plan without error.
#pragma once

#include "helperclient.h"
#include "linkchange.h"

#include <QDialog>
#include <QIcon>
#include <QTimer>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace Passerelle {

class HelperSession;

class ChangePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    // What the window knows about the change beyond the change itself.
    struct Context
    {
        // A sentence on why a confirmation is advised ("em1 carries the
        // default route"); empty when nothing suggests one.
        QString confirmationReason;
        uint defaultTimeout = 60;
        // The port's addresses, for the moving choice's warning.
        QStringList portAddresses;
    };

    ChangePreviewDialog(HelperSession *session, const LinkChange &change, const Context &context,
                        QWidget *parent = nullptr);
    ~ChangePreviewDialog() override;

    // The change with the choices made here (name, options, confirmation).
    LinkChange change() const;
    // The steps as shown, and whether the last plan arrived without error.
    QStringList stepTexts() const;
    bool isPlanReady() const { return m_planReady; }
    // The helper imposes a confirmation on this change (its plan ends with one).
    bool confirmationRequired() const { return m_required; }
    std::optional<HelperFailure> planFailure() const { return m_failure; }

Q_SIGNALS:
    // A plan (or its failure) is shown.
    void planShown();

private:
    void schedulePlan();
    void requestPlan();
    void showPlan(const HelperPlan &plan);
    void showFailure(const HelperFailure &failure);
    void updateTexts();
    void updateConfirmation();
    void updateApply();
    void setStatus(const QString &text, bool error);
    QIcon stepNumber(int number, int size) const;

    HelperSession *m_session;
    LinkChange m_change;
    Context m_context;

    QLabel *m_heading = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_move = nullptr;
    QLabel *m_moveNote = nullptr;
    QCheckBox *m_stp = nullptr;
    QListWidget *m_steps = nullptr;
    QLabel *m_status = nullptr;
    QCheckBox *m_confirm = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_confirmNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QTimer m_replan;
    quint64 m_request = 0;        // the plan asked last; older answers are dropped
    HelperPlan m_plan;
    bool m_planReady = false;
    bool m_required = false;
    bool m_timeoutEdited = false;
    std::optional<HelperFailure> m_failure;
};

} // namespace Passerelle
