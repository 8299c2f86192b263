<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>zaw::ConnectionWizard</name>
    <message>
        <source>Zoho CRM to Adobe Experience Platform (demo)</source>
        <translation>Zoho CRM naar Adobe Experience Platform (demo)</translation>
    </message>
    <message>
        <source>Zoho CRM to Adobe Experience Platform</source>
        <translation>Zoho CRM naar Adobe Experience Platform</translation>
    </message>
</context>
<context>
    <name>zaw::Endpoints</name>
    <message>
        <source>Cannot read the endpoints file %1: %2</source>
        <translation>Het endpointsbestand %1 kan niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>The endpoints file is not valid JSON (at offset %1: %2).</source>
        <translation>Het endpointsbestand is geen geldige JSON (op positie %1: %2).</translation>
    </message>
    <message>
        <source>The endpoints file must contain a JSON object.</source>
        <translation>Het endpointsbestand moet een JSON-object bevatten.</translation>
    </message>
    <message>
        <source>Unknown key %1 in the endpoints file.</source>
        <translation>Onbekende sleutel %1 in het endpointsbestand.</translation>
    </message>
    <message>
        <source>%1 is missing or not an object.</source>
        <translation>%1 ontbreekt of is geen object.</translation>
    </message>
    <message>
        <source>%1 is missing or empty.</source>
        <translation>%1 ontbreekt of is leeg.</translation>
    </message>
    <message>
        <source>%1 must be an object.</source>
        <translation>%1 moet een object zijn.</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 ontbreekt.</translation>
    </message>
    <message>
        <source>%1 must be a URL string.</source>
        <translation>%1 moet een URL (tekst) zijn.</translation>
    </message>
    <message>
        <source>%1 is not a valid URL: %2</source>
        <translation>%1 is geen geldige URL: %2</translation>
    </message>
    <message>
        <source>%1 must not contain a query, fragment or user name: %2</source>
        <translation>%1 mag geen query, fragment of gebruikersnaam bevatten: %2</translation>
    </message>
    <message>
        <source>%1 uses plain http for a host that is not loopback; use https: %2</source>
        <translation>%1 gebruikt gewone http voor een host die geen loopback is; gebruik https: %2</translation>
    </message>
    <message>
        <source>%1 must be an https URL: %2</source>
        <translation>%1 moet een https-URL zijn: %2</translation>
    </message>
</context>
<context>
    <name>zaw::WelcomePage</name>
    <message>
        <source>Connect Zoho CRM to Adobe Experience Platform</source>
        <translation>Zoho CRM koppelen aan Adobe Experience Platform</translation>
    </message>
    <message>
        <source>This wizard signs you in to Zoho, stores the credentials in your system keychain and sets up the Adobe Experience Platform dataflow that ingests your CRM records.</source>
        <translation>Deze assistent meldt u aan bij Zoho, bewaart de inloggegevens in de sleutelbos van uw systeem en richt de Adobe Experience Platform-gegevensstroom in die uw CRM-records inleest.</translation>
    </message>
    <message>
        <source>You will need:
• a Zoho API client (client ID and secret) registered in Zoho&apos;s API console,
• an Adobe Developer Console project with OAuth Server-to-Server credentials for Experience Platform,
• a few minutes: nothing is created in Adobe Experience Platform before you review it.</source>
        <translation>U hebt nodig:
• een Zoho API-client (client-ID en geheim), geregistreerd in de API-console van Zoho,
• een project in de Adobe Developer Console met OAuth Server-to-Server-gegevens voor Experience Platform,
• een paar minuten: er wordt niets in Adobe Experience Platform aangemaakt voordat u het hebt gecontroleerd.</translation>
    </message>
    <message>
        <source>Demo mode: every Zoho and Adobe service is the built-in sandbox at %1. Nothing leaves this computer and no real account is needed.</source>
        <translation>Demomodus: alle Zoho- en Adobe-diensten zijn de ingebouwde sandbox op %1. Er verlaat niets deze computer en u hebt geen echt account nodig.</translation>
    </message>
    <message>
        <source>Using the service addresses of an endpoints file (Adobe Platform: %1).</source>
        <translation>De dienstadressen komen uit een endpointsbestand (Adobe Platform: %1).</translation>
    </message>
</context>
<context>
    <name>zaw::WizardContext</name>
    <message>
        <source>The demo sandbox could not read its saved state (%1). Delete the file to start afresh.</source>
        <translation>De demosandbox kon zijn opgeslagen toestand niet lezen (%1). Verwijder het bestand om opnieuw te beginnen.</translation>
    </message>
    <message>
        <source>The demo sandbox could not start: %1</source>
        <translation>De demosandbox kon niet starten: %1</translation>
    </message>
</context>
<context>
    <name>zaw::WizardMain</name>
    <message>
        <source>Cannot start</source>
        <translation>Kan niet starten</translation>
    </message>
    <message>
        <source>Zoho CRM to Adobe Experience Platform</source>
        <translation>Zoho CRM naar Adobe Experience Platform</translation>
    </message>
</context>
<context>
    <name>zaw::WizardOptions</name>
    <message>
        <source>Connects a Zoho CRM account to Adobe Experience Platform, step by step.</source>
        <translation>Koppelt stap voor stap een Zoho CRM-account aan Adobe Experience Platform.</translation>
    </message>
    <message>
        <source>Run against the built-in sandbox instead of Zoho and Adobe (no accounts needed).</source>
        <translation>Werk met de ingebouwde sandbox in plaats van Zoho en Adobe (geen accounts nodig).</translation>
    </message>
    <message>
        <source>Use the service URLs of this endpoints file.</source>
        <translation>Gebruik de dienst-URL&apos;s uit dit endpointsbestand.</translation>
    </message>
    <message>
        <source>Keep profiles in this folder.</source>
        <translation>Bewaar profielen in deze map.</translation>
    </message>
    <message>
        <source>Profile to open.</source>
        <translation>Te openen profiel.</translation>
    </message>
    <message>
        <source>Show the first page, let it paint once and exit (for benchmarks and package checks).</source>
        <translation>Toon de eerste pagina, laat die één keer tekenen en sluit af (voor benchmarks en pakketcontroles).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Onverwacht argument: %1</translation>
    </message>
    <message>
        <source>--demo and --endpoints cannot be combined: demo mode uses its own sandbox.</source>
        <translation>--demo en --endpoints gaan niet samen: de demomodus gebruikt een eigen sandbox.</translation>
    </message>
</context>
</TS>
