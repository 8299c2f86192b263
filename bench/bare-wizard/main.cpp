// SPDX-License-Identifier: GPL-3.0-or-later
// Reference for bench/startup.sh: the cheapest possible wizard with the same Qt, the same
// style and minimum size as zoho-aep-wizard, ending after its first paint exactly like
// `zoho-aep-wizard --smoke` does (exit 0), or with exit 1 if it never paints within 30 s.
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>
#include <QWizardPage>

#include <cstdio>

namespace {

// Same as the product's FirstPaintWatcher: quit from the event loop after the first paint.
class FirstPaintWatcher : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);

    QWizard wizard;
    wizard.setWizardStyle(QWizard::ModernStyle);
    wizard.setMinimumSize(720, 520);
    wizard.setWindowTitle(QStringLiteral("Bare wizard"));

    auto *page = new QWizardPage;
    page->setTitle(QStringLiteral("Welcome"));
    page->setSubTitle(QStringLiteral("A bare QWizard page used as the start-up reference."));
    auto *label = new QLabel(QStringLiteral("This page has a title, a subtitle and a few lines of text.\n"
                                            "It loads nothing but Qt Widgets.\n"
                                            "It quits after its first paint."));
    label->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(label);
    wizard.addPage(page);

    FirstPaintWatcher watcher;
    wizard.installEventFilter(&watcher);
    QTimer::singleShot(30000, &app, [] {
        std::fprintf(stderr, "bare-wizard: the first page did not paint within 30 s\n");
        QCoreApplication::exit(1);
    });

    wizard.show();
    return QApplication::exec();
}
