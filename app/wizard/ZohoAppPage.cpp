// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoAppPage.h"

#include "WizardContext.h"
#include "zoho/AuthorizationRequest.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace zaw {

namespace {

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    label->setPalette(p);
    label->hide();
    return label;
}

void setProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

// Zoho's API console has one host per data centre.
QString consoleUrl(const QString &dc)
{
    static const QHash<QString, QString> hosts{{QStringLiteral("us"), QStringLiteral("api-console.zoho.com")},
                                               {QStringLiteral("eu"), QStringLiteral("api-console.zoho.eu")},
                                               {QStringLiteral("in"), QStringLiteral("api-console.zoho.in")},
                                               {QStringLiteral("au"), QStringLiteral("api-console.zoho.com.au")},
                                               {QStringLiteral("cn"), QStringLiteral("api-console.zoho.com.cn")},
                                               {QStringLiteral("jp"), QStringLiteral("api-console.zoho.jp")},
                                               {QStringLiteral("ca"), QStringLiteral("api-console.zohocloud.ca")},
                                               {QStringLiteral("sa"), QStringLiteral("api-console.zoho.sa")}};
    return QStringLiteral("https://") + hosts.value(dc, hosts.value(QStringLiteral("us"))) + QLatin1Char('/');
}

QPushButton *copyButton(const QString &name, QLabel *source, QWidget *parent)
{
    auto *button = new QPushButton(QObject::tr("Copy"), parent);
    button->setObjectName(name);
    QObject::connect(button, &QPushButton::clicked, source,
                     [source] { QApplication::clipboard()->setText(source->text()); });
    return button;
}

} // namespace

ZohoAppPage::ZohoAppPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_clientId(new QLineEdit(this))
    , m_clientSecret(new QLineEdit(this))
    , m_clientType(new QComboBox(this))
    , m_redirectUri(new QLineEdit(this))
    , m_dataCenter(new QComboBox(this))
    , m_environment(new QComboBox(this))
    , m_scopes(new QPlainTextEdit(this))
    , m_clientIdError(errorLabel(QStringLiteral("clientIdError"), this))
    , m_clientSecretError(errorLabel(QStringLiteral("clientSecretError"), this))
    , m_redirectUriError(errorLabel(QStringLiteral("redirectUriError"), this))
    , m_scopesError(errorLabel(QStringLiteral("scopesError"), this))
    , m_homepageValue(new QLabel(this))
    , m_redirectValue(new QLabel(this))
    , m_consoleLink(new QLabel(this))
{
    setObjectName(QStringLiteral("zohoAppPage"));
    setTitle(tr("Zoho API client"));
    setSubTitle(tr("Enter the client you registered in Zoho's API console. The secret is kept in your system "
                   "keychain once the sign-in works."));

    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setPlaceholderText(QStringLiteral("1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"));
    m_clientSecret->setObjectName(QStringLiteral("clientSecretEdit"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    m_clientType->setObjectName(QStringLiteral("clientTypeCombo"));
    m_clientType->addItem(tr("Server-based application"), QStringLiteral("server"));
    m_clientType->addItem(tr("Mobile or desktop application (PKCE)"), QStringLiteral("desktop"));
    m_redirectUri->setObjectName(QStringLiteral("redirectUriEdit"));
    m_redirectUri->setPlaceholderText(QStringLiteral("http://127.0.0.1:47913/callback"));
    m_dataCenter->setObjectName(QStringLiteral("dataCenterCombo"));
    const QList<QPair<QString, QString>> names{
        {QStringLiteral("us"), tr("United States")}, {QStringLiteral("eu"), tr("Europe")},
        {QStringLiteral("in"), tr("India")},         {QStringLiteral("au"), tr("Australia")},
        {QStringLiteral("cn"), tr("China")},         {QStringLiteral("jp"), tr("Japan")},
        {QStringLiteral("ca"), tr("Canada")},        {QStringLiteral("sa"), tr("Saudi Arabia")}};
    for (const auto &n : names) {
        if (context->endpoints().dataCenter(n.first))
            m_dataCenter->addItem(QStringLiteral("%1 (%2)").arg(n.second, n.first), n.first);
    }
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    for (auto env : {CrmEnvironment::Production, CrmEnvironment::Sandbox, CrmEnvironment::Developer})
        m_environment->addItem(crmEnvironmentLabel(env), crmEnvironmentName(env));
    m_scopes->setObjectName(QStringLiteral("scopesEdit"));
    m_scopes->setTabChangesFocus(true);
    m_scopes->setFixedHeight(m_scopes->fontMetrics().lineSpacing() * 4 + 12);

    auto *dcHint = new QLabel(tr("Zoho sends you on to your own data centre if it differs."), this);
    dcHint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(QString(), m_clientIdError);
    form->addRow(tr("Client &secret:"), m_clientSecret);
    form->addRow(QString(), m_clientSecretError);
    form->addRow(tr("Client &type:"), m_clientType);
    form->addRow(tr("&Redirect URI:"), m_redirectUri);
    form->addRow(QString(), m_redirectUriError);
    form->addRow(tr("Start sign-&in at:"), m_dataCenter);
    form->addRow(QString(), dcHint);
    form->addRow(tr("CRM &environment:"), m_environment);
    form->addRow(tr("S&copes:"), m_scopes);
    form->addRow(QString(), m_scopesError);

    auto *registration = new QGroupBox(tr("Register in Zoho's API console"), this);
    registration->setObjectName(QStringLiteral("registrationBox"));
    m_homepageValue->setObjectName(QStringLiteral("homepageValue"));
    m_redirectValue->setObjectName(QStringLiteral("registerRedirectValue"));
    m_homepageValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_redirectValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_consoleLink->setObjectName(QStringLiteral("consoleLink"));
    m_consoleLink->setOpenExternalLinks(true);
    auto *regForm = new QFormLayout(registration);
    auto *homeRow = new QHBoxLayout;
    homeRow->addWidget(m_homepageValue, 1);
    homeRow->addWidget(copyButton(QStringLiteral("copyHomepageButton"), m_homepageValue, this));
    auto *redirectRow = new QHBoxLayout;
    redirectRow->addWidget(m_redirectValue, 1);
    redirectRow->addWidget(copyButton(QStringLiteral("copyRedirectButton"), m_redirectValue, this));
    regForm->addRow(tr("Homepage URL:"), homeRow);
    regForm->addRow(tr("Authorized redirect URI:"), redirectRow);
    regForm->addRow(m_consoleLink);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(registration);

    for (QLineEdit *edit : {m_clientId, m_clientSecret, m_redirectUri})
        connect(edit, &QLineEdit::textChanged, this, &ZohoAppPage::revalidate);
    connect(m_scopes, &QPlainTextEdit::textChanged, this, &ZohoAppPage::revalidate);
    connect(m_dataCenter, &QComboBox::currentIndexChanged, this, &ZohoAppPage::updateRegistration);
}

void ZohoAppPage::initializePage()
{
    // Coming back to the page keeps what was typed; only the first visit fills it in.
    if (m_initialised)
        return;
    m_initialised = true;
    const zoho::ZohoAppSettings &s = m_context->zohoSettings;
    m_clientId->setText(s.clientId);
    m_clientSecret->setText(s.clientSecret);
    m_clientType->setCurrentIndex(s.clientType == zoho::ClientType::Desktop ? 1 : 0);
    m_redirectUri->setText(s.redirectUri);
    m_dataCenter->setCurrentIndex(qMax(0, m_dataCenter->findData(s.startDc)));
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(crmEnvironmentName(s.environment))));
    m_scopes->setPlainText(s.scopes.join(QStringLiteral(", ")));
    revalidate();
}

QString ZohoAppPage::clientIdProblem() const
{
    const QString id = m_clientId->text().trimmed();
    if (id.isEmpty())
        return tr("Enter the client ID from Zoho's API console.");
    if (id.contains(QLatin1Char(' ')))
        return tr("A client ID has no spaces; copy it again from Zoho's API console.");
    return {};
}

QString ZohoAppPage::clientSecretProblem() const
{
    if (m_clientSecret->text().trimmed().isEmpty())
        return tr("Enter the client secret from Zoho's API console (Client Secret tab).");
    return {};
}

QString ZohoAppPage::redirectUriProblem() const
{
    const QString text = m_redirectUri->text().trimmed();
    if (text.isEmpty())
        return tr("Enter the redirect URI registered for the client, for example http://127.0.0.1:47913/callback.");
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The redirect URI must be a full http:// or https:// address.");
    if (url.scheme() == QLatin1String("http") && !Endpoints::isLoopbackHost(url.host()))
        return tr("Plain http is only safe on this computer (127.0.0.1 or localhost); use https for other hosts.");
    if (url.hasFragment() || !url.userInfo().isEmpty())
        return tr("The redirect URI must not contain a # part or a user name.");
    return {};
}

QString ZohoAppPage::scopesProblem() const
{
    const QStringList scopes = zoho::parseScopes(m_scopes->toPlainText());
    if (scopes.isEmpty())
        return tr("Enter at least one scope.");
    for (const QString &s : scopes) {
        if (!zoho::isValidScopeName(s))
            return tr("\"%1\" is not a scope name (like ZohoCRM.modules.READ).").arg(s);
    }
    for (const char *needed : {"ZohoCRM.users.READ", "ZohoCRM.org.READ"}) {
        bool found = false;
        for (const QString &s : scopes) {
            found = found || s.compare(QLatin1String(needed), Qt::CaseInsensitive) == 0 ||
                    s.compare(QString::fromLatin1(needed).replace(QLatin1String(".READ"), QLatin1String(".ALL")),
                              Qt::CaseInsensitive) == 0;
        }
        if (!found)
            return tr("Keep %1: the wizard needs it to show which account signed in.").arg(QLatin1String(needed));
    }
    return {};
}

void ZohoAppPage::revalidate()
{
    // Errors appear once a field has been typed in, not on an untouched empty form.
    setProblem(m_clientIdError,
               m_clientId->isModified() || !m_clientId->text().isEmpty() ? clientIdProblem() : QString());
    setProblem(m_clientSecretError,
               m_clientSecret->isModified() || !m_clientSecret->text().isEmpty() ? clientSecretProblem() : QString());
    setProblem(m_redirectUriError,
               m_redirectUri->isModified() || !m_redirectUri->text().isEmpty() ? redirectUriProblem() : QString());
    setProblem(m_scopesError, scopesProblem());
    updateRegistration();
    emit completeChanged();
}

void ZohoAppPage::updateRegistration()
{
    const QUrl redirect(m_redirectUri->text().trimmed());
    m_redirectValue->setText(redirect.isValid() && !redirect.isEmpty() ? redirect.toString() : QStringLiteral("—"));
    QUrl home = redirect;
    home.setPath({});
    home.setQuery(QString());
    m_homepageValue->setText(redirect.isValid() && !redirect.host().isEmpty() ? home.toString() : QStringLiteral("—"));
    if (m_context->isDemo()) {
        m_consoleLink->setText(tr("Demo mode: the sandbox's demo client is registered already."));
    } else {
        const QString url = consoleUrl(m_dataCenter->currentData().toString());
        m_consoleLink->setText(tr("Open Zoho's API console: <a href=\"%1\">%1</a>").arg(url));
    }
}

bool ZohoAppPage::isComplete() const
{
    return clientIdProblem().isEmpty() && clientSecretProblem().isEmpty() && redirectUriProblem().isEmpty() &&
           scopesProblem().isEmpty();
}

bool ZohoAppPage::validatePage()
{
    zoho::ZohoAppSettings &s = m_context->zohoSettings;
    s.clientId = m_clientId->text().trimmed();
    s.clientSecret = m_clientSecret->text().trimmed();
    s.clientType = m_clientType->currentData().toString() == QLatin1String("desktop") ? zoho::ClientType::Desktop
                                                                                      : zoho::ClientType::Server;
    s.redirectUri = m_redirectUri->text().trimmed();
    s.startDc = m_dataCenter->currentData().toString();
    s.environment =
        crmEnvironmentFromName(m_environment->currentData().toString()).value_or(CrmEnvironment::Production);
    s.scopes = zoho::parseScopes(m_scopes->toPlainText());
    return true;
}

} // namespace zaw
