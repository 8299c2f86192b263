// SPDX-License-Identifier: GPL-3.0-or-later
#include "DonePage.h"
#include "PlainLabel.h"

#include "DemoEnvironment.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/DataflowManager.h"
#include "setup/SetupPlan.h"

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
        const QString flow = m_context->controller()->plan()->objectId(SetupPlan::Step::Flow);
        m_runNow->setEnabled(false);
        m_context->demo()->runFlowNow(m_context->services()->http(), flow, this, [this] {
            m_runNow->setEnabled(true);
            refresh();
        });
    });
}

QLabel *DonePage::value(const QString &name)
{
    auto *label = plainLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void DonePage::initializePage()
{
    const SetupPlan *plan = m_context->controller()->plan();
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
                            .arg(QLatin1String(kExperienceUi),
                                 m_context->services()->adobeSession()->sandboxName.toHtmlEscaped(),
                                 plan->request().flowName.toHtmlEscaped()));
    }
    m_runNow->setVisible(m_context->isDemo());
    delete m_manager;
    m_manager = new account::DataflowManager(m_context->services()->adobePlatform(), this);
    m_run->setText(tr("Checking…"));
    refresh();
    m_poll->start();
}

void DonePage::cleanupPage()
{
    m_poll->stop();
    delete m_calls;
    m_calls = nullptr;
    m_busy = false;
}

void DonePage::refresh()
{
    if (m_busy)
        return;
    const QString flowId = m_context->controller()->plan()->objectId(SetupPlan::Step::Flow);
    if (flowId.isEmpty())
        return;
    m_busy = true;
    if (!m_calls)
        m_calls = new QObject(this);
    m_manager->state(flowId, m_calls, [this, flowId](const account::FlowState &flow, const net::Error &error) {
        if (error) {
            m_busy = false;
            m_flowState->setText(tr("Could not be read: %1").arg(error.message));
            return;
        }
        m_flowState->setText(flow.stateText());
        m_manager->runs(flowId, m_calls, [this](const QList<adobe::RunInfo> &runs, const net::Error &runsError) {
            m_busy = false;
            if (runsError) {
                m_run->setText(tr("Could not be read: %1").arg(runsError.message));
                return;
            }
            const account::FirstRunStatus first =
                account::DataflowManager::firstRun(runs, m_context->controller()->plan()->request().schedule.start);
            m_run->setText(first.text);
            if (first.over)
                m_poll->stop(); // the first run is over; Refresh still reads it again
        });
    });
}

} // namespace zaw
