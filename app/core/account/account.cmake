# SPDX-License-Identifier: GPL-3.0-or-later
# Saved connections coming back: a profile with its secrets, its health, reconnect, forget
# (shared by the wizard's welcome page and the status/reconnect/forget commands).
target_sources(zaw_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ProfileSession.cpp ${CMAKE_CURRENT_LIST_DIR}/ProfileSession.h
    ${CMAKE_CURRENT_LIST_DIR}/HealthCheck.cpp ${CMAKE_CURRENT_LIST_DIR}/HealthCheck.h
    ${CMAKE_CURRENT_LIST_DIR}/Reconnect.cpp ${CMAKE_CURRENT_LIST_DIR}/Reconnect.h
    ${CMAKE_CURRENT_LIST_DIR}/Forget.cpp ${CMAKE_CURRENT_LIST_DIR}/Forget.h
)
target_include_directories(zaw_core PUBLIC ${CMAKE_CURRENT_LIST_DIR})
