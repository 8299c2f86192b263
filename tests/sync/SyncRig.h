// SPDX-License-Identifier: GPL-3.0-or-later
// A profile in direct-sync mode against an in-process sandbox, as a user would have it after
// `zoho-login`, `adobe-login` and the sync's set-up (schema + dataset of Leads), and the
// sync_runner started on it as a child process.
#pragma once

#include "CliDriver.h"
#include "TestHttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

namespace zaw::test {

struct SyncRig
{
    SyncRig(const QString &connectExe, const QString &runnerExe, const sandbox::SandboxOptions &options = {});
    // Signs in and sets the Leads sync up; false with *error.
    bool setUp(QString *error);

    // Runs sync_runner to its end (extraArgs after the usual ones, env on top of the CLI's).
    Run sync(const QStringList &extraArgs = {}, const QMap<QString, QString> &env = {}, int timeoutMs = 120000);
    QStringList runnerArgs(const QStringList &extraArgs) const;
    QProcessEnvironment environment(const QMap<QString, QString> &env) const;

    // The rows the dataset holds (sandbox control endpoint).
    QJsonArray rows();
    qint64 rowCount();
    // Every Leads id Zoho holds now (COQL keyset over ids through the sandbox).
    QSet<QString> zohoIds();
    // POST /_sandbox/zoho/change as Ana on Leads; the ids it touched.
    QStringList change(const QJsonObject &body);
    HttpResult control(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    int batchesCreated();
    QString configDir() const;
    QString profileId() const;

    std::unique_ptr<SandboxFixture> fixture;
    std::unique_ptr<Cli> cli;
    QString runner;
    QString dataSetId;
    QString tenantId;
    QString identityPath;
    QString deletedFlagPath;
    QString zohoToken;
    // A new zohoToken from the refresh token (after a test expired every token); false on failure.
    bool refreshZohoToken();
    QUrl m_zohoTokenUrl;
    QStringList m_zohoRefresh; // client id, client secret, refresh token (memory only)
    QString m_profileId;
};

} // namespace zaw::test
