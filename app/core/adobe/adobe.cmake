# SPDX-License-Identifier: GPL-3.0-or-later
# The Adobe clients (DESIGN §2 core/adobe): IMS tokens, the Platform gateway and its services.
target_sources(zaw_core PRIVATE
    core/adobe/AdobeSession.cpp core/adobe/AdobeSession.h
    core/adobe/ImsClient.cpp core/adobe/ImsClient.h
    core/adobe/PlatformClient.cpp core/adobe/PlatformClient.h
    core/adobe/SandboxManagementClient.cpp core/adobe/SandboxManagementClient.h
    core/adobe/FlowServiceClient.cpp core/adobe/FlowServiceClient.h
    core/adobe/CatalogClient.cpp core/adobe/CatalogClient.h
    core/adobe/SchemaRegistryClient.cpp core/adobe/SchemaRegistryClient.h
    core/adobe/DataPrepClient.cpp core/adobe/DataPrepClient.h
)
target_include_directories(zaw_core PUBLIC ${CMAKE_CURRENT_LIST_DIR})
