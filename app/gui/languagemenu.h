// View > Language: the GUI's override of the system language, kept in the
// user's settings and used from the next start (--lang still wins).
#pragma once

#include <QMenu>

namespace Passerelle {

class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);
};

} // namespace Passerelle
