# SPDX-License-Identifier: GPL-3.0-or-later
# The use cases the wizard and the command line share (core/account, core/catalogue, core/zoho).
