// SPDX-License-Identifier: GPL-3.0-or-later
// The profile loader: store::Profile::fromJson, and ProfileStore::load of a profile file holding
// the input (a file edited by hand into anything). Invariants: a damaged file is refused with a
// message naming the file, and is left as it was; an accepted profile writes out (toJson) into
// JSON that is accepted again; the secret scan and name check never crash.
#include "FuzzCommon.h"

#include "store/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace zaw;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    static QTemporaryDir dir;
    ZAW_FUZZ_CHECK(dir.isValid());
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (const std::optional<store::Profile> p = store::Profile::fromJson(doc.object(), &error)) {
        QString again;
        ZAW_FUZZ_CHECK(store::Profile::fromJson(p->toJson(), &again).has_value());
        store::ProfileStore::secretPaths(*p);
    } else {
        ZAW_FUZZ_CHECK(!error.isEmpty());
    }

    store::ProfileStore store(dir.path());
    QDir().mkpath(store.profilesDir());
    const QString name = QStringLiteral("fuzz");
    const QString path = store.filePath(name);
    {
        QFile f(path);
        ZAW_FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    QString loadError;
    const std::optional<store::Profile> loaded = store.load(name, &loadError);
    if (loaded) {
        ZAW_FUZZ_CHECK(loaded->name == name);
        QString again;
        ZAW_FUZZ_CHECK(store::Profile::fromJson(loaded->toJson(), &again).has_value());
    } else {
        ZAW_FUZZ_CHECK(loadError.contains(QDir::toNativeSeparators(path)));
    }
    QFile f(path);
    ZAW_FUZZ_CHECK(f.open(QIODevice::ReadOnly));
    ZAW_FUZZ_CHECK(f.readAll() == bytes); // loading never rewrites the file
    store::ProfileStore::isValidName(QString::fromUtf8(bytes.left(80)));
    return 0;
}
