// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/ScheduleRules.h"

#include <QMap>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace zaw {

class WizardContext;

// The dataflow: name, description, error diagnostics, partial ingestion, and the schedule with
// AEP's rules checked as the user types (each problem shown under its field, Next held back).
class DataflowPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit DataflowPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The schedule as the form shows it (start in UTC).
    setup::Schedule schedule() const;

private:
    void frequencyChanged();
    void check();
    QLabel *problemLabel(const QString &name);

    WizardContext *m_context;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QCheckBox *m_diagnostics;
    QCheckBox *m_partial;
    QDoubleSpinBox *m_partialPercent;
    QComboBox *m_frequency;
    QSpinBox *m_interval;
    QDateTimeEdit *m_start;
    QCheckBox *m_backfill;
    QComboBox *m_delta;
    QLabel *m_nameProblem;
    QMap<setup::ScheduleField, QLabel *> m_problems;
    QString m_filledFor; // module the defaults were made for
    bool m_ok = false;
};

} // namespace zaw
