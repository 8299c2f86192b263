// SPDX-License-Identifier: GPL-3.0-or-later
#include "ErrorPanel.h"
#include "PlainLabel.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace zaw {

ErrorPanel::ErrorPanel(QWidget *parent)
    : QFrame(parent)
    , m_text(plainLabel(this))
    , m_copy(new QPushButton(tr("Copy details"), this))
    , m_retry(new QPushButton(tr("Try again"), this))
{
    setObjectName(QStringLiteral("errorPanel"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("errorText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy->setObjectName(QStringLiteral("copyDetailsButton"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    auto *icon = plainLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_retry);
    auto *text = new QVBoxLayout;
    text->addWidget(m_text);
    text->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_error.message + QStringLiteral("\n\n") + m_error.technicalDetails());
    });
    connect(m_retry, &QPushButton::clicked, this, &ErrorPanel::retryRequested);
    hide();
}

void ErrorPanel::showError(const net::Error &error, bool canRetry)
{
    m_error = error;
    m_text->setText(error.message);
    m_retry->setVisible(canRetry);
    show();
}

void ErrorPanel::clear()
{
    m_error = {};
    m_text->clear();
    hide();
}

QString ErrorPanel::message() const
{
    return m_error.message;
}

} // namespace zaw
