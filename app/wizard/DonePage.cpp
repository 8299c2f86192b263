// SPDX-License-Identifier: GPL-3.0-or-later
#include "DonePage.h"

#include "WizardContext.h"
#include "adobe/FlowServiceClient.h"
#include "net/HttpClient.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace zaw {

using setup::SetupPlan;

namespace {
constexpr int kPollMs = 10 * 1000;
// Experience Platform's web UI. The dataflow has no documented deep link, so the page says where
// to find it (Sources › Dataflows, the sandbox, the name).
const char kExperienceUi[] = "https://experience.adobe.com/";
} // namespace

DonePage::DonePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_ids(value(QStringLiteral("doneIds")))
    , m_flowState(value(QStringLiteral("flowState")))
    , m_run(value(QStringLiteral("firstRun")))
    , m_link(value(QStringLiteral("aepLink")))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_runNow(new QPushButton(tr("Run &now (demo sandbox)"), this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("donePage"));
    setTitle(tr("Done"));
    setFinalPage(true);
    m_ids->setTextFormat(Qt::RichText);
    m_link->setTextFormat(Qt::RichText);
    m_link->setOpenExternalLinks(true);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_runNow->setObjectName(QStringLiteral("runNowButton"));
    m_poll->setInterval(kPollMs);

    auto *form = new QFormLayout;
    form->addRow(tr("Dataflow:"), m_flowState);
    form->addRow(tr("First run:"), m_run);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runNow);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addSpacing(8);
    layout->addWidget(m_ids);
    layout->addWidget(m_link);
    layout->addStretch(1);

    connect(m_refresh, &QPushButton::clicked, this, &DonePage::refresh);
    connect(m_poll, &QTimer::timeout, this, &DonePage::refresh);
    connect(m_runNow, &QPushButton::clicked, this, [this] {
        // Demo only: the built-in sandbox starts a run at once instead of waiting for the start time.
        const QString flow = m_context->plan()->objectId(SetupPlan::Step::Flow);
        QUrl url = m_context->sandboxUrl();
        url.setPath(QStringLiteral("/_sandbox/adobe/flows/%1/run").arg(flow));
        m_runNow->setEnabled(false);
        net::HttpCall *call = m_context->http()->send(net::HttpRequest::json("POST", url, QJsonObject{}));
        connect(call, &net::HttpCall::finished, this, [this] {
            m_runNow->setEnabled(true);
            refresh();
        });
    });
}

QLabel *DonePage::value(const QString &name)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void DonePage::initializePage()
{
    const SetupPlan *plan = m_context->plan();
    const QJsonObject ids = plan->result();
    const QList<QPair<QString, QString>> rows{
        {tr("Source account (base connection)"), ids.value(QStringLiteral("baseConnectionId")).toString()},
        {tr("Schema"), ids.value(QStringLiteral("schemaId")).toString()},
        {tr("Dataset"), ids.value(QStringLiteral("dataSetId")).toString()},
        {tr("Source connection"), ids.value(QStringLiteral("sourceConnectionId")).toString()},
        {tr("Target connection"), ids.value(QStringLiteral("targetConnectionId")).toString()},
        {tr("Mapping set"), ids.value(QStringLiteral("mappingSetId")).toString()},
        {tr("Dataflow"), ids.value(QStringLiteral("flowId")).toString()}};
    QString html = QStringLiteral("<table>");
    for (const auto &row : rows)
        html += QStringLiteral("<tr><td>%1:&nbsp;</td><td><tt>%2</tt></td></tr>")
                    .arg(row.first.toHtmlEscaped(), row.second.toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_ids->setText(html);
    setSubTitle(tr("The dataflow \"%1\" reads Zoho CRM module %2 into Experience Platform.")
                    .arg(plan->request().flowName, plan->request().tablePath));
    if (m_context->isDemo()) {
        m_link->setText(tr("Demo mode: everything was made in the built-in sandbox. With a real organisation you "
                           "would find the dataflow in Experience Platform under Sources › Dataflows."));
    } else {
        m_link->setText(tr("See it in <a href=\"%1\">Experience Platform</a>: Sources › Dataflows, sandbox %2, "
                           "dataflow \"%3\".")
                            .arg(QLatin1String(kExperienceUi), m_context->adobeSession()->sandboxName.toHtmlEscaped(),
                                 plan->request().flowName.toHtmlEscaped()));
    }
    m_runNow->setVisible(m_context->isDemo());
    m_run->setText(tr("Checking…"));
    refresh();
    m_poll->start();
}

void DonePage::cleanupPage()
{
    m_poll->stop();
}

void DonePage::refresh()
{
    if (m_busy)
        return;
    const QString flowId = m_context->plan()->objectId(SetupPlan::Step::Flow);
    if (flowId.isEmpty())
        return;
    m_busy = true;
    adobe::FlowServiceClient *flows = m_context->adobeFlows();
    flows->flow(flowId, this, [this, flows, flowId](const QJsonObject &flow, const net::Error &error) {
        if (error) {
            m_busy = false;
            m_flowState->setText(tr("Could not be read: %1").arg(error.message));
            return;
        }
        const QString state = flow.value(QStringLiteral("state")).toString();
        m_flowState->setText(state == QLatin1String("enabled")    ? tr("Enabled")
                             : state == QLatin1String("disabled") ? tr("Disabled")
                                                                  : state);
        flows->runs(flowId, this, [this](const QList<QJsonObject> &items, const net::Error &runsError) {
            m_busy = false;
            if (runsError) {
                m_run->setText(tr("Could not be read: %1").arg(runsError.message));
                return;
            }
            const QList<adobe::RunInfo> runs = adobe::RunInfo::listFromJson(items);
            if (runs.isEmpty()) {
                const setup::Schedule &s = m_context->plan()->request().schedule;
                m_run->setText(tr("Not started yet; the first run is due at %1.")
                                   .arg(QLocale().toString(s.start.toLocalTime(), QLocale::ShortFormat)));
                return;
            }
            const adobe::RunInfo &first = runs.last();
            const QString at = QLocale().toString(first.started.toLocalTime(), QLocale::ShortFormat);
            if (!first.isFinished()) {
                m_run->setText(tr("Running since %1.").arg(at));
                return;
            }
            if (first.isFailed()) {
                m_run->setText(tr("Failed (started %1): %2").arg(at, first.errors.join(QStringLiteral("; "))));
            } else {
                m_run->setText(tr("Succeeded (started %1): %2 records read, %3 ingested, %4 failed.")
                                   .arg(at)
                                   .arg(qMax<qint64>(0, first.inputRecords))
                                   .arg(qMax<qint64>(0, first.outputRecords))
                                   .arg(qMax<qint64>(0, first.failedRecords)));
            }
            m_poll->stop(); // the first run is over; Refresh still reads it again
        });
    });
}

} // namespace zaw
