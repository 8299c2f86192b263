# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): leak suites.
