# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): zoho-read.
