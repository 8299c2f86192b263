// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace zaw {

class WizardContext;

class WelcomePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit WelcomePage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;

private:
    WizardContext *m_context;
    QLabel *m_intro;
    QLabel *m_demoBanner;
    QLabel *m_endpointsNote;
};

} // namespace zaw
