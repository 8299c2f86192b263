// SPDX-License-Identifier: GPL-3.0-or-later
// Labels that show text from a server or a person (error messages from Zoho and Adobe, user,
// organisation and dataset names, file paths): plain text, never sniffed as rich text, so a
// name such as "<img src=…>" shows literally instead of being rendered or fetched. A label that
// shows rich text built by the wizard sets Qt::RichText itself and escapes every remote part
// with QString::toHtmlEscaped().
#pragma once

#include <QLabel>
#include <QMessageBox>
#include <QTextDocument>

namespace zaw {

inline QLabel *plainLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A tooltip made of remote text: escaped, so it shows literally (tooltips sniff rich text too).
inline QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

// QMessageBox::question with the text shown as plain text (it may hold remote names).
inline QMessageBox::StandardButton plainQuestion(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace zaw
