// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/MappingBuilder.h"

#include <QSet>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace zaw {

class ErrorPanel;
class WizardContext;

// Source column → XDM path, one editable row per column (a lookup column has two). A new
// dataset's paths are checked against the schema the setup will make; an existing dataset's
// mapping is checked by Data Prep's validate, on request and before moving on.
class MappingPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { MapColumn, SourceColumn, TypeColumn, DestinationColumn };

    explicit MappingPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
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
    QLabel *m_status;
    QProgressBar *m_progress;
    ErrorPanel *m_error;
    QString m_proposedFor;
    QSet<QString> m_knownPaths; // a new dataset's schema paths; empty for an existing dataset
    bool m_busy = false;
    bool m_filling = false;
    bool m_checked = false; // Data Prep accepted the rows as they are
};

} // namespace zaw
