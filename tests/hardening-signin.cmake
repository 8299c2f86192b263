# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): signin suites.

# The loopback listener's two families, a grant usable once, the data-centre table enforced by
# the flow, and store() letting go of the secrets (core only, no keychain).
zaw_add_test(tst_loopback_signin SOURCES core/tst_loopback_signin.cpp LIBS zaw_loopback TIMEOUT 120)
