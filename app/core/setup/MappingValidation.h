// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "net/Error.h"
#include "setup/MappingBuilder.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace zaw::adobe {
class PlatformClient;
class DataPrepClient;
} // namespace zaw::adobe

namespace zaw::setup {

// Data Prep's verdict on a mapping.
struct MappingVerdict
{
    // One line per refused mapping: "source → destination: reason" (translated pattern).
    QStringList refused;
    bool accepted() const { return refused.isEmpty(); }
    // The refusal as one Input error for an error panel ("Data Prep refuses part of the
    // mapping …"); no error when accepted.
    net::Error error() const;
};

// Asks Data Prep (POST /mappingSets/validate) whether the mapping rows fit an existing schema,
// before the mapping set is made (the Mapping page, for an existing dataset).
class MappingValidation : public QObject
{
    Q_OBJECT

public:
    // platform must outlive this object.
    explicit MappingValidation(adobe::PlatformClient *platform, QObject *parent = nullptr);
    ~MappingValidation() override;

    // schemaId: the dataset's XDM schema $id. columns: the explore columns (the input schema).
    // error is set when Data Prep could not be asked; a refusal is a verdict, not an error.
    void validate(const QString &schemaId, const QList<MappingRow> &rows, const QList<catalogue::Column> &columns,
                  QObject *context, std::function<void(const MappingVerdict &verdict, const net::Error &error)> done);

private:
    std::unique_ptr<adobe::DataPrepClient> m_prep;
};

} // namespace zaw::setup
