// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewPage.h"
#include "PlainLabel.h"

#include "SetupDraft.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/AdobeCredentialCheck.h"
#include "setup/ScriptExporter.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QWizard>

namespace zaw {

ReviewPage::ReviewPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_summary(plainLabel(this))
    , m_objects(new QTreeWidget(this))
    , m_body(new QPlainTextEdit(this))
    , m_note(plainLabel(this))
    , m_export(new QPushButton(tr("E&xport as script…"), this))
    , m_exported(plainLabel(this))
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("These are the objects Create makes in Experience Platform, in this order. Select one to see "
                   "the request that makes it."));
    setButtonText(QWizard::NextButton, tr("&Create"));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_objects->setObjectName(QStringLiteral("reviewObjects"));
    m_objects->setColumnCount(3);
    m_objects->setHeaderLabels({tr("Object"), tr("What happens"), tr("Request")});
    m_objects->setRootIsDecorated(false);
    m_objects->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_body->setObjectName(QStringLiteral("reviewBody"));
    m_body->setReadOnly(true);
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setWordWrap(true);
    m_export->setObjectName(QStringLiteral("exportScriptButton"));
    m_exported->setObjectName(QStringLiteral("exportStatus"));
    m_exported->setWordWrap(true);
    m_exported->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_objects);
    splitter->addWidget(m_body);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_exported, 1);
    buttons->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_objects, &QTreeWidget::currentItemChanged, this, &ReviewPage::showBody);
    connect(m_export, &QPushButton::clicked, this, &ReviewPage::chooseExportFile);
}

void ReviewPage::initializePage()
{
    setup::SetupPlan *plan = m_context->controller()->updatePlan();
    const setup::SetupRequest &r = plan->request();
    m_requests = plan->plannedRequests(m_context->draft()->tenantId());
    const setup::Schedule &s = r.schedule;
    const QString at = QLocale().toString(s.start.toLocalTime(), QLocale::ShortFormat);
    QString when;
    if (s.frequency == QLatin1String("minute"))
        when = tr("every %n minute(s) from %1", nullptr, s.interval).arg(at);
    else if (s.frequency == QLatin1String("hour"))
        when = tr("every %n hour(s) from %1", nullptr, s.interval).arg(at);
    else if (s.frequency == QLatin1String("day"))
        when = tr("every %n day(s) from %1", nullptr, s.interval).arg(at);
    else if (s.frequency == QLatin1String("week"))
        when = tr("every %n week(s) from %1", nullptr, s.interval).arg(at);
    else
        when = tr("once, at %1").arg(at);
    m_summary->setText(tr("Module %1 → %2, sandbox %3. Runs %4.")
                           .arg(r.tablePath,
                                r.dataSetId.isEmpty() ? tr("new dataset \"%1\"").arg(r.dataSetName)
                                                      : tr("existing dataset %1").arg(r.dataSetId),
                                m_context->services()->adobeSession()->sandboxName, when));
    m_objects->clear();
    for (const setup::PlannedRequest &p : std::as_const(m_requests)) {
        QString what;
        if (!p.existingId.isEmpty() && p.method.isEmpty())
            what = tr("Uses the existing one (%1)").arg(p.existingId);
        else if (!p.existingId.isEmpty())
            what = tr("Made already (%1)").arg(p.existingId);
        else
            what = tr("Will be created");
        auto *item = new QTreeWidgetItem(
            m_objects,
            {p.title, what,
             p.method.isEmpty() ? QString()
                                : QStringLiteral("%1 %2").arg(QString::fromLatin1(p.method), p.servicePath)});
        item->setData(0, Qt::UserRole, int(m_objects->topLevelItemCount() - 1));
    }
    m_objects->setCurrentItem(m_objects->topLevelItem(0));
    const QStringList secrets = setup::ScriptExporter::requiredSecrets(m_requests);
    m_note->setText(tr("Secrets are never shown or written: the bodies hold {{NAME}} where a secret or the ID of an "
                       "earlier object goes. An exported script reads %1 from environment variables.")
                        .arg(QLocale().createSeparatedList(secrets)));
    m_exported->clear();
}

void ReviewPage::showBody()
{
    const QTreeWidgetItem *item = m_objects->currentItem();
    if (!item) {
        m_body->clear();
        return;
    }
    const setup::PlannedRequest &p = m_requests.at(item->data(0, Qt::UserRole).toInt());
    if (p.method.isEmpty()) {
        m_body->setPlainText(tr("No request: the existing object %1 is used.").arg(p.existingId));
        return;
    }
    QUrlQuery query;
    for (const auto &q : p.query)
        query.addQueryItem(q.first, q.second);
    QString text = QStringLiteral("%1 %2%3\n\n")
                       .arg(QString::fromLatin1(p.method), p.servicePath,
                            query.isEmpty() ? QString() : QLatin1Char('?') + query.toString());
    text += QString::fromUtf8(p.body.isArray() ? QJsonDocument(p.body.toArray()).toJson(QJsonDocument::Indented)
                                               : QJsonDocument(p.body.toObject()).toJson(QJsonDocument::Indented));
    m_body->setPlainText(text);
}

bool ReviewPage::exportScript(const QString &path, QString *error) const
{
    const Endpoints &endpoints = m_context->services()->endpoints();
    const adobe::AdobeSession &session = *m_context->services()->adobeSession();
    setup::ScriptTarget target;
    target.imsTokenUrl = account::AdobeCredentialCheck::imsTokenUrl(endpoints);
    target.imsScopes = account::AdobeCredentialCheck::imsScopes();
    target.platformUrl = endpoints.platform().toString();
    target.clientId = session.clientId;
    target.orgId = session.orgId;
    target.sandboxName = session.sandboxName;
    QString scriptError;
    const QString script =
        setup::ScriptExporter::script(m_requests, target, setup::ScriptExporter::Existing::Reuse, &scriptError);
    if (script.isEmpty()) {
        *error = scriptError;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(script.toUtf8()) < 0 || !file.commit()) {
        *error =
            tr("The script could not be written to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

void ReviewPage::chooseExportFile()
{
    const QString suggested = QDir::home().filePath(
        QStringLiteral("zoho-aep-%1.sh")
            .arg(m_context->draft()->request().tablePath.toLower().replace(QLatin1Char(' '), QLatin1Char('-'))));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as script"), suggested,
                                                      tr("Shell scripts (*.sh);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportScript(path, &error))
        m_exported->setText(
            tr("Written to %1. Run it with bash; it needs curl and jq.").arg(QDir::toNativeSeparators(path)));
    else
        m_exported->setText(error);
}

} // namespace zaw
