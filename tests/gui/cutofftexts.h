// The GUI tests' check that no text is cut off: every visible label,
// button, tab, placeholder, menu title and dock title of WINDOW fits the room
// it has (French runs longer than English), and no toolbar hides actions.
// Word-wrapped and rich-text labels wrap by design and are left out.
#pragma once

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStringList>
#include <QTabBar>
#include <QToolBar>
#include <QToolButton>

inline QString withoutMnemonic(QString text)
{
    return text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
}

// Every visible text that does not fit the room it is given.
inline QStringList cutOffTexts(QWidget *window)
{
    QStringList out;
    const auto report = [&out](const QWidget *w, const QString &text, int needed, int available) {
        out.append(QStringLiteral("%1 \"%2\": needs %3 px, has %4")
                       .arg(QString::fromLatin1(w->metaObject()->className()), text)
                       .arg(needed)
                       .arg(available));
    };
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window) || w->width() <= 0)
            continue;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (label->text().isEmpty() || label->wordWrap() || label->textFormat() == Qt::RichText)
                continue;
            const int needed = label->fontMetrics().horizontalAdvance(label->text());
            if (needed > label->contentsRect().width())
                report(label, label->text(), needed, label->contentsRect().width());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            if (button->sizeHint().width() > button->width())
                report(button, button->text(), button->sizeHint().width(), button->width());
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                const int needed = tabs->fontMetrics().horizontalAdvance(withoutMnemonic(tabs->tabText(i)));
                if (needed > tabs->tabRect(i).width())
                    report(tabs, tabs->tabText(i), needed, tabs->tabRect(i).width());
            }
        } else if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            const int needed = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
            if (!edit->placeholderText().isEmpty() && needed > edit->contentsRect().width())
                report(edit, edit->placeholderText(), needed, edit->contentsRect().width());
        } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
            for (QAction *a : bar->actions()) {
                const int needed = bar->fontMetrics().horizontalAdvance(withoutMnemonic(a->text()));
                if (needed > bar->actionGeometry(a).width())
                    report(bar, a->text(), needed, bar->actionGeometry(a).width());
            }
        } else if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            const int needed = dock->fontMetrics().horizontalAdvance(dock->windowTitle());
            if (needed > dock->width())
                report(dock, dock->windowTitle(), needed, dock->width());
        }
    }
    // A toolbar too narrow for its actions hides the rest behind ».
    for (QToolBar *bar : window->findChildren<QToolBar *>()) {
        const auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
        if (more && more->isVisible())
            out.append(QStringLiteral("QToolBar \"%1\": some actions are hidden behind its extension button")
                           .arg(bar->windowTitle()));
    }
    return out;
}
