// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QObject>
#include <QPointer>

class QBoxLayout;
class QLabel;
class QProgressBar;
class QWizardPage;

namespace zaw {

class ErrorPanel;

// The waiting part every page has: a busy flag, a thin busy bar, a status line and the error
// panel, kept consistent and announced to the wizard (completeChanged(), so Next greys out while
// the page waits). Calls in flight are given guard() as their context object: cancel() (from the
// page's cleanupPage()) deletes it, so an answer that arrives after Back goes nowhere.
class PageStatus : public QObject
{
    Q_OBJECT

public:
    // The widgets are the page's children; statusName is the status line's objectName.
    PageStatus(QWizardPage *page, const QString &statusName);

    QLabel *label() const { return m_label; }
    QProgressBar *progressBar() const { return m_progress; }
    ErrorPanel *errorPanel() const { return m_error; }
    // Busy bar, status line and error panel in that order.
    void addTo(QBoxLayout *layout);

    bool isBusy() const { return m_busy; }
    // Waits: busy, the bar shown, text in the status line, the previous error gone.
    void begin(const QString &text);
    // A step of the same wait.
    void setText(const QString &text);
    // The answer arrived: not busy, the bar hidden, text (or nothing) in the status line.
    void finish(const QString &text = {});
    // The answer is an error: shown with "Try again" when canRetry, the status line cleared.
    void fail(const net::Error &error, bool canRetry = true);
    // A problem of what the user typed (no details, no retry).
    void failInput(const QString &message);
    void clearError();

    // The context object for calls in flight; replaced by cancel().
    QObject *guard();
    // Drops every answer still expected and stops waiting.
    void cancel();

signals:
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    QWizardPage *m_page;
    QProgressBar *m_progress;
    QLabel *m_label;
    ErrorPanel *m_error;
    QPointer<QObject> m_guard;
    bool m_busy = false;
};

} // namespace zaw
