// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "net/Error.h"
#include "sync/SyncConfig.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace zaw::setup {
class SetupEngine;
class SyncRecipe;
} // namespace zaw::setup

namespace zaw::account {

class ProfileSession;

// `create --mode sync` and the wizard's Create in sync mode: the module's schema and dataset
// (setup::SyncRecipe on the resumable setup::SetupEngine), then the module's
// sync::SyncModuleConfig in the profile's sync section.
//
// The engine's state is kept in the profile (profile.setup["syncPlans"][module]) as it goes, so
// a rerun after a failure continues and makes nothing twice. An existing dataset (--dataset) is
// accepted only when its schema has the sync's tombstone fields, i.e. was made by this product
// for a sync.
class SyncSetup : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString module;
        QList<catalogue::Column> columns;
        QList<zoho::ZohoField> zohoFields;
        QString newDataSetName;
        QString existingDataSetId;
        int everyMinutes = 240;
    };

    static constexpr char kStateKey[] = "syncPlans";

    explicit SyncSetup(ProfileSession *session, QObject *parent = nullptr);
    ~SyncSetup() override;

    void start(const Request &request); // resumable: state saved in the profile; a rerun makes nothing twice
    void cancel();
    // After success: profile.sync holds the module (SyncConfig), profile saved.

    // The saved engine state of a module's set-up (empty when none).
    static QJsonObject savedState(const QJsonObject &profileSetup, const QString &module);

signals:
    void progress(const QString &stepLabel, int done, int total);
    void finished(const zaw::sync::SyncModuleConfig &module, const zaw::net::Error &error);

private:
    void startEngine();
    void useExistingDataSet();
    void complete(const QString &tenant, const QString &dataSetId, const QString &schemaId);
    void fail(const net::Error &error);
    void saveState(const QJsonObject &state);

    ProfileSession *m_session;
    Request m_request;
    std::unique_ptr<setup::SetupEngine> m_engine;
    setup::SyncRecipe *m_recipe = nullptr;
    QPointer<QObject> m_context;
    bool m_running = false;
};

} // namespace zaw::account
