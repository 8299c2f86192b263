// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"
#include "PlainLabel.h"

#include "ConnectionWizard.h"
#include "DemoEnvironment.h"
#include "ErrorPanel.h"
#include "PageStatus.h"
#include "SetupDraft.h"
#include "SyncBackend.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "account/ProfileSession.h"
#include "store/ProfileStore.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace zaw {

using Mode = WizardContext::Mode;

WelcomePage::WelcomePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_intro(plainLabel(this))
    , m_demoBanner(plainLabel(this))
    , m_retiredDemo(new QCheckBox(tr("Ac&t like a 2026 organisation (Adobe's Zoho CRM source retired)"), this))
    , m_endpointsNote(plainLabel(this))
    , m_savedTitle(new QLabel(tr("<b>Saved connections</b>"), this))
    , m_profiles(new QTreeWidget(this))
    , m_details(plainLabel(this))
    , m_reconnect(new QPushButton(tr("&Reconnect"), this))
    , m_addFlow(new QPushButton(tr("&Add dataflow"), this))
    , m_resume(new QPushButton(tr("Re&sume setup"), this))
    , m_manage(new QPushButton(tr("&Manage dataflows"), this))
    , m_forget(new QPushButton(tr("&Forget…"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_newLabel(new QLabel(tr("Or press Next to set up a new connection named:"), this))
    , m_newName(new QLineEdit(this))
    , m_status(new PageStatus(this, QStringLiteral("welcomeStatus")))
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Connect Zoho CRM to Adobe Experience Platform"));
    setSubTitle(tr("This wizard signs you in to Zoho, stores the credentials in your system keychain and "
                   "sets up the Adobe Experience Platform dataflow that ingests your CRM records."));

    m_intro->setObjectName(QStringLiteral("introText"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("You will need:\n"
                        "• a Zoho API client (client ID and secret) registered in Zoho's API console,\n"
                        "• an Adobe Developer Console project with OAuth Server-to-Server credentials for "
                        "Experience Platform,\n"
                        "• a few minutes: nothing is created in Adobe Experience Platform before you review it."));

    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setFrameShape(QFrame::StyledPanel);
    m_demoBanner->setMargin(8);
    m_demoBanner->setVisible(false);
    m_retiredDemo->setObjectName(QStringLiteral("retiredSourceDemoCheck"));
    m_retiredDemo->setToolTip(tr("The demo sandbox answers like an organisation today: Experience Platform no longer "
                                 "offers the Zoho CRM source, so the wizard syncs from this computer instead."));
    m_retiredDemo->setVisible(false);
    // Switches the running demo sandbox (kept in its state, so the next demo starts the same way).
    connect(m_retiredDemo, &QCheckBox::toggled, this, [this](bool on) { m_context->demo()->setRetiredZohoSource(on); });

    m_endpointsNote->setObjectName(QStringLiteral("endpointsNote"));
    m_endpointsNote->setWordWrap(true);
    m_endpointsNote->setVisible(false);

    m_profiles->setObjectName(QStringLiteral("savedProfiles"));
    m_profiles->setColumnCount(5);
    m_profiles->setHeaderLabels(
        {tr("Connection"), tr("Health"), tr("Zoho CRM"), tr("Experience Platform"), tr("Dataflows")});
    m_profiles->setRootIsDecorated(false);
    m_profiles->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_profiles->header()->setSectionResizeMode(HealthColumn, QHeaderView::Stretch);
    m_profiles->header()->setStretchLastSection(false);
    m_profiles->setWordWrap(true);
    m_profiles->setMaximumHeight(160);
    m_details->setObjectName(QStringLiteral("profileDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_addFlow->setObjectName(QStringLiteral("addFlowButton"));
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_manage->setObjectName(QStringLiteral("manageButton"));
    m_forget->setObjectName(QStringLiteral("forgetButton"));
    m_refresh->setObjectName(QStringLiteral("refreshHealthButton"));
    m_newName->setObjectName(QStringLiteral("newProfileEdit"));

    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_reconnect, m_addFlow, m_resume, m_manage, m_forget})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_refresh);
    auto *newRow = new QHBoxLayout;
    newRow->addWidget(m_newLabel);
    newRow->addWidget(m_newName, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_retiredDemo);
    layout->addWidget(m_intro);
    layout->addWidget(m_endpointsNote);
    layout->addWidget(m_savedTitle);
    layout->addWidget(m_profiles, 1);
    layout->addLayout(actions);
    layout->addWidget(m_details);
    layout->addLayout(newRow);
    m_status->addTo(layout);
    layout->addStretch(0);

    connect(m_profiles, &QTreeWidget::currentItemChanged, this, &WelcomePage::selectionChanged);
    connect(m_refresh, &QPushButton::clicked, this, &WelcomePage::refreshHealth);
    connect(m_context->controller(), &WizardController::progress, m_status, [this](const QString &text) {
        if (m_status->isBusy())
            m_status->setText(text);
    });
    connect(m_newName, &QLineEdit::textChanged, this, &WelcomePage::completeChanged);
    const QList<QPair<QPushButton *, Mode>> buttons{{m_reconnect, Mode::Reconnect},
                                                    {m_addFlow, Mode::AddDataflow},
                                                    {m_resume, Mode::Resume},
                                                    {m_manage, Mode::Manage},
                                                    {m_forget, Mode::Forget}};
    for (const auto &b : buttons) {
        const Mode mode = b.second;
        connect(b.first, &QPushButton::clicked, this, [this, mode] { act(int(mode)); });
    }
}

void WelcomePage::initializePage()
{
    if (m_context->isDemo()) {
        m_demoBanner->setText(tr("Demo mode: every Zoho and Adobe service is the built-in sandbox at %1. "
                                 "Nothing leaves this computer and no real account is needed.")
                                  .arg(m_context->demo()->url().toString()));
        m_demoBanner->setVisible(true);
        m_retiredDemo->setVisible(true);
        const QSignalBlocker block(m_retiredDemo);
        m_retiredDemo->setChecked(m_context->demo()->isRetiredZohoSource());
    } else {
        m_demoBanner->setVisible(false);
        m_retiredDemo->setVisible(false);
    }
    const QUrl platform = m_context->services()->endpoints().platform();
    const bool custom = !m_context->isDemo() && platform != Endpoints::production().platform();
    m_endpointsNote->setVisible(custom);
    if (custom)
        m_endpointsNote->setText(
            tr("Using the service addresses of an endpoints file (Adobe Platform: %1).").arg(platform.toString()));
    m_context->controller()->setMode(Mode::NewConnection);
    m_opened = false;
    m_status->cancel();
    m_status->setText({});
    m_status->clearError();
    listProfiles();
}

QString WelcomePage::freeName() const
{
    const QStringList taken = m_context->services()->profiles()->names();
    QString name = m_context->services()->profileName();
    for (int n = 2; taken.contains(name); ++n)
        name = tr("connection-%1").arg(n);
    return name;
}

void WelcomePage::listProfiles()
{
    const QStringList names = m_context->services()->profiles()->names();
    const bool any = !names.isEmpty();
    m_intro->setVisible(!any);
    for (QWidget *w : std::initializer_list<QWidget *>{m_savedTitle, m_profiles, m_details, m_reconnect, m_addFlow,
                                                       m_resume, m_manage, m_forget, m_refresh, m_newLabel, m_newName})
        w->setVisible(any);
    if (m_newName->text().isEmpty() || names.contains(m_newName->text()))
        m_newName->setText(freeName());
    const QString selected = selectedProfile();
    m_profiles->clear();
    for (const QString &name : names) {
        QString error;
        const auto profile = m_context->services()->profiles()->load(name, &error);
        auto *item = new QTreeWidgetItem(m_profiles);
        item->setText(NameColumn, name);
        item->setData(NameColumn, Qt::UserRole, name);
        if (!profile) {
            item->setText(HealthColumn, error);
            continue;
        }
        const QJsonObject z = profile->zoho;
        item->setText(ZohoColumn, z.isEmpty() ? tr("not signed in")
                                              : tr("%1, %2 (%3, %4)")
                                                    .arg(z.value(QStringLiteral("email")).toString(),
                                                         z.value(QStringLiteral("org")).toString(),
                                                         z.value(QStringLiteral("dc")).toString(),
                                                         z.value(QStringLiteral("environment")).toString()));
        const QJsonObject a = profile->adobe;
        item->setText(AdobeColumn, a.isEmpty() ? tr("no credential")
                                               : tr("sandbox %1").arg(a.value(QStringLiteral("sandbox")).toString()));
        item->setToolTip(AdobeColumn, plainToolTip(a.value(QStringLiteral("orgId")).toString()));
        int flows = 0;
        const QJsonObject plans = profile->setup.value(QStringLiteral("plans")).toObject();
        for (auto it = plans.begin(); it != plans.end(); ++it)
            flows += it.value().toObject().value(QStringLiteral("complete")).toBool() ? 1 : 0;
        item->setText(FlowsColumn, QString::number(flows));
        item->setText(HealthColumn, tr("Checking…"));
        if (name == selected)
            m_profiles->setCurrentItem(item);
    }
    if (!m_profiles->currentItem() && m_profiles->topLevelItemCount() > 0)
        m_profiles->setCurrentItem(m_profiles->topLevelItem(0));
    refreshHealth();
    selectionChanged();
}

void WelcomePage::refreshHealth()
{
    for (const Check &c : std::as_const(m_checks)) {
        delete c.check;
        delete c.session;
    }
    m_checks.clear();
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        const QString name = m_profiles->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString();
        Check c;
        c.session =
            new account::ProfileSession(m_context->services()->http(), m_context->services()->endpoints(),
                                        m_context->services()->profiles(), m_context->services()->secrets(), this);
        m_profiles->topLevelItem(i)->setText(HealthColumn, tr("Checking…"));
        m_checks.insert(name, c);
        account::ProfileSession *session = c.session;
        session->load(name, false, [this, name, session](const net::Error &error) {
            if (!m_checks.contains(name) || m_checks.value(name).session != session)
                return; // refreshed meanwhile
            if (error) {
                account::Health h;
                h.loadError = error;
                h.finished = true;
                showHealth(name, h);
                return;
            }
            auto *check = new account::HealthCheck(session, this);
            m_checks[name].check = check;
            connect(check, &account::HealthCheck::updated, this,
                    [this, name](const account::Health &h) { showHealth(name, h); });
            check->start();
        });
    }
}

void WelcomePage::showHealth(const QString &name, const account::Health &health)
{
    if (!m_checks.contains(name))
        return;
    m_checks[name].health = health;
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_profiles->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() != name)
            continue;
        QString text;
        if (!health.finished && health.action() == account::Health::Action::None)
            text = tr("Checking…");
        else if (health.healthy())
            text = tr("Works");
        else
            text = tr("Needs attention: %1").arg(health.actionText());
        bool syncAttention = false;
        if (const account::ProfileSession *session = m_checks.value(name).session)
            SyncBackend::healthLines(session->profile(), m_context->services()->profiles()->configDir(),
                                     &syncAttention);
        if (syncAttention && health.finished && health.healthy())
            text = tr("Needs attention: the sync from this computer failed or has not run for two intervals");
        item->setText(HealthColumn, text);
        item->setToolTip(HealthColumn, plainToolTip(text));
        item->setIcon(HealthColumn, health.finished && (!health.healthy() || syncAttention)
                                        ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                        : QIcon());
    }
    if (selectedProfile() == name)
        selectionChanged();
}

QString WelcomePage::selectedProfile() const
{
    const QTreeWidgetItem *item = m_profiles->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void WelcomePage::selectionChanged()
{
    const QString name = selectedProfile();
    const account::Health health = m_checks.value(name).health;
    QStringList lines;
    if (!health.baseConnectionId.isEmpty())
        lines << tr("Experience Platform account (base connection) %1: %2")
                     .arg(health.baseConnectionId,
                          health.baseConnectionState.isEmpty() ? tr("checking…") : health.baseConnectionState);
    for (const account::FlowHealth &f : health.flows) {
        QString run = tr("no run yet");
        if (f.lastRun)
            run =
                tr("last run %1 (%2)")
                    .arg(f.lastRun->status, QLocale().toString(f.lastRun->started.toLocalTime(), QLocale::ShortFormat));
        lines << tr("Dataflow \"%1\" (%2): %3, %4")
                     .arg(f.name, f.tablePath, f.state.isEmpty() ? tr("checking…") : f.state, run);
    }
    for (const account::UnfinishedSetup &u : health.unfinished)
        lines << (u.tablePath.isEmpty() ? tr("An unfinished setup (no module chosen yet).")
                                        : tr("An unfinished setup of %1.").arg(u.tablePath));
    // A connection that syncs from this computer: its runs, from the sync's history.
    bool syncAttention = false;
    bool syncs = false;
    if (const account::ProfileSession *session = m_checks.value(name).session) {
        syncs = !session->profile().sync.isEmpty();
        lines << SyncBackend::healthLines(session->profile(), m_context->services()->profiles()->configDir(),
                                          &syncAttention);
    }
    if (health.finished && !health.healthy())
        lines << tr("To do: %1").arg(health.actionText());
    m_details->setText(lines.join(QLatin1Char('\n')));
    const bool selected = !name.isEmpty() && !m_status->isBusy();
    const bool hasBase = !health.baseConnectionId.isEmpty() && health.baseConnectionState != QLatin1String("missing");
    m_reconnect->setEnabled(selected);
    m_addFlow->setEnabled(selected && hasBase);
    m_resume->setEnabled(selected && !health.unfinished.isEmpty());
    m_manage->setEnabled(selected && (!health.flows.isEmpty() || syncs));
    m_forget->setEnabled(selected);
    m_refresh->setEnabled(!m_status->isBusy());
}

void WelcomePage::act(int modeValue)
{
    const Mode mode = Mode(modeValue);
    const QString name = selectedProfile();
    if (name.isEmpty())
        return;
    const account::Health health = m_checks.value(name).health;
    const QString setupId = health.unfinished.isEmpty() ? QString() : health.unfinished.first().setupId;
    m_status->begin({});
    selectionChanged();
    m_context->controller()->open(name, mode, setupId, m_status->guard(), [this](const net::Error &error) {
        if (error) {
            m_status->fail(error, false);
            selectionChanged();
            return;
        }
        m_opened = true;
        m_status->finish();
        wizard()->next();
    });
}

bool WelcomePage::isComplete() const
{
    if (m_status->isBusy())
        return false;
    if (!m_newName->isHidden() && m_context->controller()->mode() == Mode::NewConnection) {
        const QString name = m_newName->text().trimmed();
        return store::ProfileStore::isValidName(name) && !m_context->services()->profiles()->exists(name);
    }
    return true;
}

bool WelcomePage::validatePage()
{
    if (auto *connection = qobject_cast<ConnectionWizard *>(wizard()))
        connection->addPages(); // normally done already, right after the first paint
    if (m_context->controller()->mode() != Mode::NewConnection)
        return m_opened;
    if (!m_newName->isHidden()) {
        const QString name = m_newName->text().trimmed();
        QString error;
        if (!store::ProfileStore::isValidName(name, &error) || m_context->services()->profiles()->exists(name)) {
            m_status->errorPanel()->showError(
                net::Error::make(net::ErrorCategory::Input, error.isEmpty()
                                                                ? tr("A connection called \"%1\" exists already. "
                                                                     "Choose another name.")
                                                                      .arg(name)
                                                                : error),
                false);
            return false;
        }
        m_context->controller()->startNewConnection(name);
    }
    return true;
}

} // namespace zaw
