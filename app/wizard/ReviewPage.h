// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/PlannedRequest.h"

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace zaw {

class WizardContext;

// What Create will make: one line per object (or the existing one it uses), the request body of
// the selected line with every secret shown as a placeholder, and "Export as script…".
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;

    // Writes the script (owner-only, executable). Returns false with a translated *error.
    bool exportScript(const QString &path, QString *error) const;

private:
    void showBody();
    void chooseExportFile();

    WizardContext *m_context;
    QLabel *m_summary;
    QTreeWidget *m_objects;
    QPlainTextEdit *m_body;
    QLabel *m_note;
    QPushButton *m_export;
    QLabel *m_exported;
    QList<setup::PlannedRequest> m_requests;
};

} // namespace zaw
