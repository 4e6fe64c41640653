#pragma once

#include <QCoreApplication>
#include <QKeyEvent>
#include <QString>
#include <QTest>
#include <QWidget>

namespace gh::test {

/// Types like a keyboard: one key event per character, Return for a line break. (QTest's
/// keyClicks() maps characters to keys itself and asserts on some punctuation.)
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            QTest::keyClick(widget, Qt::Key_Return);
            continue;
        }
        const int key = c.isLetter() && c.unicode() < 0x80 ? c.toUpper().unicode() : c.unicode();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(widget, &press);
        QCoreApplication::sendEvent(widget, &release);
    }
}

} // namespace gh::test
