// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QObject>
#include <QStringList>

namespace zaw::account {

class ProfileSession;

struct ForgetResult
{
    bool revoked = false;  // Zoho revoked the refresh token
    QString revokeProblem; // why not (translated), when it could not be revoked
    QStringList deleted;   // AEP objects deleted ("flow <id>", …)
    QStringList left;      // AEP objects still there when a delete failed (the profile is kept)
    bool profileRemoved = false;
    bool scheduleRemoved = false; // a direct sync's schedule (sync::Schedule) was removed
    QString syncProblem;          // why the schedule or the sync's files could not all be removed
};

// Forgets a saved connection: optionally deletes its AEP objects in the order AEP requires
// (dataflows, then source and target connections, then the base connection; datasets and
// schemas hold ingested data and are left alone), revokes the Zoho refresh token, deletes the
// profile's keychain entries and its profile file. When a remote delete fails the profile and
// its secrets are kept, the IDs still there are listed in profile.setup.left, and failed() says
// what is left. An object that is already gone counts as deleted.
class Forget : public QObject
{
    Q_OBJECT

public:
    Forget(ProfileSession *session, bool deleteRemote, QObject *parent = nullptr);
    void start();

signals:
    void progress(const QString &text);
    void finished(const zaw::account::ForgetResult &result);
    void failed(const zaw::net::Error &error, const zaw::account::ForgetResult &result);

private:
    struct Item
    {
        QString kind; // flows, sourceConnections, targetConnections, connections
        QString id;
    };
    void deleteNext(int index);
    void revoke();
    void removeSecrets(int index);
    // A direct sync's schedule and working files (sync::SyncPaths), after the profile is gone.
    void removeSync();
    QString label(const Item &item) const;

    ProfileSession *m_session;
    bool m_deleteRemote;
    QList<Item> m_items;
    ForgetResult m_result;
};

} // namespace zaw::account
