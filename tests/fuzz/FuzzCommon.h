// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp): each defines LLVMFuzzerTestOneInput and is
// built twice, as a libFuzzer binary (-DZAW_FUZZ=ON, clang) and as a plain replay of its corpus
// (replay_main.cpp, every build, ctest "fuzz_*_replay").

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// An invariant of the code under test: a failure is a finding, like a crash.
#define ZAW_FUZZ_CHECK(cond)                                                                                           \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::fprintf(stderr, "ZAW_FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);                    \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (0)

namespace zaw::fuzz {

// A QCoreApplication for code that wants one (temporary folders, timers); made once.
inline void ensureApp()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "zaw-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    (void)app;
}

// Reads the input front to back: a few control bytes, then the rest as payload.
class Input
{
public:
    Input(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {}

    bool empty() const { return m_pos >= m_size; }
    size_t remaining() const { return m_size - m_pos; }
    uint8_t byte() { return m_pos < m_size ? m_data[m_pos++] : 0; }
    quint16 u16() { return quint16(byte() | (quint16(byte()) << 8)); }
    quint32 u32() { return quint32(u16()) | (quint32(u16()) << 16); }
    qint64 i64() { return qint64(quint64(u32()) | (quint64(u32()) << 32)); }
    // Up to the next '\n' (not included), or the rest.
    QByteArray line()
    {
        const size_t start = m_pos;
        while (m_pos < m_size && m_data[m_pos] != '\n')
            ++m_pos;
        const QByteArray out(reinterpret_cast<const char *>(m_data + start), qsizetype(m_pos - start));
        if (m_pos < m_size)
            ++m_pos;
        return out;
    }
    QByteArray take(size_t n)
    {
        n = qMin(n, remaining());
        const QByteArray out(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return out;
    }
    QByteArray rest() { return take(remaining()); }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
};

} // namespace zaw::fuzz
