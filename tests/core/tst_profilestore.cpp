// SPDX-License-Identifier: GPL-3.0-or-later
// ProfileStore: the non-secret half of a profile, as JSON files in the config dir (DESIGN §5).
#include "store/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw::store;

namespace {

QJsonObject zohoSection()
{
    return QJsonObject{{"dc", "eu"},
                       {"environment", "production"},
                       {"clientId", "1000.ABCDEF"},
                       {"clientType", "server"},
                       {"redirectUri", "http://127.0.0.1:41235/callback"},
                       {"scopes", QJsonArray{"ZohoCRM.modules.READ", "ZohoCRM.settings.READ"}},
                       {"user", "Ada Lovelace"},
                       {"email", "ada@example.com"},
                       {"org", "Analytical Engines"},
                       {"orgId", "20061234"},
                       {"apiDomain", "https://www.zohoapis.eu"}};
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile profile = store.create("work");
        QVERIFY(QRegularExpression("^[0-9a-f]{32}$").match(profile.id).hasMatch());
        profile.zoho = zohoSection();
        profile.adobe = {{"orgId", "ABC123@AdobeOrg"}, {"sandbox", "dev"}};
        profile.setup = {{"schemaId", "https://ns.adobe.com/tenant/schemas/1"}};
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        QVERIFY(QFileInfo::exists(dir.filePath("profiles/work.json")));

        const std::optional<Profile> loaded = store.load("work", &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->name, QStringLiteral("work"));
        QCOMPARE(loaded->id, profile.id);
        QCOMPARE(loaded->zoho, zohoSection());
        QCOMPARE(loaded->adobe, profile.adobe);
        QCOMPARE(loaded->setup, profile.setup);
        QCOMPARE(loaded->created, profile.created);
        QCOMPARE(loaded->updated, profile.updated);
        QVERIFY(loaded->created <= loaded->updated);
    }

    void idStaysTheSameAcrossSaves()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile profile = store.create("work");
        const QString id = profile.id;
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        const QDateTime created = profile.created;
        const QDateTime firstUpdate = profile.updated;
        QTest::qWait(5); // so that the second save gets a later timestamp

        std::optional<Profile> loaded = store.load("work", &error);
        QVERIFY2(loaded, qPrintable(error));
        loaded->zoho.insert("dc", "us");
        QVERIFY2(store.save(*loaded, &error), qPrintable(error));
        const std::optional<Profile> again = store.load("work", &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->id, id);
        QCOMPARE(again->created, created);
        QVERIFY(again->updated > firstUpdate);
        QCOMPARE(again->zoho.value("dc").toString(), QStringLiteral("us"));
    }

    void refusesToReplaceAnotherProfileWithTheSameName()
    {
        // A second create() of an existing name must not orphan the first one's keychain entries.
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile first = store.create("work");
        QString error;
        QVERIFY2(store.save(first, &error), qPrintable(error));
        Profile second = store.create("work");
        QVERIFY(!store.save(second, &error));
        QVERIFY2(error.contains("already exists"), qPrintable(error));
        QCOMPARE(store.load("work", &error)->id, first.id);
    }

    void namesListsProfilesOnly()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QVERIFY(store.names().isEmpty()); // no profiles folder yet
        QString error;
        for (const QString &name : {QStringLiteral("work"), QStringLiteral("Home-2"), QStringLiteral("a.b_c")}) {
            Profile profile = store.create(name);
            QVERIFY2(store.save(profile, &error), qPrintable(error));
        }
        // Stray files in the folder are not profiles.
        QFile stray(dir.filePath("profiles/notes.txt"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        QFile hidden(dir.filePath("profiles/.hidden.json"));
        QVERIFY(hidden.open(QIODevice::WriteOnly));
        hidden.close();
        QCOMPARE(store.names(), (QStringList{"Home-2", "a.b_c", "work"}));
        QVERIFY(store.exists("work"));
        QVERIFY(!store.exists("play"));
    }

    void invalidNamesAreRejected_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("leading dot") << ".work";
        QTest::newRow("dot dot") << "..";
        QTest::newRow("slash") << "a/b";
        QTest::newRow("backslash") << "a\\b";
        QTest::newRow("space") << "my work";
        QTest::newRow("non-ascii") << QString::fromUtf8("caf\xc3\xa9");
        QTest::newRow("too long") << QString(65, 'a');
        QTest::newRow("windows device") << "con";
        QTest::newRow("windows device with dot") << "LPT1.old";
    }

    void invalidNamesAreRejected()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QString error;
        QVERIFY(!ProfileStore::isValidName(name, &error));
        QVERIFY(!error.isEmpty());
        Profile profile = store.create(name);
        QVERIFY(!store.save(profile, &error));
        QVERIFY(!store.load(name, &error));
        QVERIFY(!QFileInfo::exists(dir.filePath("profiles")) || QDir(dir.filePath("profiles")).isEmpty());
    }

    void nameErrorSaysWhatIsAllowed()
    {
        QString error;
        QVERIFY(!ProfileStore::isValidName("my work", &error));
        QVERIFY2(error.contains("\"my work\""), qPrintable(error));
        QVERIFY2(error.contains("1 to 64"), qPrintable(error));
        QVERIFY2(error.contains("\".\", \"_\" and \"-\""), qPrintable(error));
        QVERIFY(ProfileStore::isValidName(QString(64, 'a')));
        QVERIFY(ProfileStore::isValidName("work.2024_eu-1"));
        QVERIFY(ProfileStore::isValidName("console")); // only exact device names are reserved
    }

    void secretsAreRefusedAtAnyDepth_data()
    {
        QTest::addColumn<QString>("section");
        QTest::addColumn<QJsonObject>("content");
        QTest::addColumn<QString>("path");
        QTest::newRow("top level") << "zoho" << QJsonObject{{"clientSecret", "x"}} << "zoho.clientSecret";
        QTest::newRow("nested") << "adobe" << QJsonObject{{"ims", QJsonObject{{"AccessToken", "x"}}}}
                                << "adobe.ims.AccessToken";
        QTest::newRow("in an array") << "setup"
                                     << QJsonObject{{"connections", QJsonArray{QJsonObject{{"name", "a"}},
                                                                               QJsonObject{{"password", "x"}}}}}
                                     << "setup.connections[1].password";
        QTest::newRow("snake case token reply")
            << "zoho" << QJsonObject{{"token", QJsonObject{{"refresh_token", "x"}}}} << "zoho.token.refresh_token";
        QTest::newRow("plain secret") << "adobe" << QJsonObject{{"SECRET", "x"}} << "adobe.SECRET";
        QTest::newRow("empty value still refused")
            << "zoho" << QJsonObject{{"refreshToken", ""}} << "zoho.refreshToken";
    }

    void secretsAreRefusedAtAnyDepth()
    {
        QFETCH(QString, section);
        QFETCH(QJsonObject, content);
        QFETCH(QString, path);
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile profile = store.create("work");
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        const QByteArray before = fileContents(store.filePath("work"));

        Profile changed = profile;
        (section == "zoho" ? changed.zoho : section == "adobe" ? changed.adobe : changed.setup) = content;
        QVERIFY(!store.save(changed, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains("keychain"), qPrintable(error));
        QCOMPARE(fileContents(store.filePath("work")), before); // nothing written

        // Nothing is created for a new profile either.
        Profile fresh = store.create("fresh");
        (section == "zoho" ? fresh.zoho : section == "adobe" ? fresh.adobe : fresh.setup) = content;
        QVERIFY(!store.save(fresh, &error));
        QVERIFY(!QFileInfo::exists(store.filePath("fresh")));
    }

    void harmlessKeysAreAccepted()
    {
        // Only names that are secrets are refused, not names that merely mention one.
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile profile = store.create("work");
        profile.zoho = {{"clientId", "1000.X"}, {"tokenExpiry", "2030-01-01T00:00:00Z"}, {"hasSecret", true}};
        profile.adobe = {{"secretStored", true}};
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
    }

    void corruptFileIsReportedWithItsName_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("truncated") << QByteArray("{\"id\": \"0123");
        QTest::newRow("not an object") << QByteArray("[1, 2]");
        QTest::newRow("no id") << QByteArray("{\"name\": \"work\"}");
        QTest::newRow("section not an object")
            << QByteArray("{\"id\": \"0123456789abcdef0123456789abcdef\", \"zoho\": \"eu\"}");
        QTest::newRow("bad date") << QByteArray(
            "{\"id\": \"0123456789abcdef0123456789abcdef\", \"created\": \"yesterday\"}");
        QTest::newRow("newer format") << QByteArray("{\"version\": 7, \"id\": \"0123456789abcdef0123456789abcdef\"}");
        QTest::newRow("empty") << QByteArray();
        // Issue 11: valid JSON edited by hand into the wrong shape.
        const QByteArray id = "\"id\": \"0123456789abcdef0123456789abcdef\"";
        QTest::newRow("client id a number") << QByteArray("{" + id + ", \"zoho\": {\"clientId\": 42}}");
        QTest::newRow("dc a list") << QByteArray("{" + id + ", \"zoho\": {\"dc\": [\"eu\"]}}");
        QTest::newRow("scopes a text") << QByteArray("{" + id + ", \"zoho\": {\"scopes\": \"ZohoCRM.modules.READ\"}}");
        QTest::newRow("scopes with a number") << QByteArray("{" + id + ", \"zoho\": {\"scopes\": [\"a\", 1]}}");
        QTest::newRow("unknown environment") << QByteArray("{" + id + ", \"zoho\": {\"environment\": \"staging\"}}");
        QTest::newRow("unknown client type") << QByteArray("{" + id + ", \"zoho\": {\"clientType\": \"web\"}}");
        QTest::newRow("adobe org an object") << QByteArray("{" + id + ", \"adobe\": {\"orgId\": {}}}");
        QTest::newRow("version a text") << QByteArray("{\"version\": \"one\", " + id + "}");
        QTest::newRow("version a fraction") << QByteArray("{\"version\": 0.5, " + id + "}");
    }

    void corruptFileIsReportedWithItsName()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QVERIFY(QDir().mkpath(store.profilesDir()));
        QFile file(store.filePath("work"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();

        QString error;
        QVERIFY(!store.load("work", &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(store.filePath("work"))), qPrintable(error));
        QVERIFY2(error.contains("damaged"), qPrintable(error));
        // A profile whose file cannot be read is not silently overwritten.
        Profile replacement = store.create("work");
        QVERIFY(!store.save(replacement, &error));
        QCOMPARE(fileContents(store.filePath("work")), contents);
    }

    // Issue 11: a damaged profile file is skipped by readableNames() with a message naming it;
    // its name stays taken, and saving another profile leaves it as it is.
    void damagedFileIsListedAsAProblemAndNeverRewritten()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile good = store.create("good");
        QString error;
        QVERIFY2(store.save(good, &error), qPrintable(error));
        const QByteArray nonsense = "{\"id\": \"0123456789abcdef0123456789abcdef\", \"zoho\": {\"clientId\": [1]}}";
        QFile file(store.filePath("broken"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(nonsense);
        file.close();

        QStringList problems;
        QCOMPARE(store.readableNames(&problems), QStringList{"good"});
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.at(0).contains(QDir::toNativeSeparators(store.filePath("broken"))),
                 qPrintable(problems.at(0)));
        QVERIFY2(problems.at(0).contains("zoho.clientId"), qPrintable(problems.at(0)));
        QCOMPARE(store.names(), (QStringList{"broken", "good"})); // the name is taken

        good.setup.insert("dataSet", "ds-1");
        QVERIFY2(store.save(good, &error), qPrintable(error));
        Profile other = store.create("other");
        QVERIFY2(store.save(other, &error), qPrintable(error));
        QCOMPARE(fileContents(store.filePath("broken")), nonsense);
        Profile sameName = store.create("broken");
        QVERIFY(!store.save(sameName, &error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(store.filePath("broken"))), qPrintable(error));
        QCOMPARE(fileContents(store.filePath("broken")), nonsense);
    }

    void missingProfileIsReported()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        QString error;
        QVERIFY(!store.load("nope", &error));
        QVERIFY2(error.contains("no profile named \"nope\""), qPrintable(error));
    }

    void remove()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile profile = store.create("work");
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        QVERIFY2(store.remove("work", &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(store.filePath("work")));
        QVERIFY(store.names().isEmpty());
        QVERIFY(!store.remove("work", &error));
        QVERIFY2(error.contains("no profile named"), qPrintable(error));
        // The name is free again, for a new profile with a new id.
        Profile again = store.create("work");
        QVERIFY2(store.save(again, &error), qPrintable(error));
        QVERIFY(again.id != profile.id);
    }

    void fileIsReadableByItsOwnerOnly()
    {
#ifdef Q_OS_WIN
        QSKIP("Unix permission bits do not apply on Windows");
#endif
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        Profile profile = store.create("work");
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        for (int save = 0; save < 2; ++save) { // a new file, then a replaced one
            const QFileDevice::Permissions permissions = QFileInfo(store.filePath("work")).permissions();
            QVERIFY(permissions & QFileDevice::ReadOwner);
            QVERIFY(permissions & QFileDevice::WriteOwner);
            QCOMPARE(permissions & others, QFileDevice::Permissions());
            QVERIFY2(store.save(profile, &error), qPrintable(error));
        }
        QCOMPARE(QFileInfo(store.profilesDir()).permissions() & others, QFileDevice::Permissions());
    }

    void configDirsAreIsolated()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        ProfileStore a(first.path());
        ProfileStore b(second.path());
        Profile profile = a.create("work");
        QString error;
        QVERIFY2(a.save(profile, &error), qPrintable(error));
        QCOMPARE(a.names(), QStringList{"work"});
        QVERIFY(b.names().isEmpty());
        QVERIFY(!b.load("work", &error));
        Profile other = b.create("work");
        QVERIFY2(b.save(other, &error), qPrintable(error));
        QCOMPARE(a.load("work", &error)->id, profile.id);
        QCOMPARE(b.load("work", &error)->id, other.id);
    }

    void concurrentWriterGetsAClearError()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.path());
        store.setLockTimeoutMs(100);
        Profile profile = store.create("work");
        QString error;
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        const QByteArray before = fileContents(store.filePath("work"));

        // Another program (here: another lock object of this live process) holds the lock.
        QLockFile other(store.filePath("work") + ".lock");
        QVERIFY(other.tryLock(0));
        profile.zoho.insert("dc", "jp");
        QVERIFY(!store.save(profile, &error));
        QVERIFY2(error.contains("being changed by another program"), qPrintable(error));
        QVERIFY(!store.remove("work", &error));
        QVERIFY2(error.contains("being changed by another program"), qPrintable(error));
        QCOMPARE(fileContents(store.filePath("work")), before);

        other.unlock();
        QVERIFY2(store.save(profile, &error), qPrintable(error));
        QCOMPARE(store.load("work", &error)->zoho.value("dc").toString(), QStringLiteral("jp"));
    }

    void jsonRoundTripWithoutFiles()
    {
        ProfileStore store(QString{});
        Profile profile = store.create("work");
        profile.zoho = zohoSection();
        QString error;
        const std::optional<Profile> copy = Profile::fromJson(profile.toJson(), &error);
        QVERIFY2(copy, qPrintable(error));
        QCOMPARE(copy->id, profile.id);
        QCOMPARE(copy->name, profile.name);
        QCOMPARE(copy->zoho, profile.zoho);
        QCOMPARE(copy->created, profile.created);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
