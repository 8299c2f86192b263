// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThread>

namespace zaw {

// Reads standard input line by line on its own thread, so a waiting command keeps its event
// loop (timeouts, the loopback listener) running. Lines are delivered on the owner's thread.
class StdinReader : public QObject
{
    Q_OBJECT

public:
    explicit StdinReader(QObject *parent = nullptr);
    ~StdinReader() override;
    void start();

signals:
    void lineRead(const QString &line);
    void endOfInput();

private:
    QThread *m_thread = nullptr;
};

} // namespace zaw
