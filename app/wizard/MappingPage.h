// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/MappingBuilder.h"

#include <QSet>
#include <QWizardPage>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace zaw {

class PageStatus;
class WizardContext;
namespace adobe {
class PlatformClient;
}
namespace setup {
class MappingValidation;
}

// Source column → XDM path, one editable row per column (a lookup column has two). A new
// dataset's paths are checked against the schema the setup will make; an existing dataset's
// mapping is checked by Data Prep's validate, on request and before moving on.
class MappingPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { MapColumn, SourceColumn, TypeColumn, DestinationColumn };

    explicit MappingPage(WizardContext *context, QWidget *parent = nullptr);
    ~MappingPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void propose();
    void showRows(const QList<setup::MappingRow> &rows);
    QList<setup::MappingRow> rows() const;
    void rowsEdited();
    void checkWithDataPrep(bool thenNext);
    QString proposalKey() const;

    WizardContext *m_context;
    QTableWidget *m_table;
    QPushButton *m_reset;
    QPushButton *m_check;
    QLabel *m_problems;
    PageStatus *m_status;
    std::unique_ptr<setup::MappingValidation> m_validation;
    QString m_proposedFor;
    QSet<QString> m_knownPaths; // a new dataset's schema paths; empty for an existing dataset
    bool m_filling = false;
    bool m_checked = false; // Data Prep accepted the rows as they are
};

} // namespace zaw
