// SPDX-License-Identifier: GPL-3.0-or-later
#include "StdinReader.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <iostream>
#include <string>

namespace zaw {

StdinReader::StdinReader(QObject *parent)
    : QObject(parent)
{}

namespace {
// A reader still blocked in a read when its owner goes: it ends with the process, and stays
// reachable from here until then (it is not lost memory).
QThread *g_lingeringReader = nullptr;
} // namespace

StdinReader::~StdinReader()
{
    // A finished reader is deleted with its parent (this object), as a child.
    if (m_thread && !m_thread->isFinished()) {
        // A blocking read cannot be interrupted portably: let the thread end with the process.
        m_thread->setParent(nullptr);
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        g_lingeringReader = m_thread;
    }
}

void StdinReader::start()
{
    QPointer<StdinReader> self(this);
    m_thread = QThread::create([self] {
        std::string line;
        while (std::getline(std::cin, line)) {
            const QString text = QString::fromStdString(line).trimmed();
            QMetaObject::invokeMethod(
                qApp,
                [self, text] {
                    if (self)
                        emit self->lineRead(text);
                },
                Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            qApp,
            [self] {
                if (self)
                    emit self->endOfInput();
            },
            Qt::QueuedConnection);
    });
    m_thread->setParent(this);
    m_thread->start();
}

} // namespace zaw
