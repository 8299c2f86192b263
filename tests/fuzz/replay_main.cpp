// SPDX-License-Identifier: GPL-3.0-or-later
// The fuzz targets without libFuzzer: feeds every file of the corpus folders compiled in
// (ZAW_FUZZ_CORPUS, '|'-separated) or given on the command line to LLVMFuzzerTestOneInput,
// and each file's prefixes at a few cut points as well. A crash or a failed ZAW_FUZZ_CHECK
// fails the test; so does an empty corpus (nothing replayed is no proof).
#include "FuzzCommon.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>

#ifndef ZAW_FUZZ_CORPUS
#define ZAW_FUZZ_CORPUS ""
#endif

int main(int argc, char **argv)
{
    QStringList dirs;
    for (int i = 1; i < argc; ++i)
        dirs << QString::fromLocal8Bit(argv[i]);
    if (dirs.isEmpty())
        dirs = QString::fromUtf8(ZAW_FUZZ_CORPUS).split(QLatin1Char('|'), Qt::SkipEmptyParts);

    QElapsedTimer timer;
    timer.start();
    int files = 0;
    int runs = 0;
    for (const QString &dir : dirs) {
        QStringList paths;
        if (!QFileInfo::exists(dir))
            continue; // tests/fuzz/crashes/<target>/ only once there is a reproducer
        if (QFileInfo(dir).isFile()) {
            paths << dir;
        } else {
            QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                paths << it.next();
        }
        paths.sort();
        for (const QString &path : paths) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            std::fprintf(stderr, "replay %s (%lld bytes)\n", qPrintable(path), static_cast<long long>(bytes.size()));
            const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
            LLVMFuzzerTestOneInput(data, size_t(bytes.size()));
            ++runs;
            // Truncated copies: answers cut short are what a dropped connection delivers.
            for (int cut = 1; cut < 8 && bytes.size() > 8; ++cut) {
                LLVMFuzzerTestOneInput(data, size_t(bytes.size() * cut / 8));
                ++runs;
            }
            ++files;
        }
    }
    std::printf("%d corpus files, %d runs in %lld ms\n", files, runs, static_cast<long long>(timer.elapsed()));
    if (files == 0) {
        std::fprintf(stderr, "no corpus files found in: %s\n", qPrintable(dirs.join(QLatin1String(", "))));
        return 1;
    }
    return 0;
}
