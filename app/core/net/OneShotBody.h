// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

class QNetworkRequest;

namespace zaw::net {

// A request body that can be read once and never rewound. QNetworkAccessManager silently sends a
// request again when the server closes the connection before answering; for a POST that may have
// been acted on (a lost reply), a second send creates a duplicate or burns a single-use grant
// code. With a body it cannot rewind, Qt reports the failure instead, and the caller decides
// (the setup plan looks the object up by name first).
class OneShotBody : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotBody(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

    // Prepares request for an upload from a OneShotBody of size bytes.
    static void prepare(QNetworkRequest *request, qint64 size);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace zaw::net
