#include "languagemenu.h"

#include "translations.h"

#include <QActionGroup>
#include <QMessageBox>

namespace Passerelle {

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    // Languages are named in their own language, so anyone can find theirs.
    const QList<QPair<QString, QString>> choices{{QString(), tr("System Language")},
                                                 {QStringLiteral("en"), QStringLiteral("English")},
                                                 {QStringLiteral("fr"), QStringLiteral("Français")}};
    const QString saved = savedLanguage();
    for (const auto &[code, label] : choices) {
        QAction *action = addAction(label);
        action->setCheckable(true);
        action->setChecked(code == saved);
        action->setData(code);
        action->setObjectName(QStringLiteral("language-") + (code.isEmpty() ? QStringLiteral("system") : code));
        group->addAction(action);
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction *action) {
        saveLanguage(action->data().toString());
        QMessageBox::information(parentWidget(), tr("Language"),
                                 tr("Passerelle will use %1 from its next start.").arg(action->text()));
    });
}

} // namespace Passerelle
