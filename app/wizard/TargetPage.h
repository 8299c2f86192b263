// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

#include <memory>

class QComboBox;
class QLineEdit;
class QRadioButton;

namespace zaw {

class PageStatus;
class WizardContext;
namespace adobe {
class PlatformClient;
}
namespace setup {
class TargetQuery;
}

// Where the records go: a new dataset with a schema generated from the module's fields, or an
// existing dataset of the sandbox (its schema decides what can be mapped).
class TargetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TargetPage(WizardContext *context, QWidget *parent = nullptr);
    ~TargetPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void load();
    void choiceChanged();

    WizardContext *m_context;
    QRadioButton *m_new;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QRadioButton *m_existing;
    QComboBox *m_dataSets;
    PageStatus *m_status;
    std::unique_ptr<setup::TargetQuery> m_query;
    QString m_nameFor;            // module the suggested name was made for
    bool m_loadedForSync = false; // the list was filtered for direct sync
    bool m_loaded = false;
    int m_pending = 0;
};

} // namespace zaw
