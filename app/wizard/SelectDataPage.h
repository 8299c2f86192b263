// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/FlowServiceClient.h"
#include "setup/MappingBuilder.h"
#include "zoho/ZohoCrmClient.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QTableWidget;
class QTabWidget;

namespace zaw {

class ErrorPanel;
class WizardContext;

// The Zoho CRM module to load, as Experience Platform explores it through the base connection:
// a searchable list, then the chosen module's columns and a preview of up to 100 rows.
class SelectDataPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SelectDataPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void loadModules();
    void filterModules(const QString &text);
    void moduleChosen();
    void showPreview(const adobe::ExplorePreview &preview);
    void partDone();

    WizardContext *m_context;
    QLineEdit *m_search;
    QListWidget *m_modules;
    QTabWidget *m_tabs;
    QTableWidget *m_columnsTable;
    QTableWidget *m_previewTable;
    QLabel *m_previewNote;
    QLabel *m_status;
    QProgressBar *m_progress;
    ErrorPanel *m_error;

    QString m_loadedFor; // base connection whose modules are listed
    QString m_table;     // module whose details are shown (or being read)
    QList<catalogue::Column> m_columns;
    QList<zoho::ZohoField> m_fields;
    bool m_columnsOk = false;
    int m_pending = 0; // detail requests in flight
    QObject *m_detailGuard = nullptr;
};

} // namespace zaw
