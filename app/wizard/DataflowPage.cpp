// SPDX-License-Identifier: GPL-3.0-or-later
#include "DataflowPage.h"
#include "PlainLabel.h"

#include "SetupDraft.h"
#include "WizardContext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>

namespace zaw {

namespace {

// A start a little ahead, on a whole minute: far enough to click through Review and Create.
QDateTime defaultStart()
{
    QDateTime t = QDateTime::currentDateTime().addSecs(5 * 60);
    t.setTime(QTime(t.time().hour(), t.time().minute()));
    return t;
}

} // namespace

DataflowPage::DataflowPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_diagnostics(new QCheckBox(tr("Keep row-level &error diagnostics"), this))
    , m_partial(new QCheckBox(tr("Allow &partial ingestion: a run succeeds when at most"), this))
    , m_partialPercent(new QDoubleSpinBox(this))
    , m_frequency(new QComboBox(this))
    , m_interval(new QSpinBox(this))
    , m_start(new QDateTimeEdit(this))
    , m_backfill(new QCheckBox(tr("Bac&kfill: load all existing records on the first run"), this))
    , m_delta(new QComboBox(this))
    , m_nameProblem(problemLabel(QStringLiteral("nameProblem")))
{
    setObjectName(QStringLiteral("dataflowPage"));
    setTitle(tr("Dataflow"));
    setSubTitle(tr("Name the dataflow and say when it runs. Experience Platform's rules are checked as you type."));
    m_name->setObjectName(QStringLiteral("flowNameEdit"));
    m_description->setObjectName(QStringLiteral("flowDescriptionEdit"));
    m_diagnostics->setObjectName(QStringLiteral("errorDiagnosticsCheck"));
    m_partial->setObjectName(QStringLiteral("partialIngestionCheck"));
    m_partialPercent->setObjectName(QStringLiteral("partialIngestionSpin"));
    m_partialPercent->setRange(1, 100);
    m_partialPercent->setDecimals(0);
    m_partialPercent->setValue(5);
    m_partialPercent->setSuffix(tr(" % of the rows fail"));
    m_partialPercent->setEnabled(false);
    m_frequency->setObjectName(QStringLiteral("frequencyCombo"));
    for (const QString &f : setup::ScheduleRules::frequencies())
        m_frequency->addItem(setup::ScheduleRules::frequencyLabel(f), f);
    m_interval->setObjectName(QStringLiteral("intervalSpin"));
    m_interval->setRange(0, 10000);
    m_start->setObjectName(QStringLiteral("startEdit"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_backfill->setObjectName(QStringLiteral("backfillCheck"));
    m_delta->setObjectName(QStringLiteral("deltaColumnCombo"));

    m_problems.insert(setup::ScheduleField::Frequency, problemLabel(QStringLiteral("frequencyProblem")));
    m_problems.insert(setup::ScheduleField::Interval, problemLabel(QStringLiteral("intervalProblem")));
    m_problems.insert(setup::ScheduleField::Start, problemLabel(QStringLiteral("startProblem")));
    m_problems.insert(setup::ScheduleField::Backfill, problemLabel(QStringLiteral("backfillProblem")));
    m_problems.insert(setup::ScheduleField::DeltaColumn, problemLabel(QStringLiteral("deltaColumnProblem")));

    auto *partialRow = new QHBoxLayout;
    partialRow->addWidget(m_partial);
    partialRow->addWidget(m_partialPercent);
    partialRow->addStretch(1);
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    auto *form = new QFormLayout;
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(QString(), m_nameProblem);
    form->addRow(tr("&Description (optional):"), m_description);
    form->addRow(QString(), m_diagnostics);
    form->addRow(QString(), partialRow);
    form->addRow(tr("&Frequency:"), m_frequency);
    form->addRow(QString(), m_problems.value(setup::ScheduleField::Frequency));
    form->addRow(tr("&Interval:"), m_interval);
    form->addRow(QString(), m_problems.value(setup::ScheduleField::Interval));
    form->addRow(zone.isEmpty() ? tr("&Start:") : tr("&Start (%1):").arg(zone), m_start);
    form->addRow(QString(), m_problems.value(setup::ScheduleField::Start));
    form->addRow(QString(), m_backfill);
    form->addRow(QString(), m_problems.value(setup::ScheduleField::Backfill));
    form->addRow(tr("&Changes found by:"), m_delta);
    form->addRow(QString(), m_problems.value(setup::ScheduleField::DeltaColumn));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textChanged, this, &DataflowPage::check);
    connect(m_partial, &QCheckBox::toggled, m_partialPercent, &QWidget::setEnabled);
    connect(m_frequency, &QComboBox::currentIndexChanged, this, &DataflowPage::frequencyChanged);
    connect(m_interval, &QSpinBox::valueChanged, this, &DataflowPage::check);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &DataflowPage::check);
    connect(m_backfill, &QCheckBox::toggled, this, &DataflowPage::check);
    connect(m_delta, &QComboBox::currentIndexChanged, this, &DataflowPage::check);
}

QLabel *DataflowPage::problemLabel(const QString &name)
{
    auto *label = plainLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

void DataflowPage::initializePage()
{
    const setup::SetupRequest &draft = m_context->draft()->request();
    if (m_filledFor == draft.tablePath)
        return;
    m_filledFor = draft.tablePath;
    m_name->setText(draft.flowName.isEmpty() ? tr("Zoho CRM %1 dataflow").arg(draft.tablePath) : draft.flowName);
    m_delta->clear();
    const QStringList columns = setup::ScheduleRules::dateTimeColumns(draft.columns);
    for (const QString &c : columns)
        m_delta->addItem(c, c);
    m_delta->setCurrentIndex(qMax(0, m_delta->findData(setup::ScheduleRules::defaultDeltaColumn(columns))));
    // Hourly with history is what a CRM sync usually wants; without a date-time column only once.
    const bool canRepeat = !columns.isEmpty();
    m_frequency->setCurrentIndex(m_frequency->findData(canRepeat ? QStringLiteral("hour") : QStringLiteral("once")));
    m_interval->setValue(canRepeat ? 1 : 0);
    m_backfill->setChecked(canRepeat);
    if (!m_start->dateTime().isValid() || m_start->dateTime() < QDateTime::currentDateTime())
        m_start->setDateTime(defaultStart());
    frequencyChanged();
}

void DataflowPage::frequencyChanged()
{
    const QString frequency = m_frequency->currentData().toString();
    const bool once = frequency == QLatin1String("once");
    const int minimum = setup::ScheduleRules::minimumInterval(frequency);
    if (once)
        m_interval->setValue(0);
    else if (m_interval->value() < minimum)
        m_interval->setValue(minimum);
    if (once)
        m_backfill->setChecked(false);
    m_interval->setEnabled(!once);
    m_backfill->setEnabled(!once);
    m_delta->setEnabled(!once);
    check();
}

setup::Schedule DataflowPage::schedule() const
{
    setup::Schedule s;
    s.frequency = m_frequency->currentData().toString();
    s.interval = s.frequency == QLatin1String("once") ? 0 : m_interval->value();
    s.start = m_start->dateTime().toUTC();
    s.backfill = s.frequency != QLatin1String("once") && m_backfill->isChecked();
    s.deltaColumn = s.frequency == QLatin1String("once") ? QString() : m_delta->currentData().toString();
    return s;
}

void DataflowPage::check()
{
    for (QLabel *label : std::as_const(m_problems)) {
        label->clear();
        label->hide();
    }
    const QList<setup::ScheduleProblem> problems =
        setup::ScheduleRules::validate(schedule(), QDateTime::currentDateTimeUtc(),
                                       setup::ScheduleRules::dateTimeColumns(m_context->draft()->request().columns));
    for (const setup::ScheduleProblem &p : problems) {
        QLabel *label = m_problems.value(p.field);
        if (!label->text().isEmpty())
            continue;
        label->setText(p.message);
        label->show();
    }
    const bool nameOk = !m_name->text().trimmed().isEmpty();
    m_nameProblem->setText(nameOk ? QString() : tr("Give the dataflow a name."));
    m_nameProblem->setVisible(!nameOk);
    m_ok = problems.isEmpty() && nameOk;
    emit completeChanged();
}

bool DataflowPage::isComplete() const
{
    return m_ok;
}

bool DataflowPage::validatePage()
{
    check(); // the start may have passed while the page was open
    if (!m_ok)
        return false;
    const setup::Schedule chosen = schedule();
    m_context->draft()->update([this, &chosen](setup::SetupRequest &draft) {
        draft.flowName = m_name->text().trimmed();
        draft.flowDescription = m_description->text().trimmed();
        draft.errorDiagnostics = m_diagnostics->isChecked();
        draft.partialIngestionPercent = m_partial->isChecked() ? m_partialPercent->value() : 0;
        draft.schedule = chosen;
    });
    return true;
}

} // namespace zaw
