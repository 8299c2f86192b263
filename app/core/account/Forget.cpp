// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/Forget.h"

#include "account/ProfileSession.h"
#include "adobe/FlowServiceClient.h"
#include "store/SecretStore.h"
#include "sync/Schedule.h"
#include "sync/SyncPaths.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace zaw::account {

namespace {

const char *const kSecretNames[] = {store::SecretName::ZohoClientSecret, store::SecretName::ZohoRefreshToken,
                                    store::SecretName::ZohoAccessToken, store::SecretName::AdobeClientSecret,
                                    store::SecretName::AdobeAccessToken};

} // namespace

Forget::Forget(ProfileSession *session, bool deleteRemote, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_deleteRemote(deleteRemote)
{}

QString Forget::label(const Item &item) const
{
    if (item.kind == u"flows"_s)
        return tr("dataflow %1").arg(item.id);
    if (item.kind == u"sourceConnections"_s)
        return tr("source connection %1").arg(item.id);
    if (item.kind == u"targetConnections"_s)
        return tr("target connection %1").arg(item.id);
    return tr("base connection %1").arg(item.id);
}

void Forget::start()
{
    m_result = {};
    m_items.clear();
    if (m_deleteRemote) {
        // Every object the profile's setups made, in the order AEP lets them go.
        const QJsonObject plans = m_session->profile().setup.value(u"plans"_s).toObject();
        QStringList flows, sources, targets, bases;
        for (auto it = plans.begin(); it != plans.end(); ++it) {
            const QJsonObject objects = it.value().toObject().value(u"objects"_s).toObject();
            auto add = [&objects](const QString &key, QStringList *into) {
                const QString id = objects.value(key).toObject().value(u"id"_s).toString();
                if (!id.isEmpty() && !into->contains(id))
                    into->append(id);
            };
            add(u"flow"_s, &flows);
            add(u"sourceConnection"_s, &sources);
            add(u"targetConnection"_s, &targets);
            // A base connection the user chose (reused) is theirs: it is deleted too only when
            // this profile made it.
            if (!objects.value(u"baseConnection"_s).toObject().value(u"reused"_s).toBool())
                add(u"baseConnection"_s, &bases);
        }
        for (const QString &id : flows)
            m_items.append({u"flows"_s, id});
        for (const QString &id : sources)
            m_items.append({u"sourceConnections"_s, id});
        for (const QString &id : targets)
            m_items.append({u"targetConnections"_s, id});
        for (const QString &id : bases)
            m_items.append({u"connections"_s, id});
    }
    deleteNext(0);
}

void Forget::deleteNext(int index)
{
    if (index >= m_items.size()) {
        revoke();
        return;
    }
    if (!m_session->hasAdobe()) {
        net::Error e = net::Error::make(net::ErrorCategory::SignInNeeded,
                                        tr("The Experience Platform objects cannot be deleted without the Adobe "
                                           "credential. Enter it again, or forget without deleting them."));
        for (int i = index; i < m_items.size(); ++i)
            m_result.left << label(m_items.at(i));
        emit failed(e, m_result);
        return;
    }
    const Item item = m_items.at(index);
    emit progress(tr("Deleting the %1…").arg(label(item)));
    auto next = [this, index, item](const net::Error &e) {
        if (e && e.httpStatus != 404) {
            for (int i = index; i < m_items.size(); ++i)
                m_result.left << label(m_items.at(i));
            QJsonArray left;
            for (int i = index; i < m_items.size(); ++i)
                left.append(QJsonObject{{u"kind"_s, m_items.at(i).kind}, {u"id"_s, m_items.at(i).id}});
            m_session->profile().setup.insert(u"left"_s, left);
            QString saveError;
            m_session->saveProfile(&saveError);
            net::Error error = e;
            error.message = tr("The %1 could not be deleted (%2). The connection is kept; still in Experience "
                               "Platform: %3.")
                                .arg(label(item), e.message, m_result.left.join(QStringLiteral(", ")));
            emit failed(error, m_result);
            return;
        }
        m_result.deleted << label(item);
        deleteNext(index + 1);
    };
    adobe::FlowServiceClient *flows = m_session->flows();
    if (item.kind == u"flows"_s)
        flows->deleteFlow(item.id, this, next);
    else if (item.kind == u"sourceConnections"_s)
        flows->deleteSourceConnection(item.id, this, next);
    else if (item.kind == u"targetConnections"_s)
        flows->deleteTargetConnection(item.id, this, next);
    else
        flows->deleteConnection(item.id, this, next);
}

void Forget::revoke()
{
    if (m_session->zoho().refreshToken.isEmpty()) {
        removeSecrets(0);
        return;
    }
    emit progress(tr("Revoking the Zoho sign-in…"));
    m_session->zohoAuth()->revoke(m_session->zoho(), this, [this](const net::Error &e) {
        // Local data goes anyway: the user asked to forget. Say how to finish the job by hand.
        m_result.revoked = !e;
        if (e)
            m_result.revokeProblem = tr("Zoho could not revoke the sign-in (%1). Remove the app under Connected "
                                        "Apps in your Zoho account settings.")
                                         .arg(e.message);
        removeSecrets(0);
    });
}

void Forget::removeSecrets(int index)
{
    if (index >= int(std::size(kSecretNames))) {
        QString error;
        if (!m_session->profiles()->remove(m_session->profile().name, &error)) {
            emit failed(net::Error::make(net::ErrorCategory::Input, error), m_result);
            return;
        }
        m_result.profileRemoved = true;
        removeSync();
        return;
    }
    m_session->secrets()->remove(
        store::SecretStore::key(m_session->profile().id, QString::fromLatin1(kSecretNames[index])), this,
        [this, index](const store::SecretResult &r) {
            if (!r.ok() && r.status != store::SecretStatus::NotFound) {
                emit failed(ProfileSession::keychainError(r), m_result);
                return;
            }
            removeSecrets(index + 1);
        });
}

} // namespace zaw::account

namespace zaw::account {

void Forget::removeSync()
{
    auto *schedule = new sync::Schedule(this);
    const bool installed = schedule->show(m_session->profile().name).installed;
    auto done = [this, schedule, installed](const net::Error &error) {
        schedule->deleteLater();
        m_result.scheduleRemoved = installed && !error;
        if (error)
            m_result.syncProblem = error.message;
        const sync::SyncPaths paths(m_session->profiles()->configDir(), m_session->profile().id);
        if (!paths.removeAll())
            m_result.syncProblem = tr("The sync's working files in %1 could not all be deleted; delete the folder "
                                      "by hand.")
                                       .arg(paths.root());
        emit finished(m_result);
    };
    if (!installed) {
        done({});
        return;
    }
    emit progress(tr("Removing the sync's schedule…"));
    schedule->remove(m_session->profile().name, this, done);
}

} // namespace zaw::account
