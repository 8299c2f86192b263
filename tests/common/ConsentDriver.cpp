// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentDriver.h"

#include <QRegularExpression>

namespace zaw::test {

namespace {

QString inputValue(const QByteArray &page, const QString &name)
{
    const QRegularExpression re(QStringLiteral("name=\"%1\"[^>]*value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(page)).captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

QUrl formAction(const QByteArray &page, const QUrl &pageUrl)
{
    const QRegularExpression re(QStringLiteral("<form[^>]*action=\"([^\"]*)\""));
    const QString action =
        re.match(QString::fromUtf8(page)).captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return action.isEmpty() ? pageUrl : pageUrl.resolved(QUrl(action));
}

HttpResult postForm(Http &http, const QUrl &url, const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery form;
    for (const auto &f : fields)
        form.addQueryItem(f.first, f.second);
    return http.postForm(url, form);
}

} // namespace

ConsentOutcome runConsent(Http &http, const QUrl &authUrl, const QString &login, const QString &org,
                          const QString &decision)
{
    ConsentOutcome out;
    HttpResult page = http.get(authUrl);
    out.status = page.status;
    out.page = page.body;
    const QString tx = inputValue(page.body, QStringLiteral("tx"));
    if (page.status != 200 || tx.isEmpty())
        return out;
    const QUrl signInAction = formAction(page.body, authUrl);
    page = postForm(http, signInAction, {{QStringLiteral("tx"), tx}, {QStringLiteral("login"), login}});
    out.status = page.status;
    out.page = page.body;
    if (page.status != 200 || !page.body.contains("name=\"decision\""))
        return out;
    QList<QPair<QString, QString>> fields{{QStringLiteral("tx"), inputValue(page.body, QStringLiteral("tx"))},
                                          {QStringLiteral("login"), login},
                                          {QStringLiteral("decision"), decision}};
    if (page.body.contains("name=\"org\"")) {
        QString chosen = org;
        if (chosen.isEmpty()) {
            const QRegularExpression re(QStringLiteral("<option[^>]*value=\"([^\"]+)\""));
            chosen = re.match(QString::fromUtf8(page.body)).captured(1);
        }
        fields.append({QStringLiteral("org"), chosen});
    }
    page = postForm(http, formAction(page.body, signInAction), fields);
    out.status = page.status;
    out.page = page.body;
    if (page.status == 302)
        out.redirect = QUrl::fromEncoded(page.header("Location"));
    return out;
}

} // namespace zaw::test
