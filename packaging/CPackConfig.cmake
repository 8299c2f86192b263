# SPDX-License-Identifier: GPL-3.0-or-later
# Packages: DEB/RPM on Linux, NSIS on Windows, a DragNDrop image on macOS (DESIGN §2).
# Windows and macOS builds run windeployqt / macdeployqt on the installed tree first.
set(CPACK_PACKAGE_NAME "zoho-aep-wizard")
set(CPACK_PACKAGE_VENDOR "zoho-aep-wizard")
set(CPACK_PACKAGE_CONTACT "zoho-aep-wizard maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_EXECUTABLES "zoho-aep-wizard" "Zoho CRM to Adobe Experience Platform")

if(UNIX AND NOT APPLE)
    include(GNUInstallDirs)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/zoho-aep-wizard.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/zoho-aep-wizard.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/zoho-aep-wizard.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    set(CPACK_GENERATOR "DEB;RPM")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
elseif(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "Zoho CRM to Adobe Experience Platform")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
endif()

include(CPack)
