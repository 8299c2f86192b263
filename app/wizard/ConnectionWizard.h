// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizard>

namespace zaw {

class WizardContext;

class ConnectionWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        WelcomePageId = 0,
        ZohoAppPageId,
        ZohoSignInPageId,
        ZohoAccountPageId,
        AdobeCredentialsPageId,
        SourceAccountPageId,
        SelectDataPageId,
        TargetPageId,
        MappingPageId,
        DataflowPageId,
        ReviewPageId,
        CreatePageId,
        DonePageId,
        ReconnectPageId,
        ReconnectDonePageId,
        ManagePageId,
        ForgetPageId,
        // Direct sync (WizardController::isSyncMode()): after Target.
        SyncMappingPageId,
        SyncSchedulePageId,
        SyncReviewPageId,
        SyncCreatePageId,
        SyncDonePageId
    };

    explicit ConnectionWizard(WizardContext *context, QWidget *parent = nullptr);

    // Builds the pages after the welcome page (done by itself once the first page is painted).
    void addPages();
    // Starts at another page than the welcome page (builds the pages first).
    void start(int pageId);
    // Which page follows which, per mode: the one place that decides it (pages only render
    // state and report it).
    int nextId() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int nextAfterWelcome() const;
    WizardContext *m_context;
    bool m_pagesAdded = false;
};

} // namespace zaw
