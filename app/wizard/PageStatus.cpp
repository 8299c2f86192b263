// SPDX-License-Identifier: GPL-3.0-or-later
#include "PageStatus.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"

#include <QBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QWizardPage>

namespace zaw {

PageStatus::PageStatus(QWizardPage *page, const QString &statusName)
    : QObject(page)
    , m_page(page)
    , m_progress(new QProgressBar(page))
    , m_label(plainLabel(page))
    , m_error(new ErrorPanel(page))
{
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_label->setObjectName(statusName);
    m_label->setWordWrap(true);
}

void PageStatus::addTo(QBoxLayout *layout)
{
    layout->addWidget(m_progress);
    layout->addWidget(m_label);
    layout->addWidget(m_error);
}

void PageStatus::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
    emit m_page->completeChanged();
}

void PageStatus::begin(const QString &text)
{
    m_error->clear();
    m_label->setText(text);
    setBusy(true);
}

void PageStatus::setText(const QString &text)
{
    m_label->setText(text);
}

void PageStatus::finish(const QString &text)
{
    m_label->setText(text);
    setBusy(false);
    emit m_page->completeChanged();
}

void PageStatus::fail(const net::Error &error, bool canRetry)
{
    m_label->clear();
    m_error->showError(error, canRetry);
    setBusy(false);
    emit m_page->completeChanged();
}

void PageStatus::failInput(const QString &message)
{
    fail(net::Error::make(net::ErrorCategory::Input, message), false);
}

void PageStatus::clearError()
{
    m_error->clear();
}

QObject *PageStatus::guard()
{
    if (!m_guard)
        m_guard = new QObject(this);
    return m_guard;
}

void PageStatus::cancel()
{
    delete m_guard;
    setBusy(false);
}

} // namespace zaw
