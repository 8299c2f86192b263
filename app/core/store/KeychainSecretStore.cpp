// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/KeychainSecretStore.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

Q_LOGGING_CATEGORY(lcKeychain, "zaw.store.keychain")

namespace zaw::store {

namespace {

// The first entry of a split value starts with this header: "zaw-parts:<count>\n<first part>".
const QString kPartsMarker = QStringLiteral("zaw-parts:");
// Room for the header inside the first entry, so that no entry exceeds EntryLimitBytes.
constexpr int kHeaderReserveBytes = 32;
// Beyond ~120 KB something is wrong with the caller; refuse rather than spray entries.
constexpr int kMaxParts = 64;

int utf8Bytes(char32_t codePoint)
{
    if (codePoint < 0x80)
        return 1;
    if (codePoint < 0x800)
        return 2;
    if (codePoint < 0x10000)
        return 3;
    return 4;
}

// Returns the number of parts the stored value has and its first part, or -1 when the header
// is damaged. An entry without the header is a whole value on its own.
int parseHead(const QString &text, QString *firstPart)
{
    if (!text.startsWith(kPartsMarker)) {
        *firstPart = text;
        return 1;
    }
    const qsizetype newline = text.indexOf(QLatin1Char('\n'), kPartsMarker.size());
    if (newline < 0)
        return -1;
    bool ok = false;
    const int count = text.mid(kPartsMarker.size(), newline - kPartsMarker.size()).toInt(&ok);
    if (!ok || count < 1 || count > kMaxParts)
        return -1;
    *firstPart = text.mid(newline + 1);
    return count;
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

SecretResult damagedEntry(const QString &key, const QString &why)
{
    SecretResult result = SecretResult::failure(SecretStatus::Other, QStringLiteral("%1: %2").arg(key, why));
    result.message = KeychainSecretStore::tr("A secret saved in the keychain is incomplete or damaged. "
                                             "Sign in again to replace it.");
    return result;
}

} // namespace

struct KeychainSecretStore::JobOutcome
{
    QString operation;
    QString entry;
    int error = QKeychain::NoError;
    QString errorString;
    QString text;
    bool timedOut = false;
    int timeoutMs = 0;
};

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QString::fromLatin1(ServiceName), parent)
{}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

QString KeychainSecretStore::entryName(const QString &key, int part) const
{
    QString name = key;
#ifdef Q_OS_WIN
    // QtKeychain 0.13 uses the key alone as the Windows credential's target name.
    name.prepend(m_service + QLatin1Char('/'));
#endif
    if (part > 1)
        name += QLatin1Char('#') + QString::number(part);
    return name;
}

SecretStatus KeychainSecretStore::statusForError(int keychainError, const QString &errorText)
{
    switch (keychainError) {
    case QKeychain::NoError:
        return SecretStatus::Ok;
    case QKeychain::EntryNotFound:
        return SecretStatus::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStatus::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError: {
        // On Linux 0.13 reports both "no Secret Service" and "keyring locked" as OtherError
        // (reference B0.5), so that is what OtherError means unless the text names a cause
        // that retrying with an unlocked keychain would not fix (Windows size limit, crypto).
        static const char *const otherCauses[] = {"exceeds maximum size", "encrypt", "decrypt"};
        for (const char *cause : otherCauses) {
            if (errorText.contains(QLatin1String(cause), Qt::CaseInsensitive))
                return SecretStatus::Other;
        }
        return SecretStatus::NoKeychain;
    }
    default:
        return SecretStatus::Other;
    }
}

QStringList KeychainSecretStore::splitUtf8(const QString &value, int maxBytes)
{
    QStringList parts;
    qsizetype start = 0;
    int bytes = 0;
    for (qsizetype i = 0; i < value.size();) {
        // A surrogate pair is one character (4 UTF-8 bytes) and must stay in one part.
        const bool pair = value.at(i).isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate();
        const int units = pair ? 2 : 1;
        const int size = pair ? 4 : utf8Bytes(value.at(i).unicode());
        if (bytes + size > maxBytes && i > start) {
            parts << value.mid(start, i - start);
            start = i;
            bytes = 0;
        }
        bytes += size;
        i += units;
    }
    if (start < value.size() || parts.isEmpty())
        parts << value.mid(start);
    return parts;
}

SecretResult KeychainSecretStore::resultFor(const JobOutcome &outcome)
{
    if (outcome.timedOut) {
        return SecretResult::failure(SecretStatus::NoKeychain,
                                     QStringLiteral("%1 %2: the keychain did not answer within %3 ms")
                                         .arg(outcome.operation, outcome.entry)
                                         .arg(outcome.timeoutMs));
    }
    if (outcome.error == QKeychain::NoError)
        return SecretResult::success(outcome.text);
    return SecretResult::failure(statusForError(outcome.error, outcome.errorString),
                                 QStringLiteral("%1 %2: QtKeychain error %3: %4")
                                     .arg(outcome.operation, outcome.entry)
                                     .arg(outcome.error)
                                     .arg(outcome.errorString));
}

void KeychainSecretStore::runJob(QKeychain::Job *job, const QString &operation, JobDone next)
{
    // No parent: QtKeychain's backends keep raw pointers to a running job, so only the job itself
    // may delete it (autoDelete), even when this store is gone or we stopped waiting.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    auto settled = std::make_shared<bool>(false);
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    const QString entry = job->key();
    const int timeoutMs = m_timeoutMs;

    connect(deadline, &QTimer::timeout, this, [=] {
        deadline->deleteLater();
        if (*settled)
            return;
        *settled = true;
        JobOutcome outcome;
        outcome.operation = operation;
        outcome.entry = entry;
        outcome.timedOut = true;
        outcome.timeoutMs = timeoutMs;
        next(outcome);
    });
    connect(job, &QKeychain::Job::finished, this, [=](QKeychain::Job *finished) {
        if (*settled) {
            qCDebug(lcKeychain) << "ignoring a late keychain answer:" << operation << entry;
            return;
        }
        *settled = true;
        deadline->stop();
        deadline->deleteLater();
        JobOutcome outcome;
        outcome.operation = operation;
        outcome.entry = entry;
        outcome.error = finished->error();
        outcome.errorString = finished->errorString();
        if (const auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
            reader && outcome.error == QKeychain::NoError)
            outcome.text = reader->textData();
        next(outcome);
    });

    deadline->start(timeoutMs);
    job->start();
}

void KeychainSecretStore::readEntry(const QString &entry, JobDone next)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entry);
    runJob(job, QStringLiteral("read"), std::move(next));
}

void KeychainSecretStore::writeEntry(const QString &entry, const QString &text, JobDone next)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(entry);
    job->setTextData(text);
    runJob(job, QStringLiteral("write"), std::move(next));
}

void KeychainSecretStore::deleteEntry(const QString &entry, JobDone next)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(entry);
    runJob(job, QStringLiteral("delete"), std::move(next));
}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    if (!rejectInvalidKey(key, guarded(context, done)))
        enqueue(context, std::move(done), [this, key](Callback finish) { readValue(key, std::move(finish)); });
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, Callback done)
{
    if (!rejectInvalidKey(key, guarded(context, done)))
        enqueue(context, std::move(done),
                [this, key, value](Callback finish) { writeValue(key, value, std::move(finish)); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    if (!rejectInvalidKey(key, guarded(context, done)))
        enqueue(context, std::move(done), [this, key](Callback finish) { removeValue(key, std::move(finish)); });
}

void KeychainSecretStore::probe(QObject *context, Callback done)
{
    enqueue(context, std::move(done), [this](Callback finish) { probeKeychain(std::move(finish)); });
}

void KeychainSecretStore::enqueue(QObject *context, Callback done, Operation operation)
{
    m_queue.enqueue([this, reply = guarded(context, std::move(done)), operation = std::move(operation)] {
        operation([this, reply](const SecretResult &result) {
            deliver(reply, result);
            m_running = false;
            startNext();
        });
    });
    startNext();
}

void KeychainSecretStore::startNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    m_running = true;
    m_queue.dequeue()();
}

void KeychainSecretStore::readValue(const QString &key, Callback finish)
{
    readEntry(entryName(key), [this, key, finish](const JobOutcome &o) {
        SecretResult result = resultFor(o);
        if (!result.ok()) {
            if (result.status != SecretStatus::NotFound)
                qCWarning(lcKeychain).noquote() << result.detail;
            finish(result);
            return;
        }
        QString first;
        const int count = parseHead(result.value, &first);
        if (count < 0)
            finish(damagedEntry(key, QStringLiteral("unreadable parts header")));
        else if (count == 1)
            finish(SecretResult::success(first));
        else
            readParts(key, 2, count, {first}, finish);
    });
}

void KeychainSecretStore::readParts(const QString &key, int part, int count, QStringList parts, Callback next)
{
    if (part > count) {
        next(SecretResult::success(parts.join(QString())));
        return;
    }
    readEntry(entryName(key, part), [=](const JobOutcome &o) mutable {
        SecretResult result = resultFor(o);
        if (result.status == SecretStatus::NotFound) {
            next(damagedEntry(key, QStringLiteral("part %1 of %2 is missing").arg(part).arg(count)));
            return;
        }
        if (!result.ok()) {
            qCWarning(lcKeychain).noquote() << result.detail;
            next(result);
            return;
        }
        parts << result.value;
        readParts(key, part + 1, count, std::move(parts), std::move(next));
    });
}

void KeychainSecretStore::readPartCount(const QString &key, PartsDone next)
{
    readEntry(entryName(key), [=](const JobOutcome &o) {
        SecretResult result = resultFor(o);
        if (result.status == SecretStatus::NotFound) {
            next(SecretResult::success(), 0);
            return;
        }
        if (!result.ok()) {
            qCWarning(lcKeychain).noquote() << result.detail;
            next(result, 0);
            return;
        }
        QString first;
        const int count = parseHead(result.value, &first);
        // A damaged header still names an entry of ours: count it so that it is replaced or removed.
        next(SecretResult::success(), count < 0 ? 1 : count);
    });
}

void KeychainSecretStore::writeValue(const QString &key, const QString &value, Callback finish)
{
    QStringList entries;
    if (value.toUtf8().size() <= EntryLimitBytes && !value.startsWith(kPartsMarker)) {
        entries << value;
    } else {
        entries = splitUtf8(value, EntryLimitBytes - kHeaderReserveBytes);
        if (entries.size() > kMaxParts) {
            finish(SecretResult::failure(SecretStatus::Other,
                                         QStringLiteral("%1: value too long (%2 parts)").arg(key).arg(entries.size())));
            return;
        }
        entries[0].prepend(kPartsMarker + QString::number(entries.size()) + QLatin1Char('\n'));
    }

    // The old part count tells which parts of a longer previous value must go afterwards.
    readPartCount(key, [=](const SecretResult &before, int oldCount) {
        if (!before.ok()) {
            finish(before);
            return;
        }
        const int newCount = int(entries.size());
        writeParts(key, entries, newCount, [=](const SecretResult &written) {
            if (!written.ok() || oldCount <= newCount) {
                finish(written);
                return;
            }
            deleteParts(key, newCount + 1, oldCount, [=](const SecretResult &cleaned) {
                // The new value is in place; leftover parts of the old one are only untidy.
                if (!cleaned.ok())
                    qCWarning(lcKeychain).noquote() << "could not delete old parts:" << cleaned.detail;
                finish(SecretResult::success());
            });
        });
    });
}

void KeychainSecretStore::writeParts(const QString &key, QStringList entries, int part, Callback next)
{
    // Highest part first, the head last: a reader never finds a head whose parts are not there.
    if (part < 1) {
        next(SecretResult::success());
        return;
    }
    const QString text = entries.at(part - 1);
    writeEntry(entryName(key, part), text, [=](const JobOutcome &o) mutable {
        SecretResult result = resultFor(o);
        if (!result.ok()) {
            qCWarning(lcKeychain).noquote() << result.detail;
            next(result);
            return;
        }
        writeParts(key, std::move(entries), part - 1, std::move(next));
    });
}

void KeychainSecretStore::removeValue(const QString &key, Callback finish)
{
    readPartCount(key, [=](const SecretResult &before, int count) {
        if (!before.ok()) {
            finish(before);
            return;
        }
        // Even with nothing found, delete the head: on a broken keychain that reports the real
        // error instead of a reassuring "removed".
        deleteParts(key, 1, std::max(count, 1), finish);
    });
}

void KeychainSecretStore::deleteParts(const QString &key, int part, int last, Callback next)
{
    // The head goes first: if a later part cannot be deleted, readers see "not found", not a
    // head pointing at missing parts.
    if (part > last) {
        next(SecretResult::success());
        return;
    }
    deleteEntry(entryName(key, part), [=](const JobOutcome &o) mutable {
        SecretResult result = resultFor(o);
        if (!result.ok() && result.status != SecretStatus::NotFound) {
            qCWarning(lcKeychain).noquote() << result.detail;
            next(result);
            return;
        }
        deleteParts(key, part + 1, last, std::move(next));
    });
}

void KeychainSecretStore::probeKeychain(Callback finish)
{
    // A random name and value: concurrent probes (wizard and command line) cannot disturb each
    // other, and reading back proves the keychain returns what it stored.
    const QString key = QStringLiteral("probe/") + randomHex(16);
    const QString entry = entryName(key);
    const QString value = randomHex(16);
    writeEntry(entry, value, [=](const JobOutcome &written) {
        const SecretResult writeResult = resultFor(written);
        if (!writeResult.ok()) {
            qCWarning(lcKeychain).noquote() << writeResult.detail;
            finish(writeResult);
            return;
        }
        readEntry(entry, [=](const JobOutcome &readBack) {
            SecretResult readResult = resultFor(readBack);
            if (readResult.ok() && readResult.value != value)
                readResult = SecretResult::failure(SecretStatus::Other,
                                                   QStringLiteral("%1: read back a different value").arg(key));
            readResult.value.clear();
            // Delete whatever the read said, so a probe never leaves an entry behind.
            deleteEntry(entry, [=](const JobOutcome &deleted) {
                const SecretResult deleteResult = resultFor(deleted);
                SecretResult result = readResult;
                if (result.ok() && !deleteResult.ok())
                    result = deleteResult;
                if (!result.ok())
                    qCWarning(lcKeychain).noquote() << result.detail;
                finish(result);
            });
        });
    });
}

} // namespace zaw::store
