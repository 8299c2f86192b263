// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho CRM v8 COQL (POST /crm/v8/coql): the subset an incremental sync uses, i.e.
//   SELECT f1, f2 FROM Module WHERE <comparisons joined by AND / OR, with brackets>
//   ORDER BY f [ASC|DESC], ... LIMIT [offset,] n
// with Zoho's limits (50 fields, LIMIT 2000, offset + limit 100,000) and its error shapes.
#include "ZohoState.h"

#include <QDateTime>
#include <QRegularExpression>

#include <vector>

namespace zaw::sandbox::zoho {

namespace {

const int kCoqlMaxFields = 50;
const int kCoqlDefaultLimit = 200;
const int kCoqlMaxLimit = 2000;
const int kCoqlMaxRows = 100000;
const int kCoqlMaxOrderBy = 10;

struct Token
{
    enum Kind { Word, String, Number, Punct, End } kind = End;
    QString text;
    int column = 0;   // 1-based, for SYNTAX_ERROR's details
    qint64 value = 0; // parsed once: epoch ms of a date-time, or the number of an id
};

struct Condition
{
    enum Kind { Compare, And, Or } kind = Compare;
    QString field;
    QString type; // the field's data_type, looked up once
    QString op;   // = != <> < > <= >= "is null" "is not null" "in" "not in" "like" "not like" "between"
    Token literal;
    QList<Token> literals; // in / not in (≤ 50); between (2)
    std::vector<Condition> children;
    bool bracketed = false; // written inside ( )

    int criteriaCount() const
    {
        if (kind == Compare)
            return 1;
        int n = 0;
        for (const Condition &c : children)
            n += c.criteriaCount();
        return n;
    }
};

const int kCoqlMaxCriteria = 25;
const int kCoqlMaxInValues = 50;

struct OrderKey
{
    QString field;
    bool ascending = true;
};

// A parse failure already shaped as Zoho answers it.
struct CoqlError
{
    QString code;
    QString message;
    QJsonObject details;
};

CoqlError syntaxError(const Token &near)
{
    return {QStringLiteral("SYNTAX_ERROR"), QStringLiteral("error occurred while parsing the query"),
            QJsonObject{{QStringLiteral("line"), 1},
                        {QStringLiteral("column"), near.column},
                        {QStringLiteral("near"), near.kind == Token::End ? QStringLiteral("<EOF>") : near.text}}};
}

CoqlError clauseMissing(const QString &clause)
{
    return {QStringLiteral("SYNTAX_ERROR"), QStringLiteral("the %1 clause is missing in the query").arg(clause),
            QJsonObject{{QStringLiteral("clause"), clause}}};
}

CoqlError invalidColumn(const QString &column, const QString &clause)
{
    return {QStringLiteral("INVALID_QUERY"), QStringLiteral("column given seems to be invalid"),
            QJsonObject{{QStringLiteral("column_name"), column}, {QStringLiteral("clause"), clause}}};
}

std::optional<CoqlError> tokenize(const QString &query, QList<Token> *out)
{
    int i = 0;
    const int n = int(query.size());
    while (i < n) {
        const QChar c = query.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.column = i + 1;
        if (c.isLetter() || c == QLatin1Char('_')) {
            int j = i;
            while (j < n && (query.at(j).isLetterOrNumber() || query.at(j) == QLatin1Char('_') ||
                             query.at(j) == QLatin1Char('.') || query.at(j) == QLatin1Char('$')))
                ++j;
            t.kind = Token::Word;
            t.text = query.mid(i, j - i);
            i = j;
        } else if (c.isDigit() || (c == QLatin1Char('-') && i + 1 < n && query.at(i + 1).isDigit())) {
            int j = i + 1;
            while (j < n && (query.at(j).isDigit() || query.at(j) == QLatin1Char('.')))
                ++j;
            t.kind = Token::Number;
            t.text = query.mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('\'')) {
            int j = i + 1;
            QString text;
            bool closed = false;
            while (j < n) {
                if (query.at(j) == QLatin1Char('\\') && j + 1 < n) {
                    text.append(query.at(j + 1));
                    j += 2;
                    continue;
                }
                if (query.at(j) == QLatin1Char('\'')) {
                    closed = true;
                    break;
                }
                text.append(query.at(j++));
            }
            if (!closed) {
                t.text = query.mid(i);
                return syntaxError(t);
            }
            t.kind = Token::String;
            t.text = text;
            i = j + 1;
        } else {
            static const QStringList twoChar = {QStringLiteral(">="), QStringLiteral("<="), QStringLiteral("!="),
                                                QStringLiteral("<>")};
            const QString two = query.mid(i, 2);
            t.kind = Token::Punct;
            if (twoChar.contains(two)) {
                t.text = two;
                i += 2;
            } else if (QStringLiteral("(),=<>").contains(c)) {
                t.text = c;
                ++i;
            } else {
                t.text = c;
                return syntaxError(t);
            }
        }
        out->append(t);
    }
    Token end;
    end.column = n + 1;
    out->append(end);
    return std::nullopt;
}

// Zoho wants the UTC offset spelled out; a bare local time is refused.
std::optional<qint64> parseZohoDateTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?([+-]\\d{2}:\\d{2}|Z)$"));
    if (!pattern.match(text).hasMatch())
        return std::nullopt;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

class Parser
{
public:
    Parser(const QList<Token> &tokens, const Module &module)
        : m_tokens(tokens)
        , m_module(module)
    {}

    const Token &peek() const { return m_tokens.at(m_pos); }
    Token take() { return m_tokens.at(m_pos < m_tokens.size() - 1 ? m_pos++ : m_pos); }
    bool isKeyword(const char *word) const
    {
        return peek().kind == Token::Word && peek().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }
    bool acceptKeyword(const char *word)
    {
        if (!isKeyword(word))
            return false;
        take();
        return true;
    }
    bool acceptPunct(const char *p)
    {
        if (peek().kind != Token::Punct || peek().text != QLatin1String(p))
            return false;
        take();
        return true;
    }

    // The canonical API name of a field of the module, or empty.
    QString column(const QString &name) const
    {
        if (name.compare(QLatin1String("id"), Qt::CaseInsensitive) == 0)
            return QStringLiteral("id");
        for (const QJsonValue &f : m_module.fields) {
            const QString apiName = f.toObject().value(QStringLiteral("api_name")).toString();
            if (apiName.compare(name, Qt::CaseInsensitive) == 0)
                return apiName;
        }
        return {};
    }
    QString dataType(const QString &field) const
    {
        for (const QJsonValue &f : m_module.fields) {
            if (f.toObject().value(QStringLiteral("api_name")).toString() == field)
                return f.toObject().value(QStringLiteral("data_type")).toString();
        }
        return {};
    }

    // Zoho wants more than two criteria "enclosed within brackets properly": every AND / OR joins
    // exactly two operands, and an operand that is itself an AND / OR is bracketed.
    std::optional<CoqlError> condition(Condition *out)
    {
        Condition first;
        if (auto e = conjunction(&first))
            return e;
        if (!isKeyword("or")) {
            *out = std::move(first);
            return std::nullopt;
        }
        if (first.kind == Condition::And && !first.bracketed)
            return syntaxError(peek());
        out->kind = Condition::Or;
        out->children.push_back(std::move(first));
        take(); // OR
        Condition next;
        if (auto e = conjunction(&next))
            return e;
        if (next.kind == Condition::And && !next.bracketed)
            return syntaxError(peek());
        out->children.push_back(std::move(next));
        if (isKeyword("or") || isKeyword("and"))
            return syntaxError(peek());
        return std::nullopt;
    }

    std::optional<CoqlError> conjunction(Condition *out)
    {
        Condition first;
        if (auto e = factor(&first))
            return e;
        if (!isKeyword("and")) {
            *out = std::move(first);
            return std::nullopt;
        }
        out->kind = Condition::And;
        out->children.push_back(std::move(first));
        take(); // AND
        Condition next;
        if (auto e = factor(&next))
            return e;
        out->children.push_back(std::move(next));
        if (isKeyword("and"))
            return syntaxError(peek());
        return std::nullopt;
    }

    std::optional<CoqlError> factor(Condition *out)
    {
        if (acceptPunct("(")) {
            if (auto e = condition(out))
                return e;
            if (!acceptPunct(")"))
                return syntaxError(peek());
            out->bracketed = true;
            return std::nullopt;
        }
        if (peek().kind != Token::Word)
            return syntaxError(peek());
        const Token name = take();
        out->kind = Condition::Compare;
        out->field = column(name.text);
        if (out->field.isEmpty())
            return invalidColumn(name.text, QStringLiteral("where"));
        out->type = dataType(out->field);
        if (acceptKeyword("is")) {
            const bool negated = acceptKeyword("not");
            if (!acceptKeyword("null"))
                return syntaxError(peek());
            out->op = negated ? QStringLiteral("is not null") : QStringLiteral("is null");
            return std::nullopt;
        }
        const bool negated = acceptKeyword("not");
        if (acceptKeyword("in")) {
            out->op = negated ? QStringLiteral("not in") : QStringLiteral("in");
            if (!acceptPunct("("))
                return syntaxError(peek());
            for (;;) {
                if (peek().kind != Token::String && peek().kind != Token::Number)
                    return syntaxError(peek());
                Token value = take();
                if (auto e = checkLiteral(*out, &value))
                    return e;
                out->literals.append(value);
                if (!acceptPunct(","))
                    break;
            }
            if (!acceptPunct(")"))
                return syntaxError(peek());
            if (out->literals.size() > kCoqlMaxInValues) {
                return CoqlError{QStringLiteral("LIMIT_EXCEEDED"), QStringLiteral("in clause value limit exceeded"),
                                 QJsonObject{{QStringLiteral("clause"), QStringLiteral("where")},
                                             {QStringLiteral("operator"), out->op},
                                             {QStringLiteral("limit"), kCoqlMaxInValues}}};
            }
            return std::nullopt;
        }
        if (acceptKeyword("like")) {
            out->op = negated ? QStringLiteral("not like") : QStringLiteral("like");
            if (peek().kind != Token::String)
                return syntaxError(peek());
            out->literal = take();
            return std::nullopt;
        }
        if (negated)
            return syntaxError(peek());
        if (acceptKeyword("between")) {
            out->op = QStringLiteral("between");
            for (int i = 0; i < 2; ++i) {
                if (i == 1 && !acceptKeyword("and"))
                    return syntaxError(peek());
                if (peek().kind != Token::String && peek().kind != Token::Number)
                    return syntaxError(peek());
                Token value = take();
                if (auto e = checkLiteral(*out, &value))
                    return e;
                out->literals.append(value);
            }
            return std::nullopt;
        }
        static const QStringList operators = {QStringLiteral("="), QStringLiteral("!="), QStringLiteral("<>"),
                                              QStringLiteral("<"), QStringLiteral(">"),  QStringLiteral("<="),
                                              QStringLiteral(">=")};
        if (peek().kind != Token::Punct || !operators.contains(peek().text))
            return syntaxError(peek());
        out->op = take().text;
        if (peek().kind != Token::String && peek().kind != Token::Number)
            return syntaxError(peek());
        out->literal = take();
        return checkLiteral(*out, &out->literal);
    }

    // Checks a literal against the column's type and caches its parsed value.
    std::optional<CoqlError> checkLiteral(const Condition &c, Token *literal) const
    {
        bool valid = true;
        if (c.field == QLatin1String("id")) {
            valid = QRegularExpression(QStringLiteral("^\\d{1,19}$")).match(literal->text).hasMatch();
            literal->value = literal->text.toLongLong();
        } else if (c.type == QLatin1String("datetime")) {
            const auto ms = parseZohoDateTime(literal->text);
            valid = ms.has_value();
            literal->value = ms.value_or(0);
        }
        if (!valid) {
            return CoqlError{
                QStringLiteral("INVALID_QUERY"), QStringLiteral("value given seems to be invalid for the column"),
                QJsonObject{{QStringLiteral("column_name"), c.field}, {QStringLiteral("value"), literal->text}}};
        }
        return std::nullopt;
    }

private:
    const QList<Token> &m_tokens;
    const Module &m_module;
    int m_pos = 0;
};

// Compares a record's value of `field` with a literal: <0, 0, >0; nullopt when the record has no
// comparable value (null fields match no comparison, as in SQL).
std::optional<int> compareValue(const zohoseed::Record &record, const QString &field, const QString &type,
                                const Token &literal)
{
    auto sign = [](auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); };
    if (field == QLatin1String("id"))
        return sign(record.id.toLongLong(), literal.value);
    if (type == QLatin1String("datetime")) {
        const qint64 right = literal.value;
        if (field == QLatin1String("Modified_Time"))
            return sign(record.modifiedMs, right);
        if (field == QLatin1String("Created_Time"))
            return sign(record.createdMs, right);
        const QDateTime left = QDateTime::fromString(record.values.value(field).toString(), Qt::ISODate);
        if (!left.isValid())
            return std::nullopt;
        return sign(left.toMSecsSinceEpoch(), right);
    }
    const QJsonValue value = record.values.value(field);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const QString &text = literal.text;
    if (value.isDouble())
        return sign(value.toDouble(), text.toDouble());
    if (value.isBool())
        return sign(int(value.toBool()), int(text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0));
    if (value.isObject()) // lookups and users compare by id
        return sign(value.toObject().value(QStringLiteral("id")).toString().toLongLong(), text.toLongLong());
    return sign(value.toString().compare(text, Qt::CaseInsensitive), 0);
}

bool isNullValue(const zohoseed::Record &record, const QString &field)
{
    if (field == QLatin1String("id"))
        return false;
    const QJsonValue value = record.values.value(field);
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()) ||
           (value.isArray() && value.toArray().isEmpty());
}

// COQL's like: % is any run of characters, case-insensitive.
bool likeMatches(const QString &value, const QString &pattern)
{
    const QStringList parts = pattern.split(QLatin1Char('%'));
    if (parts.size() == 1)
        return value.compare(pattern, Qt::CaseInsensitive) == 0;
    qsizetype at = 0;
    for (int i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part.isEmpty())
            continue;
        if (i == 0) {
            if (!value.startsWith(part, Qt::CaseInsensitive))
                return false;
            at = part.size();
            continue;
        }
        if (i == parts.size() - 1)
            return value.size() - part.size() >= at && value.endsWith(part, Qt::CaseInsensitive);
        const qsizetype found = value.indexOf(part, at, Qt::CaseInsensitive);
        if (found < 0)
            return false;
        at = found + part.size();
    }
    return true;
}

bool matches(const Condition &c, const zohoseed::Record &record, const Parser &parser)
{
    switch (c.kind) {
    case Condition::And:
        return std::all_of(c.children.begin(), c.children.end(),
                           [&](const Condition &child) { return matches(child, record, parser); });
    case Condition::Or:
        return std::any_of(c.children.begin(), c.children.end(),
                           [&](const Condition &child) { return matches(child, record, parser); });
    case Condition::Compare:
        break;
    }
    if (c.op == QLatin1String("is null"))
        return isNullValue(record, c.field);
    if (c.op == QLatin1String("is not null"))
        return !isNullValue(record, c.field);
    if (c.op == QLatin1String("in") || c.op == QLatin1String("not in")) {
        const bool found = std::any_of(c.literals.begin(), c.literals.end(), [&](const Token &t) {
            const auto o = compareValue(record, c.field, c.type, t);
            return o && *o == 0;
        });
        return c.op == QLatin1String("in") ? found : !found;
    }
    if (c.op == QLatin1String("like") || c.op == QLatin1String("not like")) {
        const QJsonValue value = record.values.value(c.field);
        const QString text =
            value.isObject() ? value.toObject().value(QStringLiteral("name")).toString() : value.toVariant().toString();
        const bool like = !isNullValue(record, c.field) && likeMatches(text, c.literal.text);
        return c.op == QLatin1String("like") ? like : !like;
    }
    if (c.op == QLatin1String("between")) {
        const auto low = compareValue(record, c.field, c.type, c.literals.at(0));
        const auto high = compareValue(record, c.field, c.type, c.literals.at(1));
        return low && high && *low >= 0 && *high <= 0;
    }
    const auto order = compareValue(record, c.field, c.type, c.literal);
    if (!order)
        return false;
    if (c.op == QLatin1String("="))
        return *order == 0;
    if (c.op == QLatin1String("!=") || c.op == QLatin1String("<>"))
        return *order != 0;
    if (c.op == QLatin1String("<"))
        return *order < 0;
    if (c.op == QLatin1String(">"))
        return *order > 0;
    if (c.op == QLatin1String("<="))
        return *order <= 0;
    return *order >= 0;
}

// Orders two records by one field; ids and times as numbers, the rest as text.
int compareRecords(const zohoseed::Record &a, const zohoseed::Record &b, const QString &field)
{
    auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    if (field == QLatin1String("id"))
        return sign(a.id.toLongLong(), b.id.toLongLong());
    if (field == QLatin1String("Modified_Time"))
        return sign(a.modifiedMs, b.modifiedMs);
    if (field == QLatin1String("Created_Time"))
        return sign(a.createdMs, b.createdMs);
    const QJsonValue va = a.values.value(field);
    const QJsonValue vb = b.values.value(field);
    if (va.isDouble() && vb.isDouble())
        return sign(va.toDouble(), vb.toDouble());
    return sign(va.toVariant().toString().compare(vb.toVariant().toString(), Qt::CaseInsensitive), 0);
}

Response coqlError(const CoqlError &e)
{
    return crmError(400, e.code, e.message, e.details);
}

} // namespace

Response ZohoState::crmCoql(const Request &r, const OrgData &org, const AccessToken &token) const
{
    bool ok = false;
    const QJsonValue body = r.json(&ok);
    const QJsonValue queryValue = body.toObject().value(QStringLiteral("select_query"));
    if (!ok || !body.isObject() || !queryValue.isString() || queryValue.toString().trimmed().isEmpty()) {
        return crmError(400, QStringLiteral("REQUIRED_PARAM_MISSING"),
                        QStringLiteral("One of the expected parameter is missing"),
                        QJsonObject{{QStringLiteral("param_name"), QStringLiteral("select_query")}});
    }
    QList<Token> tokens;
    if (auto e = tokenize(queryValue.toString(), &tokens))
        return coqlError(*e);

    // The module must be known before any column can be checked, so find FROM first.
    qsizetype fromAt = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens.at(i).kind == Token::Word &&
            tokens.at(i).text.compare(QLatin1String("from"), Qt::CaseInsensitive) == 0) {
            fromAt = i;
            break;
        }
    }
    if (tokens.first().kind != Token::Word ||
        tokens.first().text.compare(QLatin1String("select"), Qt::CaseInsensitive) != 0)
        return coqlError(syntaxError(tokens.first()));
    if (fromAt < 0)
        return coqlError(clauseMissing(QStringLiteral("from")));
    if (tokens.at(fromAt + 1).kind != Token::Word)
        return coqlError(syntaxError(tokens.at(fromAt + 1)));
    const QString moduleName = tokens.at(fromAt + 1).text;
    const Module *module = org.module(moduleName);
    if (!module) {
        return crmError(
            400, QStringLiteral("INVALID_QUERY"), QStringLiteral("invalid module given"),
            QJsonObject{{QStringLiteral("clause"), QStringLiteral("from")}, {QStringLiteral("module"), moduleName}});
    }
    if (!module->apiSupported())
        return apiNotSupported(*module);
    if (!hasAnyScope(token.scopes, moduleReadScopes(module))) {
        return crmError(401, QStringLiteral("OAUTH_SCOPE_MISMATCH"),
                        QStringLiteral("invalid oauth scope to access this URL"));
    }

    Parser p(tokens, *module);
    p.take(); // SELECT
    QStringList requested;
    for (;;) {
        if (p.peek().kind != Token::Word || p.isKeyword("from"))
            return coqlError(syntaxError(p.peek()));
        requested.append(p.take().text);
        if (!p.acceptPunct(","))
            break;
    }
    if (!p.acceptKeyword("from"))
        return coqlError(syntaxError(p.peek()));
    p.take(); // the module
    if (requested.size() > kCoqlMaxFields) {
        return crmError(400, QStringLiteral("LIMIT_EXCEEDED"), QStringLiteral("select column limit exceeded"),
                        QJsonObject{{QStringLiteral("clause"), QStringLiteral("select")},
                                    {QStringLiteral("limit"), kCoqlMaxFields}});
    }
    QStringList fields;
    for (const QString &name : std::as_const(requested)) {
        const QString apiName = p.column(name);
        if (apiName.isEmpty())
            return coqlError(invalidColumn(name, QStringLiteral("select")));
        if (fields.contains(apiName)) {
            return crmError(400, QStringLiteral("DUPLICATE_DATA"), QStringLiteral("duplicate column given"),
                            QJsonObject{{QStringLiteral("column_name"), apiName}});
        }
        fields.append(apiName);
    }

    // Zoho refuses a query without criteria rather than returning the whole module.
    if (!p.acceptKeyword("where"))
        return coqlError(p.peek().kind == Token::End || p.isKeyword("order") || p.isKeyword("limit")
                             ? clauseMissing(QStringLiteral("where"))
                             : syntaxError(p.peek()));
    Condition where;
    if (auto e = p.condition(&where))
        return coqlError(*e);
    if (where.criteriaCount() > kCoqlMaxCriteria) {
        return crmError(400, QStringLiteral("LIMIT_EXCEEDED"), QStringLiteral("criteria limit exceeded"),
                        QJsonObject{{QStringLiteral("clause"), QStringLiteral("where")},
                                    {QStringLiteral("limit"), kCoqlMaxCriteria}});
    }

    QList<OrderKey> order;
    if (p.acceptKeyword("order")) {
        if (!p.acceptKeyword("by"))
            return coqlError(syntaxError(p.peek()));
        for (;;) {
            if (p.peek().kind != Token::Word)
                return coqlError(syntaxError(p.peek()));
            const Token name = p.take();
            OrderKey key;
            key.field = p.column(name.text);
            if (key.field.isEmpty())
                return coqlError(invalidColumn(name.text, QStringLiteral("order by")));
            if (p.acceptKeyword("desc"))
                key.ascending = false;
            else
                p.acceptKeyword("asc");
            order.append(key);
            if (!p.acceptPunct(","))
                break;
        }
        if (order.size() > kCoqlMaxOrderBy) {
            return crmError(400, QStringLiteral("LIMIT_EXCEEDED"), QStringLiteral("order by column limit exceeded"),
                            QJsonObject{{QStringLiteral("clause"), QStringLiteral("order by")},
                                        {QStringLiteral("limit"), kCoqlMaxOrderBy}});
        }
    }
    // Zoho's default order.
    order.append(OrderKey{QStringLiteral("id"), true});

    qint64 limit = kCoqlDefaultLimit;
    qint64 offset = 0;
    if (p.acceptKeyword("limit")) {
        auto number = [&p](qint64 *out) {
            if (p.peek().kind != Token::Number || p.peek().text.contains(QLatin1Char('.')) ||
                p.peek().text.startsWith(QLatin1Char('-')))
                return false;
            *out = p.take().text.toLongLong();
            return true;
        };
        if (!number(&limit))
            return coqlError(syntaxError(p.peek()));
        if (p.acceptPunct(",")) {
            offset = limit;
            if (!number(&limit))
                return coqlError(syntaxError(p.peek()));
        } else if (p.acceptKeyword("offset")) {
            if (!number(&offset))
                return coqlError(syntaxError(p.peek()));
        }
    }
    if (p.peek().kind != Token::End)
        return coqlError(syntaxError(p.peek()));
    if (limit < 1 || limit > kCoqlMaxLimit) {
        return crmError(
            400, QStringLiteral("LIMIT_EXCEEDED"), QStringLiteral("limit exceeded"),
            QJsonObject{{QStringLiteral("clause"), QStringLiteral("limit")}, {QStringLiteral("limit"), kCoqlMaxLimit}});
    }
    if (offset + limit > kCoqlMaxRows) {
        return crmError(
            400, QStringLiteral("LIMIT_EXCEEDED"),
            QStringLiteral("offset and limit together exceed the number of records a query can reach"),
            QJsonObject{{QStringLiteral("clause"), QStringLiteral("offset")}, {QStringLiteral("limit"), kCoqlMaxRows}});
    }

    QList<const zohoseed::Record *> selected;
    for (const zohoseed::Record &record : module->records) {
        if (matches(where, record, p))
            selected.append(&record);
    }
    // Only the rows up to this page are put in order: a keyset page over 100,000 Leads is a
    // linear filter plus a partial sort, not a full sort. The order always ends with id, so it is
    // total and partial_sort gives the same rows as a full sort would.
    const qsizetype needed = qMin<qsizetype>(selected.size(), offset + limit);
    std::partial_sort(selected.begin(), selected.begin() + needed, selected.end(),
                      [&order](const zohoseed::Record *a, const zohoseed::Record *b) {
                          for (const OrderKey &key : order) {
                              const int c = compareRecords(*a, *b, key.field);
                              if (c != 0)
                                  return key.ascending ? c < 0 : c > 0;
                          }
                          return false;
                      });
    if (offset >= selected.size())
        return Response::empty(204);
    QJsonArray data;
    const qsizetype end = qMin<qsizetype>(selected.size(), offset + limit);
    for (qsizetype i = offset; i < end; ++i) {
        const QJsonObject &values = selected.at(i)->values;
        QJsonObject row{{QStringLiteral("id"), values.value(QStringLiteral("id"))}};
        for (const QString &name : std::as_const(fields))
            row.insert(name, values.value(name));
        data.append(row);
    }
    const QJsonObject info{{QStringLiteral("count"), data.size()},
                           {QStringLiteral("more_records"), end < selected.size()}};
    return Response::json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("info"), info}});
}

} // namespace zaw::sandbox::zoho
