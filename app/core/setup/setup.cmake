# SPDX-License-Identifier: GPL-3.0-or-later
# The pure setup logic: XDM schema from Zoho fields, the editable mapping set, AEP's schedule
# rules (DESIGN §1 steps 7-9). QtCore only.
target_sources(zaw_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/XdmSchemaBuilder.cpp ${CMAKE_CURRENT_LIST_DIR}/XdmSchemaBuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/MappingBuilder.cpp ${CMAKE_CURRENT_LIST_DIR}/MappingBuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/ScheduleRules.cpp ${CMAKE_CURRENT_LIST_DIR}/ScheduleRules.h
    ${CMAKE_CURRENT_LIST_DIR}/SetupPlan.cpp ${CMAKE_CURRENT_LIST_DIR}/SetupPlan.h
    ${CMAKE_CURRENT_LIST_DIR}/PlannedRequest.h
    ${CMAKE_CURRENT_LIST_DIR}/SavedPlans.cpp ${CMAKE_CURRENT_LIST_DIR}/SavedPlans.h
    ${CMAKE_CURRENT_LIST_DIR}/ScriptExporter.cpp ${CMAKE_CURRENT_LIST_DIR}/ScriptExporter.h
)
target_include_directories(zaw_core PUBLIC ${CMAKE_CURRENT_LIST_DIR})
