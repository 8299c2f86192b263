// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/SourceCatalogue.h"

#include <QWizardPage>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QTabWidget;

namespace zaw {

class PageStatus;
class WizardContext;
namespace adobe {
class FlowServiceClient;
}
namespace catalogue {
class AepExploreCatalogue;
}
namespace zoho {
class ZohoCrmClient;
}

// The Zoho CRM module to load, as Experience Platform explores it through the base connection:
// a searchable list, then the chosen module's columns and a preview of up to 100 rows.
class SelectDataPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SelectDataPage(WizardContext *context, QWidget *parent = nullptr);
    ~SelectDataPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void loadModules();
    void filterModules(const QString &text);
    void moduleChosen();
    void showColumns(const catalogue::TableDescription &description);
    void showPreview(const catalogue::Preview &preview);
    void partDone();

    WizardContext *m_context;
    QLineEdit *m_search;
    QListWidget *m_modules;
    QTabWidget *m_tabs;
    QTableWidget *m_columnsTable;
    QTableWidget *m_previewTable;
    QLabel *m_previewNote;
    PageStatus *m_status;
    std::unique_ptr<catalogue::SourceCatalogue> m_catalogue;
    catalogue::AepExploreCatalogue *m_explore = nullptr; // m_catalogue in the dataflow mode
    bool m_catalogueForSync = false;                     // m_catalogue reads Zoho CRM directly

    QString m_loadedFor; // base connection whose modules are listed ("sync:" in direct sync)
    QString sourceKey() const;
    QString m_table; // module whose details are shown (or being read)
    QList<catalogue::Column> m_columns;
    QList<zoho::ZohoField> m_fields;
    bool m_columnsOk = false;
    int m_pending = 0; // detail requests in flight
};

} // namespace zaw
