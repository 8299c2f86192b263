// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace zaw {

// Shows an error the way every page does: what happened and what to do, "Copy details" with
// the technical part (never a secret), and an optional "Try again".
class ErrorPanel : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    void showError(const net::Error &error, bool canRetry = true);
    void clear();
    QString message() const;

signals:
    void retryRequested();

private:
    QLabel *m_text;
    QPushButton *m_copy;
    QPushButton *m_retry;
    net::Error m_error;
};

} // namespace zaw
