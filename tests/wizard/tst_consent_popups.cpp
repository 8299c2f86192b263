// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded consent browser (the real WebEngine plugin, offscreen) against pages served from a
// local server: pop-ups without a click never reach the operating system, a clicked https link
// does once, a clicked made-up scheme never does, one click opens at most one; the address line
// shows the page's host and warns for an unknown one; and no page outlives the profile.
#include "browser/ConsentBrowser.h"

#include <QApplication>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace zaw;

namespace {

// Answers every GET with the page registered for its path (404 otherwise).
class PageServer : public QTcpServer
{
public:
    PageServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    const QByteArray request = m_buffer[socket];
                    if (!request.contains("\r\n\r\n"))
                        return;
                    const QByteArray path = request.split(' ').value(1);
                    const bool found = pages.contains(path);
                    const QByteArray body = found ? pages.value(path) : QByteArray("not found");
                    socket->write((found ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n") +
                                  QByteArray("Content-Type: text/html; charset=utf-8\r\nContent-Length: ") +
                                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                    m_buffer.remove(socket);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    QHash<QByteArray, QByteArray> pages;

private:
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

// "The operating system": every URL QDesktopServices::openUrl would hand to a protocol handler.
class OsStandIn : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened << url; }
};

const QByteArray kBlock = "style=\"display:block;width:400px;height:60px;margin:4px;background:#ddd\"";

QByteArray page(const QByteArray &body)
{
    return "<!doctype html><html><head><title>t</title></head><body style=\"margin:0\">" + body + "</body></html>";
}

} // namespace

class TestConsentPopups : public QObject
{
    Q_OBJECT

private:
    PageServer m_server;
    OsStandIn m_os;
    ConsentBrowserFactory *m_factory = nullptr;

    std::unique_ptr<ConsentBrowser> newBrowser(bool demo = true)
    {
        std::unique_ptr<ConsentBrowser> browser(m_factory->create(nullptr));
        ConsentPolicy policy;
        policy.allowLoopback = demo;
        policy.trustedHosts = {QStringLiteral("accounts.zoho.eu")};
        browser->setPolicy(policy);
        browser->resize(600, 500);
        browser->show();
        return browser;
    }

    static bool loadAndWait(ConsentBrowser *browser, const QUrl &url)
    {
        QSignalSpy finished(browser, &ConsentBrowser::loadFinished);
        browser->start(url);
        return finished.wait(30000) && finished.first().first().toBool();
    }

    static QVariant js(ConsentBrowser *browser, const QString &script)
    {
        QVariant result;
        bool done = false;
        browser->runJavaScript(script, [&](const QVariant &v) {
            result = v;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("runJavaScript did not answer");
        return result;
    }

    // A real click, as a person's: a mouse press and release on the view's render widget at the
    // element's centre (script cannot make a user gesture).
    static bool clickElement(ConsentBrowser *browser, const QString &id)
    {
        const QVariantList rect =
            js(browser, QStringLiteral("(function(){const r=document.getElementById('%1').getBoundingClientRect();"
                                       "return [r.left+r.width/2, r.top+r.height/2];})()")
                            .arg(id))
                .toList();
        auto *view = browser->findChild<QWidget *>(QStringLiteral("consentWebView"));
        if (rect.size() != 2 || !view || !view->focusProxy())
            return false;
        QTest::mouseClick(view->focusProxy(), Qt::LeftButton, {}, QPoint(rect[0].toInt(), rect[1].toInt()));
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.isListening());
        QString error;
        m_factory = loadConsentBrowserFactory(&error);
        QVERIFY2(m_factory, qPrintable(error));
        for (const char *scheme : {"http", "https", "zawtest", "file", "mailto"})
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &m_os, "open");
        m_server.pages["/auto"] = page("<p id=\"ready\">spam</p><script>"
                                       "window.open('http://10.1.2.3/spam');"
                                       "for (let i = 0; i < 5; ++i) window.open('https://spam.example/tab' + i);"
                                       "window.open('zawtest://auto');"
                                       "setTimeout(function(){ window.open('https://spam.example/later'); }, 200);"
                                       "</script>");
        m_server.pages["/click"] = page(
            "<a id=\"https\" href=\"https://help.example/forgot\" target=\"_blank\" " + kBlock +
            ">help</a>"
            "<a id=\"scheme\" href=\"zawtest://run?x=1\" target=\"_blank\" " +
            kBlock +
            ">app</a>"
            "<a id=\"plainhttp\" href=\"http://10.1.2.3/x\" target=\"_blank\" " +
            kBlock +
            ">http</a>"
            "<div id=\"many\" " +
            kBlock + " onclick=\"for (let i = 0; i < 5; ++i) window.open('https://many.example/' + i);\">many</div>");
        m_server.pages["/blank"] = page("<p>x</p><script>window.open(''); window.open('about:blank');</script>");
    }

    void cleanupTestCase()
    {
        for (const char *scheme : {"http", "https", "zawtest", "file", "mailto"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    }

    void popupsWithoutAClickNeverReachTheOs()
    {
        m_os.opened.clear();
        auto browser = newBrowser();
        QSignalSpy requested(browser.get(), &ConsentBrowser::popupRequested);
        QVERIFY(loadAndWait(browser.get(), m_server.url("/auto")));
        QTest::qWait(1500);
        QVERIFY2(requested.isEmpty(), qPrintable(requested.value(0).value(0).toUrl().toString()));
        QVERIFY2(m_os.opened.isEmpty(), qPrintable(m_os.opened.value(0).toString()));
        // The page itself stays where it was.
        QCOMPARE(browser->currentUrl(), m_server.url("/auto"));
    }

    void aClickedHttpsLinkReachesTheOsOnce()
    {
        m_os.opened.clear();
        auto browser = newBrowser();
        QSignalSpy requested(browser.get(), &ConsentBrowser::popupRequested);
        QVERIFY(loadAndWait(browser.get(), m_server.url("/click")));
        QVERIFY(clickElement(browser.get(), QStringLiteral("https")));
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, 10000);
        QCOMPARE(requested.first().first().toUrl(), QUrl("https://help.example/forgot"));
        QTest::qWait(500);
        QCOMPARE(requested.size(), 1);
        QVERIFY(m_os.opened.isEmpty()); // only through the wizard's opener, never by WebEngine itself
        QCOMPARE(browser->currentUrl(), m_server.url("/click"));
    }

    void aClickedMadeUpSchemeOrPlainHttpNeverDoes()
    {
        m_os.opened.clear();
        auto browser = newBrowser();
        QSignalSpy requested(browser.get(), &ConsentBrowser::popupRequested);
        QSignalSpy refused(browser.get(), &ConsentBrowser::popupRefused);
        QVERIFY(loadAndWait(browser.get(), m_server.url("/click")));
        QVERIFY(clickElement(browser.get(), QStringLiteral("scheme")));
        QTest::qWait(800);
        QVERIFY(clickElement(browser.get(), QStringLiteral("plainhttp")));
        QTest::qWait(800);
        QVERIFY2(requested.isEmpty(), qPrintable(requested.value(0).value(0).toUrl().toString()));
        QVERIFY2(m_os.opened.isEmpty(), qPrintable(m_os.opened.value(0).toString()));
        // The clicks were seen (not lost): the links were refused.
        QVERIFY(refused.size() >= 1);
    }

    void oneClickOpensAtMostOne()
    {
        m_os.opened.clear();
        auto browser = newBrowser();
        QSignalSpy requested(browser.get(), &ConsentBrowser::popupRequested);
        QVERIFY(loadAndWait(browser.get(), m_server.url("/click")));
        QVERIFY(clickElement(browser.get(), QStringLiteral("many")));
        QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, 10000);
        QTest::qWait(1000);
        QCOMPARE(requested.size(), 1);
        QVERIFY(m_os.opened.isEmpty());
    }

    void addressLineShowsTheHostAndWarns()
    {
        auto browser = newBrowser(/*demo=*/false);
        auto *address = browser->findChild<QLineEdit *>(QStringLiteral("consentAddress"));
        auto *warning = browser->findChild<QLabel *>(QStringLiteral("consentAddressWarning"));
        QVERIFY(address);
        QVERIFY(warning);
        QVERIFY(address->isReadOnly());
        // Outside demo mode the loopback page is not a sign-in host: it loads nothing (plain http is
        // blocked) but the address and the warning are shown.
        browser->start(m_server.url("/click"));
        QTRY_COMPARE(address->text(), m_server.url({}).toString());
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("127.0.0.1")));
        QVERIFY(address->accessibleDescription().contains(QStringLiteral("not a Zoho sign-in address")));
        QCOMPARE(warning->textFormat(), Qt::PlainText);

        // In demo mode the sandbox on loopback is trusted: no warning.
        auto demo = newBrowser(/*demo=*/true);
        QVERIFY(loadAndWait(demo.get(), m_server.url("/click")));
        auto *demoAddress = demo->findChild<QLineEdit *>(QStringLiteral("consentAddress"));
        auto *demoWarning = demo->findChild<QLabel *>(QStringLiteral("consentAddressWarning"));
        QCOMPARE(demoAddress->text(), QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
        QVERIFY(!demoWarning->isVisible());
        QVERIFY(!demoAddress->accessibleDescription().contains(QStringLiteral("not a Zoho")));
    }

    void noPageOutlivesTheProfile()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Release of profile requested but WebEnginePage")));
        {
            auto browser = newBrowser();
            QVERIFY(loadAndWait(browser.get(), m_server.url("/blank")));
            QTest::qWait(500);
            // A second attempt discards the first page and profile, then the browser goes.
            QVERIFY(loadAndWait(browser.get(), m_server.url("/blank")));
            QTest::qWait(500);
        }
        QTest::qWait(300);
    }
};

QTEST_MAIN(TestConsentPopups)
#include "tst_consent_popups.moc"
