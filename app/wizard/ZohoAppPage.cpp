// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoAppPage.h"
#include "PlainLabel.h"

#include "WizardContext.h"
#include "WizardServices.h"
#include "zoho/AuthorizationRequest.h"
#include "zoho/ZohoAppSettingsCheck.h"

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
    auto *label = plainLabel(parent);
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
    , m_homepageValue(plainLabel(this))
    , m_redirectValue(plainLabel(this))
    , m_consoleLink(plainLabel(this))
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
        if (context->services()->endpoints().dataCenter(n.first))
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
    m_consoleLink->setTextFormat(Qt::RichText);
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
    const zoho::ZohoAppSettings s = m_context->services()->zohoSettings();
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
    return zoho::ZohoAppSettingsCheck::clientIdProblem(m_clientId->text());
}

QString ZohoAppPage::clientSecretProblem() const
{
    return zoho::ZohoAppSettingsCheck::clientSecretProblem(m_clientSecret->text());
}

QString ZohoAppPage::redirectUriProblem() const
{
    return zoho::ZohoAppSettingsCheck::redirectUriProblem(m_redirectUri->text());
}

QString ZohoAppPage::scopesProblem() const
{
    return zoho::ZohoAppSettingsCheck::scopesProblem(m_scopes->toPlainText());
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
        const QString url = zoho::ZohoAppSettingsCheck::apiConsoleUrl(m_dataCenter->currentData().toString());
        m_consoleLink->setText(tr("Open Zoho's API console: <a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()));
    }
}

bool ZohoAppPage::isComplete() const
{
    return clientIdProblem().isEmpty() && clientSecretProblem().isEmpty() && redirectUriProblem().isEmpty() &&
           scopesProblem().isEmpty();
}

bool ZohoAppPage::validatePage()
{
    zoho::ZohoAppSettings s = m_context->services()->zohoSettings();
    s.clientId = m_clientId->text().trimmed();
    s.clientSecret = m_clientSecret->text().trimmed();
    s.clientType = m_clientType->currentData().toString() == QLatin1String("desktop") ? zoho::ClientType::Desktop
                                                                                      : zoho::ClientType::Server;
    s.redirectUri = m_redirectUri->text().trimmed();
    s.startDc = m_dataCenter->currentData().toString();
    s.environment =
        crmEnvironmentFromName(m_environment->currentData().toString()).value_or(CrmEnvironment::Production);
    s.scopes = zoho::parseScopes(m_scopes->toPlainText());
    m_context->services()->setZohoSettings(s);
    return true;
}

} // namespace zaw
