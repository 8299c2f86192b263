// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/PlannedRequest.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::setup {

// The Review page's "Export as script" (DESIGN §1 step 10): a bash script of curl calls that
// makes the planned objects again, for a developer who wants to see, keep or repeat exactly what
// the wizard sends. Needs bash, curl and jq 1.6 or newer.
//
// The script never holds a secret (PlannedRequest holds none). It reads them from environment
// variables: ADOBE_CLIENT_SECRET always, and each of PlannedRequest::secretVariables() that a
// body it sends needs; a missing one (or a missing curl or jq) stops it with exit status 2
// before anything is sent. PLATFORM_URL, IMS_TOKEN_URL and ADOBE_SANDBOX_NAME default to the
// target's values and may be set in the environment to point the script elsewhere.
//
// Secrets and the access token never appear on a command line (another user can read those):
// jq reads the secrets from its environment ($ENV) and writes curl's whole request (URL, method,
// headers with the token, body) as a curl config, which curl reads from its standard input
// (`curl --config -`). Only non-secret values (IDs, names, the gateway headers) are arguments.
//
// Bodies are written into the script as they are planned, in quoted here-documents, so "$id",
// "$ref" and the like stay as they are. Just before each request jq replaces the placeholders
// "{{NAME}}" (NAME in upper case, in string values and in object keys, alone or inside a longer
// string) and JSON-escapes the values; a string that is exactly the placeholder of one of
// PlannedRequest::numberVariables() becomes that number. Placeholders in servicePath are
// replaced percent-encoded, in query and header values as they are. A placeholder whose name is
// neither a secret nor a variable of the requests is left as it is, except TENANT_ID: when no
// request provides it, it is taken from the environment or else read from Schema Registry
// (GET …/schemaregistry/stats) before the first request that needs it.
//
// After each create the script reads the new ID (PlannedRequest::IdIn) and moreVariables from
// the answer into shell variables; an answer that is not 2xx, or lacks one of them, stops it
// with exit status 1 and shows the HTTP status and Adobe's answer. At the end it prints one
// NAME=value line per ID variable on standard output; progress and errors go to standard error.
// Messages and comments inside the script are in English (it is a developer's artefact, and
// shell output is not translated); titles of the requests appear as the plan gives them.
//
// Every value taken from the requests or the target is single-quoted for the shell; names and
// titles in comments have their line breaks replaced.
class ScriptExporter
{
    Q_DECLARE_TR_FUNCTIONS(zaw::setup::ScriptExporter)

public:
    // Reuse: a request whose object exists (existingId) is not sent; its ID goes into its
    //   idVariable, and its knownValues into theirs. A script for the same sandbox, completing
    //   a setup.
    // Recreate: every request with a method is sent (a copy of the setup, e.g. in another
    //   sandbox). knownValues of a request that is sent are used only for variables that no
    //   request sent by the script provides.
    // Requests without a method are never sent; their existingId and knownValues are used.
    enum class Existing { Reuse, Recreate };

    // The script's text (UTF-8 when written). Empty, with *error set (translated), when a
    // variable name of the requests cannot be a shell variable of the script: it must match
    // [A-Z][A-Z0-9_]*, must not start with ZAW_ and must not be one of the shell's or the
    // script's own names (PATH, PLATFORM_URL, ADOBE_CLIENT_SECRET, a secret variable, …).
    static QString script(const QList<PlannedRequest> &requests, const ScriptTarget &target,
                          Existing existing = Existing::Reuse, QString *error = nullptr);

    // The secret environment variables the script requires: ADOBE_CLIENT_SECRET, then those of
    // PlannedRequest::secretVariables() that the requests it sends need (for the Review page).
    static QStringList requiredSecrets(const QList<PlannedRequest> &requests, Existing existing = Existing::Reuse);

    // value as one shell word: in single quotes, each ' written as '\'' (NUL characters, which
    // no shell word can hold, are dropped).
    static QString shellQuote(const QString &value);
};

} // namespace zaw::setup
