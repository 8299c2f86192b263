// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ScriptExporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace zaw::setup {

namespace {

const QString kAdobeSecret = u"ADOBE_CLIENT_SECRET"_s;
const QString kTenantVariable = u"TENANT_ID"_s;

// The script's own variables; a request's variable of one of these names would overwrite it.
const QStringList &ownVariables()
{
    static const QStringList names{u"PLATFORM_URL"_s,    u"IMS_TOKEN_URL"_s, u"ADOBE_SANDBOX_NAME"_s,
                                   u"ADOBE_CLIENT_ID"_s, u"ADOBE_ORG_ID"_s,  u"IMS_SCOPES"_s,
                                   kAdobeSecret};
    return names;
}

// Names the shell, curl or jq give a meaning to (exported ones would change what curl does).
bool isShellName(const QString &name)
{
    static const QStringList names =
        u"PATH HOME IFS PWD OLDPWD SHELL USER LOGNAME LANG LANGUAGE TERM TMPDIR TZ CDPATH ENV HOSTNAME HOSTTYPE "
        u"OSTYPE MACHTYPE UID EUID PPID GROUPS RANDOM SRANDOM SECONDS LINENO OPTIND OPTARG OPTERR PS1 PS2 PS3 "
        u"PS4 PIPESTATUS FUNCNAME HISTFILE HISTSIZE HISTCONTROL MAIL MAILPATH COLUMNS LINES SHLVL DIRSTACK "
        u"FIGNORE GLOBIGNORE TIMEFORMAT INPUTRC REPLY PROMPT_COMMAND POSIXLY_CORRECT EPOCHSECONDS "
        u"EPOCHREALTIME JQ_COLORS JQ_LIBRARY_PATH"_s.split(u' ');
    static const QStringList prefixes{u"BASH"_s, u"LC_"_s, u"ZAW_"_s, u"CURL_"_s, u"SSL_"_s, u"XDG_"_s};
    if (names.contains(name) || name.endsWith(u"_PROXY"_s))
        return true;
    return std::any_of(prefixes.begin(), prefixes.end(), [&name](const QString &p) { return name.startsWith(p); });
}

bool isUsableVariable(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Z][A-Z0-9_]*$"_s);
    return valid.match(name).hasMatch() && !ownVariables().contains(name) &&
           !PlannedRequest::secretVariables().contains(name) && !isShellName(name);
}

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(u"\\{\\{([A-Z][A-Z0-9_]*)\\}\\}"_s);
    return re;
}

void addPlaceholders(const QString &text, QStringList *names)
{
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names->contains(name))
            names->append(name);
    }
}

void addPlaceholders(const QJsonValue &value, QStringList *names)
{
    if (value.isString()) {
        addPlaceholders(value.toString(), names);
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            addPlaceholders(v, names);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            addPlaceholders(it.key(), names);
            addPlaceholders(it.value(), names);
        }
    }
}

// The placeholders of everything a request sends, in order of appearance.
QStringList placeholdersOf(const PlannedRequest &r)
{
    QStringList names;
    addPlaceholders(r.servicePath, &names);
    for (const auto &q : r.query)
        addPlaceholders(q.second, &names);
    for (const auto &h : r.headers)
        addPlaceholders(QString::fromUtf8(h.second), &names);
    addPlaceholders(r.body, &names);
    return names;
}

bool isSent(const PlannedRequest &r, ScriptExporter::Existing existing)
{
    return !r.method.isEmpty() && (existing == ScriptExporter::Existing::Recreate || r.existingId.isEmpty());
}

// Text for a comment or a message: one line.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return text;
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString bodyText(const QJsonValue &body)
{
    if (body.isObject())
        return QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Indented));
    if (body.isArray())
        return QString::fromUtf8(QJsonDocument(body.toArray()).toJson(QJsonDocument::Indented));
    return u"null\n"_s;
}

// A here-document delimiter that no line of text equals.
QString delimiterFor(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    QString delimiter = u"ZAW_BODY"_s;
    for (int n = 2; lines.contains(delimiter); ++n)
        delimiter = u"ZAW_BODY_%1"_s.arg(n);
    return delimiter;
}

QString secretDescription(const QString &name)
{
    if (name == kAdobeSecret)
        return u"client secret of the Adobe OAuth Server-to-Server credential"_s;
    if (name == u"ZOHO_CLIENT_SECRET"_s)
        return u"client secret of the Zoho API client (put into the base connection)"_s;
    if (name == u"ZOHO_ACCESS_TOKEN"_s)
        return u"a current Zoho access token (put into the base connection)"_s;
    if (name == u"ZOHO_REFRESH_TOKEN"_s)
        return u"the Zoho refresh token (put into the base connection)"_s;
    return u"a secret the requests need"_s;
}

QString jsonStringList(const QStringList &names)
{
    return compactJson(QJsonArray::fromStringList(names));
}

// Reads a body template on standard input and writes curl's config for the request: URL (with
// query), method, extra headers and the body, placeholders filled. Secrets come from $ENV, the
// other variables from --arg NAME VALUE; zaw_* arguments describe the request.
// No `|=` and no `?` in it: jq 1.6 turns the value of an update whose right side uses try (as
// `tonumber?`) into null.
QString jqRequestProgram()
{
    QString program = uR"jq(def zaw_secret($n): any(@SECRETS@[]; . == $n);
def zaw_number($n): any(@NUMBERS@[]; . == $n);
def zaw_known($n): zaw_secret($n) or ($ARGS.named | has($n));
def zaw_value($n): if zaw_secret($n) then $ENV[$n] else $ARGS.named[$n] end;
def zaw_text(encode):
  gsub("\\{\\{(?<n>[A-Z][A-Z0-9_]*)\\}\\}";
       .n as $n | if zaw_known($n) then (zaw_value($n) | encode) else "{{" + $n + "}}" end);
def zaw_fill:
  if type == "string" then
    (if test("^\\{\\{[A-Z][A-Z0-9_]*\\}\\}$") then .[2:-2] else "" end) as $n
    | if $n != "" and zaw_number($n) and zaw_known($n) then
        (zaw_value($n) | . as $v | try tonumber catch error("{{\($n)}} is not a number: \($v)"))
      else zaw_text(.) end
  elif type == "array" then map(zaw_fill)
  elif type == "object" then reduce to_entries[] as $e ({}; . + {($e.key | zaw_text(.)): ($e.value | zaw_fill)})
  else . end;
def zaw_line: gsub("[\\r\\n]+"; " ");
. as $template
| ($zaw_query | map((.[0] | @uri) + "=" + (.[1] | zaw_text(.) | @uri)) | join("&")) as $query
| "url = " + ($zaw_base + ($zaw_path | zaw_text(@uri)) + (if $query == "" then "" else "?" + $query end) | tojson),
  "request = " + ($zaw_method | tojson),
  ($zaw_headers[] | "header = " + ((.[0] | zaw_line) + ": " + (.[1] | zaw_text(.) | zaw_line) | tojson)),
  (if $template == null then empty else "data-binary = " + ($template | zaw_fill | tojson | tojson) end)
)jq"_s;
    program.replace(u"@SECRETS@"_s, jsonStringList(PlannedRequest::secretVariables()));
    program.replace(u"@NUMBERS@"_s, jsonStringList(PlannedRequest::numberVariables()));
    return program;
}

// The fixed functions of the script. Everything that carries a secret or the access token goes
// through a pipe into `curl --config -`; curl's and jq's arguments carry none.
const QString kFunctions = uR"sh(zaw_fail() {
    printf '%s\n' "$*" >&2
    exit 1
}

zaw_step() {
    printf '[%s] %s\n' "$1" "$2" >&2
}

# An access token for the OAuth Server-to-Server credential; curl's config line with the
# Authorization header goes into ZAW_AUTH_CONFIG.
zaw_token() {
    local answer status body
    zaw_step 'token' "Adobe IMS access token: POST $IMS_TOKEN_URL"
    if ! answer=$(jq -nr '"data-urlencode = " + ("client_secret=" + $ENV.ADOBE_CLIENT_SECRET | tojson)' |
        curl --silent --show-error --globoff --connect-timeout 30 --max-time 120 --config - \
            --data-urlencode 'grant_type=client_credentials' \
            --data-urlencode "client_id=$ADOBE_CLIENT_ID" \
            --data-urlencode "scope=$IMS_SCOPES" \
            --write-out '\n%{http_code}' --url "$IMS_TOKEN_URL"); then
        zaw_fail "Adobe IMS could not be reached at $IMS_TOKEN_URL (curl's message is above)."
    fi
    status=${answer##*$'\n'}
    body=${answer%$'\n'*}
    if [[ $status != 2[0-9][0-9] ]]; then
        zaw_fail "Adobe IMS refused the token request (HTTP $status): $body"
    fi
    ZAW_AUTH_CONFIG=$(printf '%s' "$body" | jq -r 'select(type == "object" and (.access_token | type) == "string"
        and .access_token != "") | "header = " + ("Authorization: Bearer " + .access_token | tojson)' 2>/dev/null) ||
        ZAW_AUTH_CONFIG=''
    if [[ -z $ZAW_AUTH_CONFIG ]]; then
        zaw_fail "Adobe IMS answered HTTP $status without an access token."
    fi
}

# zaw_prepare TITLE METHOD PATH QUERY HEADERS [--arg NAME VALUE]... < body template
# Fills the template's placeholders and writes curl's config for the request into ZAW_CONFIG.
zaw_prepare() {
    local title=$1 method=$2 path=$3 query=$4 headers=$5
    shift 5
    if ! ZAW_CONFIG=$(jq -r --arg zaw_base "$PLATFORM_URL" --arg zaw_method "$method" --arg zaw_path "$path" \
        --argjson zaw_query "$query" --argjson zaw_headers "$headers" "$@" "$ZAW_JQ_REQUEST"); then
        zaw_fail "$title: the request could not be prepared (jq's message is above)."
    fi
}

# zaw_send TITLE: sends the request prepared in ZAW_CONFIG with the four gateway headers;
# Adobe's answer goes into ZAW_ANSWER. Anything but 2xx stops the script.
zaw_send() {
    local title=$1 answer status
    if ! answer=$(printf '%s\n' "$ZAW_AUTH_CONFIG" "$ZAW_CONFIG" |
        curl --silent --show-error --globoff --connect-timeout 30 --max-time 300 --config - \
            -H "x-api-key: $ADOBE_CLIENT_ID" -H "x-gw-ims-org-id: $ADOBE_ORG_ID" \
            -H "x-sandbox-name: $ADOBE_SANDBOX_NAME" -H 'Content-Type: application/json' \
            --write-out '\n%{http_code}'); then
        zaw_fail "$title: Adobe Experience Platform could not be reached at $PLATFORM_URL (curl's message is above)."
    fi
    status=${answer##*$'\n'}
    ZAW_ANSWER=${answer%$'\n'*}
    if [[ $status != 2[0-9][0-9] ]]; then
        zaw_fail "$title failed: Adobe Experience Platform answered HTTP $status: $ZAW_ANSWER"
    fi
}

# zaw_read_field TITLE VARIABLE FIELD: VARIABLE becomes the answer's FIELD.
zaw_read_field() {
    local value
    value=$(printf '%s' "$ZAW_ANSWER" | jq -r --arg f "$3" 'if type == "object" then .[$f] else null end
        | if type == "string" then . elif type == "number" then tostring else empty end' 2>/dev/null) || value=''
    if [[ -z $value ]]; then
        zaw_fail "$1: Adobe Experience Platform's answer has no \"$3\": $ZAW_ANSWER"
    fi
    printf -v "$2" '%s' "$value"
}

# zaw_read_catalog_id TITLE VARIABLE: VARIABLE becomes the ID in Catalog's ["@/dataSets/ID"].
zaw_read_catalog_id() {
    local value
    value=$(printf '%s' "$ZAW_ANSWER" | jq -r 'if type == "array" then .[0] else null end | strings
        | capture("^@/datasets/(?<id>[^/]+)$"; "i").id' 2>/dev/null) || value=''
    if [[ -z $value ]]; then
        zaw_fail "$1: Adobe Experience Platform's answer has no dataset reference: $ZAW_ANSWER"
    fi
    printf -v "$2" '%s' "$value"
}
)sh"_s;

struct Writer
{
    QString text;
    void line(const QString &l = {}) { text += l + u'\n'; }
};

} // namespace

QString ScriptExporter::shellQuote(const QString &value)
{
    QString quoted = value;
    quoted.remove(QChar(0));
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QStringList ScriptExporter::requiredSecrets(const QList<PlannedRequest> &requests, Existing existing)
{
    QStringList used;
    for (const PlannedRequest &r : requests) {
        if (isSent(r, existing))
            used += placeholdersOf(r);
    }
    QStringList secrets{kAdobeSecret};
    for (const QString &name : PlannedRequest::secretVariables()) {
        if (used.contains(name))
            secrets.append(name);
    }
    return secrets;
}

QString ScriptExporter::script(const QList<PlannedRequest> &requests, const ScriptTarget &target, Existing existing,
                               QString *error)
{
    // Every variable the requests define, and those that the requests the script sends produce.
    QStringList declared;
    QSet<QString> produced;
    for (const PlannedRequest &r : requests) {
        QStringList names;
        if (!r.idVariable.isEmpty())
            names.append(r.idVariable);
        for (const auto &v : r.moreVariables)
            names.append(v.first);
        for (const auto &v : r.knownValues)
            names.append(v.first);
        for (const QString &name : std::as_const(names)) {
            if (!isUsableVariable(name)) {
                if (error)
                    *error = tr("The script cannot be made: “%1” cannot be the name of one of its shell variables. "
                                "This is a fault of the application; please report it.")
                                 .arg(name);
                return {};
            }
            if (!declared.contains(name))
                declared.append(name);
        }
        if (isSent(r, existing)) {
            if (!r.idVariable.isEmpty())
                produced.insert(r.idVariable);
            for (const auto &v : r.moreVariables)
                produced.insert(v.first);
        }
    }
    const QStringList secrets = requiredSecrets(requests, existing);
    bool tenantNeeded = false;
    if (!declared.contains(kTenantVariable)) {
        for (const PlannedRequest &r : requests)
            tenantNeeded = tenantNeeded || (isSent(r, existing) && placeholdersOf(r).contains(kTenantVariable));
    }
    const int total = int(requests.size());
    auto stepLabel = [total](int index) { return shellQuote(u"%1/%2"_s.arg(index + 1).arg(total)); };

    Writer w;
    // ---- what it does, what it reads
    w.line(u"#!/usr/bin/env bash"_s);
    w.line(u"# Made by the Zoho CRM → Adobe Experience Platform wizard: the requests of a setup, sent with"_s);
    w.line(u"# curl and jq (1.6 or newer) to Adobe Experience Platform:"_s);
    w.line(u"#   sandbox %1"_s.arg(oneLine(target.sandboxName)));
    w.line(u"#   IMS organisation %1"_s.arg(oneLine(target.orgId)));
    w.line(u"#   OAuth Server-to-Server credential (client ID) %1"_s.arg(oneLine(target.clientId)));
    w.line(u"#"_s);
    w.line(existing == Existing::Reuse
               ? u"# What it does, in this order (objects that exist already are used, not made again):"_s
               : u"# What it does, in this order (every object is made again):"_s);
    for (int i = 0; i < total; ++i) {
        const PlannedRequest &r = requests.at(i);
        QString what;
        if (isSent(r, existing))
            what = QString::fromLatin1(r.method) + u' ' + r.servicePath;
        else if (!r.existingId.isEmpty())
            what = u"exists, used as it is: "_s + r.existingId;
        else
            what = u"nothing to send"_s;
        w.line(u"#   %1. %2: %3"_s.arg(i + 1).arg(oneLine(r.title), oneLine(what)));
    }
    w.line(u"#"_s);
    w.line(u"# Environment variables:"_s);
    for (const QString &name : secrets)
        w.line(u"#   %1 required: %2"_s.arg(name.leftJustified(20), secretDescription(name)));
    w.line(u"#   %1 optional, default %2"_s.arg(u"PLATFORM_URL"_s.leftJustified(20), oneLine(target.platformUrl)));
    w.line(u"#   %1 optional, default %2"_s.arg(u"IMS_TOKEN_URL"_s.leftJustified(20), oneLine(target.imsTokenUrl)));
    w.line(
        u"#   %1 optional, default %2"_s.arg(u"ADOBE_SANDBOX_NAME"_s.leftJustified(20), oneLine(target.sandboxName)));
    if (tenantNeeded) {
        w.line(u"#   %1 optional: the organisation's Schema Registry tenant ID (read from AEP when not set)"_s.arg(
            kTenantVariable.leftJustified(20)));
    }
    w.line(u"#"_s);
    w.line(u"# This file holds no secret. The secrets and the access token reach curl through its standard"_s);
    w.line(u"# input (curl --config -), never through a command line, which other users could read."_s);
    w.line(u"# Output: NAME=value lines with the IDs on standard output; progress and errors on standard"_s);
    w.line(u"# error. Exit status: 0 done; 1 a request failed; 2 curl, jq or an environment variable missing."_s);
    w.line(u"set -euo pipefail"_s);
    w.line();

    // ---- tools and secrets, before anything is sent
    w.line(u"for zaw_tool in curl jq; do"_s);
    w.line(u"    if ! command -v \"$zaw_tool\" >/dev/null 2>&1; then"_s);
    w.line(
        u"        printf 'This script needs %s: install it (Debian, Ubuntu: sudo apt-get install %s) and run it again.\\n' \\"_s);
    w.line(u"            \"$zaw_tool\" \"$zaw_tool\" >&2"_s);
    w.line(u"        exit 2"_s);
    w.line(u"    fi"_s);
    w.line(u"done"_s);
    w.line(u"if ! jq -n '$ARGS, $ENV' >/dev/null 2>&1; then"_s);
    w.line(u"    printf 'This script needs jq 1.6 or newer (found: %s).\\n' \"$(jq --version 2>&1)\" >&2"_s);
    w.line(u"    exit 2"_s);
    w.line(u"fi"_s);
    QStringList quotedSecrets;
    for (const QString &name : secrets)
        quotedSecrets.append(shellQuote(name));
    w.line(u"zaw_missing=()"_s);
    w.line(u"for zaw_name in %1; do"_s.arg(quotedSecrets.join(u' ')));
    w.line(u"    if [[ -z ${!zaw_name:-} ]]; then"_s);
    w.line(u"        zaw_missing+=(\"$zaw_name\")"_s);
    w.line(u"    fi"_s);
    w.line(u"done"_s);
    w.line(u"if ((${#zaw_missing[@]})); then"_s);
    w.line(
        u"    printf 'Set these environment variables first (export NAME=...; see the top of this script): %s\\n' \\"_s);
    w.line(u"        \"${zaw_missing[*]}\" >&2"_s);
    w.line(u"    exit 2"_s);
    w.line(u"fi"_s);
    w.line(u"# jq reads the secrets from its environment."_s);
    w.line(u"export %1"_s.arg(quotedSecrets.join(u' ')));
    w.line();

    // ---- where to
    w.line(u"ZAW_DEFAULT_PLATFORM_URL=%1"_s.arg(shellQuote(target.platformUrl)));
    w.line(u"ZAW_DEFAULT_IMS_TOKEN_URL=%1"_s.arg(shellQuote(target.imsTokenUrl)));
    w.line(u"ZAW_DEFAULT_SANDBOX_NAME=%1"_s.arg(shellQuote(target.sandboxName)));
    w.line(u": \"${PLATFORM_URL:=$ZAW_DEFAULT_PLATFORM_URL}\""_s);
    w.line(u": \"${IMS_TOKEN_URL:=$ZAW_DEFAULT_IMS_TOKEN_URL}\""_s);
    w.line(u": \"${ADOBE_SANDBOX_NAME:=$ZAW_DEFAULT_SANDBOX_NAME}\""_s);
    w.line(u"PLATFORM_URL=${PLATFORM_URL%/}"_s);
    w.line(u"ADOBE_CLIENT_ID=%1"_s.arg(shellQuote(target.clientId)));
    w.line(u"ADOBE_ORG_ID=%1"_s.arg(shellQuote(target.orgId)));
    w.line(u"IMS_SCOPES=%1"_s.arg(shellQuote(target.imsScopes.join(u','))));
    w.line();
    w.line(u"# jq: fills the placeholders {{NAME}} of the body template on standard input and writes curl's"_s);
    w.line(u"# config for the request (secrets from the environment, IDs from --arg NAME VALUE)."_s);
    w.line(u"ZAW_JQ_REQUEST=%1"_s.arg(shellQuote(jqRequestProgram())));
    w.line();
    w.text += kFunctions;
    w.line();
    // The environment may point the script elsewhere: say where it goes before it sends anything.
    w.line(u"zaw_step 'target' \"sandbox $ADOBE_SANDBOX_NAME at $PLATFORM_URL\""_s);
    w.line(u"zaw_token"_s);

    // ---- the requests
    QStringList printed; // ID variables that have a value at the end
    int made = 0;
    int kept = 0;
    for (int i = 0; i < total; ++i) {
        const PlannedRequest &r = requests.at(i);
        const QString title = shellQuote(oneLine(r.title));
        w.line();
        w.line(u"# ---- %1. %2"_s.arg(i + 1).arg(oneLine(r.title)));
        if (!isSent(r, existing)) {
            QStringList assigned;
            if (!r.existingId.isEmpty()) {
                w.line(
                    u"zaw_step %1 %2"_s.arg(stepLabel(i), shellQuote(oneLine(r.title) + u": exists, used as it is"_s)));
                if (!r.idVariable.isEmpty()) {
                    w.line(u"%1=%2"_s.arg(r.idVariable, shellQuote(r.existingId)));
                    assigned.append(r.idVariable);
                    if (!printed.contains(r.idVariable))
                        printed.append(r.idVariable);
                }
                ++kept;
            } else {
                w.line(u"# Nothing to send."_s);
            }
            for (const auto &v : r.knownValues) {
                if (!assigned.contains(v.first)) {
                    w.line(u"%1=%2"_s.arg(v.first, shellQuote(v.second)));
                    assigned.append(v.first);
                }
            }
            continue;
        }

        const QStringList placeholders = placeholdersOf(r);
        if (tenantNeeded && placeholders.contains(kTenantVariable)) {
            tenantNeeded = false; // read once, before the first request that needs it
            w.line(u"if [[ -z ${TENANT_ID:-} ]]; then"_s);
            w.line(u"    zaw_step 'tenant' 'Schema Registry tenant ID: GET /data/foundation/schemaregistry/stats'"_s);
            w.line(u"    zaw_prepare 'Tenant ID' 'GET' '/data/foundation/schemaregistry/stats' '[]' "
                   u"'[[\"Accept\",\"application/json\"]]' <<<'null'"_s);
            w.line(u"    zaw_send 'Tenant ID'"_s);
            w.line(u"    zaw_read_field 'Tenant ID' 'TENANT_ID' 'tenantId'"_s);
            w.line(u"fi"_s);
            w.line(u"TENANT_ID=${TENANT_ID#_} # the schema's namespace is _TENANT_ID"_s);
        }
        // Values of an existing object that no request of this script produces again.
        for (const auto &v : r.knownValues) {
            if (!produced.contains(v.first))
                w.line(u"%1=%2"_s.arg(v.first, shellQuote(v.second)));
        }

        QJsonArray query;
        for (const auto &q : r.query)
            query.append(QJsonArray{q.first, q.second});
        QJsonArray headers;
        for (const auto &h : r.headers)
            headers.append(QJsonArray{QString::fromUtf8(h.first), QString::fromUtf8(h.second)});
        const QString method = QString::fromLatin1(r.method);
        w.line(u"zaw_step %1 %2"_s.arg(stepLabel(i),
                                       shellQuote(oneLine(r.title + u": "_s + method + u' ' + r.servicePath))));
        QString call =
            u"zaw_prepare %1 %2 %3 %4 %5"_s.arg(title, shellQuote(method), shellQuote(r.servicePath),
                                                shellQuote(compactJson(query)), shellQuote(compactJson(headers)));
        for (const QString &name : placeholders) {
            if (declared.contains(name) || name == kTenantVariable) {
                call += u" \\\n    --arg %1 \"${%1:?was not set by an earlier step of this script}\""_s.arg(name);
            }
        }
        const bool hasBody = r.body.isObject() || r.body.isArray();
        if (hasBody) {
            const QString body = bodyText(r.body);
            const QString delimiter = delimiterFor(body);
            w.line(call + u" <<'"_s + delimiter + u'\'');
            w.text += body;
            w.line(delimiter);
        } else {
            w.line(call + u" <<<'null'"_s);
        }
        w.line(u"zaw_send %1"_s.arg(title));
        if (!r.idVariable.isEmpty()) {
            if (r.idIn == PlannedRequest::IdIn::CatalogReference)
                w.line(u"zaw_read_catalog_id %1 %2"_s.arg(title, shellQuote(r.idVariable)));
            else
                w.line(u"zaw_read_field %1 %2 %3"_s.arg(title, shellQuote(r.idVariable), shellQuote(r.idField)));
            if (!printed.contains(r.idVariable))
                printed.append(r.idVariable);
        }
        for (const auto &v : r.moreVariables)
            w.line(u"zaw_read_field %1 %2 %3"_s.arg(title, shellQuote(v.first), shellQuote(v.second)));
        ++made;
    }

    // ---- what was made
    w.line();
    w.line(u"printf 'Done: %s made, %s already there.\\n' %1 %2 >&2"_s.arg(made).arg(kept));
    for (const QString &name : std::as_const(printed))
        w.line(u"printf '%s=%s\\n' %1 \"$%2\""_s.arg(shellQuote(name), name));
    return w.text;
}

} // namespace zaw::setup
