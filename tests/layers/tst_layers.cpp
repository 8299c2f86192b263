// SPDX-License-Identifier: GPL-3.0-or-later
// The layers of DESIGN §2, read from the sources: every #include "…" under app/ names a folder
// the including folder may use. A core folder uses only the layers below it (and store, which
// stands beside them); nothing in the core reaches a front end.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// Folder (under app/, core folders as "core/<name>") → the folders its files may include.
const QMap<QString, QSet<QString>> &allowed()
{
    static const QMap<QString, QSet<QString>> table = [] {
        QMap<QString, QSet<QString>> t;
        t[QStringLiteral("core/endpoints")] = {};
        t[QStringLiteral("core/net")] = {QStringLiteral("core/endpoints")};
        t[QStringLiteral("core/store")] = {};
        t[QStringLiteral("core/zoho")] = {QStringLiteral("core/endpoints"), QStringLiteral("core/net"),
                                          QStringLiteral("core/store")};
        t[QStringLiteral("core/adobe")] = {QStringLiteral("core/endpoints"), QStringLiteral("core/net"),
                                           QStringLiteral("core/store")};
        t[QStringLiteral("core/catalogue")] = t[QStringLiteral("core/zoho")] + t[QStringLiteral("core/adobe")] +
                                              QSet<QString>{QStringLiteral("core/zoho"), QStringLiteral("core/adobe")};
        t[QStringLiteral("core/setup")] =
            t[QStringLiteral("core/catalogue")] + QSet<QString>{QStringLiteral("core/catalogue")};
        t[QStringLiteral("core/sync")] = t[QStringLiteral("core/setup")] + QSet<QString>{QStringLiteral("core/setup")};
        t[QStringLiteral("core/account")] = t[QStringLiteral("core/sync")] + QSet<QString>{QStringLiteral("core/sync")};
        QSet<QString> core;
        for (auto it = t.cbegin(); it != t.cend(); ++it)
            core.insert(it.key());
        // Front ends: the core, and the shared pieces beside them.
        t[QStringLiteral("i18n")] = {};
        t[QStringLiteral("loopback")] = core;
        t[QStringLiteral("sandbox")] = {QStringLiteral("core/endpoints")};
        t[QStringLiteral("browser")] = {};
        t[QStringLiteral("cli")] = core + QSet<QString>{QStringLiteral("loopback"), QStringLiteral("i18n")};
        t[QStringLiteral("wizard")] = core + QSet<QString>{QStringLiteral("loopback"), QStringLiteral("i18n"),
                                                           QStringLiteral("sandbox"), QStringLiteral("browser")};
        return t;
    }();
    return table;
}

QString appDir()
{
    return QStringLiteral(ZAW_APP_SOURCE_DIR);
}

// The folder a file belongs to: "core/<name>" or the first folder under app/.
QString folderOf(const QString &relativePath)
{
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    if (parts.size() >= 3 && parts.first() == QLatin1String("core"))
        return parts[0] + QLatin1Char('/') + parts[1];
    return parts.size() >= 2 ? parts.first() : QString();
}

// Where an #include "name" written in folder `from` points: a folder name (same rule as the
// build: core headers from app/core, front-end headers from app/, or the including folder).
QString resolve(const QString &from, const QString &included)
{
    const QDir app(appDir());
    const QString fromDir = app.filePath(from);
    if (!included.contains(QLatin1Char('/')) && QFile::exists(QDir(fromDir).filePath(included)))
        return from;
    if (QFile::exists(app.filePath(QStringLiteral("core/") + included)))
        return folderOf(QStringLiteral("core/") + included);
    if (QFile::exists(app.filePath(included)))
        return folderOf(included);
    return {};
}

struct Include
{
    QString file;
    int line = 0;
    QString text;
    QString from;
    QString to;
};

QList<Include> readIncludes()
{
    static const QRegularExpression re(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""));
    QList<Include> out;
    const QDir app(appDir());
    QDirIterator it(appDir(), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = app.relativeFilePath(path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        int line = 0;
        while (!file.atEnd()) {
            const QString text = QString::fromUtf8(file.readLine());
            ++line;
            const auto m = re.match(text);
            if (!m.hasMatch())
                continue;
            Include inc;
            inc.file = rel;
            inc.line = line;
            inc.text = m.captured(1);
            inc.from = folderOf(rel);
            inc.to = resolve(inc.from, inc.text);
            out.append(inc);
        }
    }
    return out;
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT

private slots:
    void readsTheSources()
    {
        // A test that found nothing to check would pass by accident.
        const QList<Include> includes = readIncludes();
        QVERIFY2(includes.size() > 300,
                 qPrintable(QStringLiteral("only %1 includes found under %2").arg(includes.size()).arg(appDir())));
        QSet<QString> folders;
        for (const Include &inc : includes)
            folders.insert(inc.from);
        for (const QString &f : {QStringLiteral("core/net"), QStringLiteral("core/setup"), QStringLiteral("cli"),
                                 QStringLiteral("sandbox")})
            QVERIFY2(folders.contains(f), qPrintable(f));
    }

    void everyIncludeResolves()
    {
        QStringList unresolved;
        for (const Include &inc : readIncludes())
            if (inc.to.isEmpty() && !inc.text.endsWith(QLatin1String(".moc")) &&
                !inc.text.startsWith(QLatin1String("ui_")))
                unresolved << QStringLiteral("%1:%2 \"%3\"").arg(inc.file).arg(inc.line).arg(inc.text);
        QVERIFY2(unresolved.isEmpty(), qPrintable(unresolved.join(QLatin1Char('\n'))));
    }

    void coreIncludesNameTheirFolder()
    {
        QStringList bare;
        for (const Include &inc : readIncludes())
            if (inc.to.startsWith(QLatin1String("core/")) && !inc.text.startsWith(inc.to.mid(5) + QLatin1Char('/')))
                bare << QStringLiteral("%1:%2 \"%3\" (write \"%4/…\")")
                            .arg(inc.file)
                            .arg(inc.line)
                            .arg(inc.text, inc.to.mid(5));
        QVERIFY2(bare.isEmpty(), qPrintable(bare.join(QLatin1Char('\n'))));
    }

    void includesPointDownOnly()
    {
        QStringList wrong;
        for (const Include &inc : readIncludes()) {
            if (inc.to.isEmpty() || inc.to == inc.from)
                continue;
            if (!allowed().contains(inc.from)) {
                wrong << QStringLiteral("%1: folder %2 is not in the layer table").arg(inc.file, inc.from);
                continue;
            }
            if (!allowed().value(inc.from).contains(inc.to))
                wrong << QStringLiteral("%1:%2 \"%3\": %4 may not use %5")
                             .arg(inc.file)
                             .arg(inc.line)
                             .arg(inc.text, inc.from, inc.to);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void noPageIncludesAnHttpClient()
    {
        static const QRegularExpression client(QStringLiteral("^(adobe|zoho)/\\w*Client\\.h$|^net/HttpClient\\.h$"));
        QStringList wrong;
        for (const Include &inc : readIncludes())
            if (inc.from == QLatin1String("wizard") && inc.file.contains(QLatin1String("Page")) &&
                client.match(inc.text).hasMatch())
                wrong << QStringLiteral("%1:%2 \"%3\"").arg(inc.file).arg(inc.line).arg(inc.text);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
