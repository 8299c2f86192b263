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

StdinReader::~StdinReader()
{
    if (m_thread) {
        // A blocking read cannot be interrupted portably: let the thread end with the process.
        m_thread->setParent(nullptr);
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
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
