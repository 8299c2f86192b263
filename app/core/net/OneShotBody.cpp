// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/OneShotBody.h"

#include <QNetworkRequest>

#include <cstring>

namespace zaw::net {

OneShotBody::OneShotBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent)
    , m_data(data)
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::bytesAvailable() const
{
    return (m_data.size() - m_pos) + QIODevice::bytesAvailable();
}

bool OneShotBody::atEnd() const
{
    return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0;
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_data.size() - m_pos);
    if (n <= 0)
        return m_pos >= m_data.size() ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

void OneShotBody::prepare(QNetworkRequest *request, qint64 size)
{
    request->setHeader(QNetworkRequest::ContentLengthHeader, size);
    request->setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
}

} // namespace zaw::net
