// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;

namespace zaw {

class ErrorPanel;
class WizardContext;

// Where the records go: a new dataset with a schema generated from the module's fields, or an
// existing dataset of the sandbox (its schema decides what can be mapped).
class TargetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TargetPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
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
    QLabel *m_status;
    QProgressBar *m_progress;
    ErrorPanel *m_error;
    QString m_nameFor; // module the suggested name was made for
    bool m_loaded = false;
    int m_pending = 0;
};

} // namespace zaw
