// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace zaw {

bool installTranslations(const QLocale &locale)
{
    // Qt's own strings first (Back, Next, Cancel), then ours.
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(qApp);
    const bool translated =
        own->load(locale, QStringLiteral("zoho-aep-wizard"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (translated || own->load(QStringLiteral("zoho-aep-wizard_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    return translated;
}

} // namespace zaw
