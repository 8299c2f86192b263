<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>QObject</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::CliApp</name>
    <message>
        <source>Usage: zoho-aep-connect [--endpoints FILE] [--profile NAME] [--config-dir DIR] [--json] [--verbose] COMMAND [options]

Commands:
  zoho-login   sign in to Zoho and keep the credentials in the system keychain

Secrets are never arguments: set ZOHO_CLIENT_SECRET or use --client-secret-stdin.
Run &quot;zoho-aep-connect COMMAND --help&quot; for the options of a command.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option %1.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.

%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Network settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::ConsentBrowser</name>
    <message>
        <source>The embedded browser could not be loaded, so Zoho&apos;s page cannot be shown here. Use &quot;Open in system browser&quot; instead, or reinstall the application.</source>
        <translation type="unfinished"></translation>
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
    <name>zaw::ErrorPanel</name>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::LoopbackListener</name>
    <message>
        <source>The redirect URI %1 is not a loopback address (http://127.0.0.1:PORT/… or http://localhost:PORT/…), so the answer cannot come back to this computer. Paste the final URL instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 on this computer is already in use, so the sign-in answer cannot be received. Close the program using it, or register another redirect URI in Zoho&apos;s API console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address only receives the answer of Zoho&apos;s sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho&apos;s answer has reached the application. You can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::NetworkSettingsDialog</name>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for Zoho, Adobe and the embedded browser alike. The password is kept in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name, for example proxy.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::WebEngineConsentBrowser</name>
    <message>
        <source>The page tried to open an address that is not secure (%1) and was stopped.</source>
        <translation type="unfinished"></translation>
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
<context>
    <name>zaw::ZohoAccountPage</name>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the account the connection will read from. If it is not the right one, cancel and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client secret and the refresh token are stored in your system keychain (service &quot;zoho-aep-wizard&quot;), nowhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored: no usable keychain (missing or locked). The connection works until you close the wizard; to keep it, install or unlock a keychain (for example GNOME Keyring or KWallet) and reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::ZohoAppPage</name>
    <message>
        <source>Zoho API client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client you registered in Zoho&apos;s API console. The secret is kept in your system keychain once the sign-in works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server-based application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile or desktop application (PKCE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Europe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>India</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho sends you on to your own data centre if it differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start sign-in at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM &amp;environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register in Zoho&apos;s API console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Homepage URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorized redirect URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client ID from Zoho&apos;s API console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client ID has no spaces; copy it again from Zoho&apos;s API console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client secret from Zoho&apos;s API console (Client Secret tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the redirect URI registered for the client, for example http://127.0.0.1:47913/callback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI must be a full http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http is only safe on this computer (127.0.0.1 or localhost); use https for other hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI must not contain a # part or a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a scope name (like ZohoCRM.modules.READ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1: the wizard needs it to show which account signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: the sandbox&apos;s demo client is registered already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Zoho&apos;s API console: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::ZohoLoginCommand</name>
    <message>
        <source>Signs in to Zoho and keeps the credentials in the system keychain. The client secret comes from ZOHO_CLIENT_SECRET or, with --client-secret-stdin, from the first line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered redirect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data centre to start at (us, eu, in, au, cn, jp, ca, sa).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>production, sandbox or developer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server or desktop (PKCE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system: open the consent page in the default browser; none: only print its URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the final URL from standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the client secret from the first line of standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for the sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished">Onverwacht argument: %1</translation>
    </message>
    <message>
        <source>--client-id and --redirect-uri are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--environment must be production, sandbox or developer; --client-type server or desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a scope name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--browser must be system or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout must be a whole number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--redirect-uri is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI is not http://127.0.0.1:PORT/… or http://localhost:PORT/…, so the answer cannot come back here: add --paste and paste the final URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard input ended before the expected lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line of standard input (the client secret) is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client secret: set ZOHO_CLIENT_SECRET or use --client-secret-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in a browser and sign in to Zoho:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then paste the address Zoho sends the browser to, and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the sign-in within %1 seconds. Run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an address at the redirect URI %1; paste the whole address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to Zoho as %1 (%2), organisation %3, data centre %4. The credentials are in the system keychain (profile &quot;%5&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::ZohoSignInPage</name>
    <message>
        <source>Open in system browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Zoho</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the Zoho account whose CRM data you want in Adobe Experience Platform, and accept the access the wizard asks for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or paste the address Zoho sent your browser to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho&apos;s sign-in page could not be loaded (%1). Check your internet connection or proxy, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in below. If the page does not work here, open it in your system browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be opened. Use &quot;Copy link&quot; and open the link yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your browser; this page goes on by itself when Zoho answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your browser, then paste the address Zoho sends you to below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied. Open it in any browser on this computer; this page goes on by itself when Zoho answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied. Open it in a browser, then paste the address Zoho sends you to below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the connection…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::net::HttpClient</name>
    <message>
        <source>The server %1 could not be found. Check your internet connection and, if you use a proxy, the network settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 refused the connection. Check your network settings and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 did not answer in time. Check your internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made. If your network inspects encrypted traffic, ask your administrator; otherwise try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server could not be reached. Check the proxy in the network settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server refused the user name or password. Check them in the network settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2). Check your internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused access. Ask your administrator for the needed permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not know the requested object. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object was changed by someone else meanwhile. Reload and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is receiving too many requests. Wait a minute and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gave an unexpected answer (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::store::KeychainSecretStore</name>
    <message>
        <source>A secret saved in the keychain is incomplete or damaged. Sign in again to replace it.</source>
        <translation>Een geheim in de sleutelbos is onvolledig of beschadigd. Meld u opnieuw aan om het te vervangen.</translation>
    </message>
</context>
<context>
    <name>zaw::store::ProfileStore</name>
    <message>
        <source>&quot;%1&quot; is not a JSON object</source>
        <translation>&quot;%1&quot; is geen JSON-object</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time</source>
        <translation>&quot;%1&quot; is geen datum en tijd</translation>
    </message>
    <message>
        <source>it was written by a newer version of this application (format %1)</source>
        <translation>het is geschreven door een nieuwere versie van deze toepassing (formaat %1)</translation>
    </message>
    <message>
        <source>&quot;id&quot; is missing or not 32 hexadecimal digits</source>
        <translation>&quot;id&quot; ontbreekt of bestaat niet uit 32 hexadecimale cijfers</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a profile name. Use 1 to 64 characters: letters A–Z and a–z, digits 0–9, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;; the name must not start with &quot;.&quot;.</source>
        <translation>&quot;%1&quot; kan geen profielnaam zijn. Gebruik 1 tot 64 tekens: letters A–Z en a–z, cijfers 0–9, &quot;.&quot;, &quot;_&quot; en &quot;-&quot;; de naam mag niet met &quot;.&quot; beginnen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a profile name because Windows reserves it for a device. Choose another name.</source>
        <translation>&quot;%1&quot; kan geen profielnaam zijn, want Windows reserveert deze naam voor een apparaat. Kies een andere naam.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot; (%2 does not exist).</source>
        <translation>Er is geen profiel met de naam &quot;%1&quot; (%2 bestaat niet).</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; is being changed by another program. Try again when it has finished.</source>
        <translation>Het profiel &quot;%1&quot; wordt door een ander programma gewijzigd. Probeer het opnieuw als dat klaar is.</translation>
    </message>
    <message>
        <source>Cannot lock the profile file %1 for writing.</source>
        <translation>Het profielbestand %1 kan niet worden vergrendeld om te schrijven.</translation>
    </message>
    <message>
        <source>Cannot read the profile file %1: %2.</source>
        <translation>Het profielbestand %1 kan niet worden gelezen: %2.</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>%1 bij byte %2</translation>
    </message>
    <message>
        <source>it does not hold a JSON object</source>
        <translation>het bevat geen JSON-object</translation>
    </message>
    <message>
        <source>The profile file %1 is damaged (%2). Repair it, or delete it and set the profile up again.</source>
        <translation>Het profielbestand %1 is beschadigd (%2). Herstel het, of verwijder het en stel het profiel opnieuw in.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; has no valid id, so it cannot be saved.</source>
        <translation>Het profiel &quot;%1&quot; heeft geen geldige id en kan daarom niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was not saved: %2 looks like a secret, and secrets belong in the keychain, never in the profile file.</source>
        <translation>Het profiel &quot;%1&quot; is niet opgeslagen: %2 lijkt een geheim, en geheimen horen in de sleutelbos, nooit in het profielbestand.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>De map %1 kan niet worden aangemaakt.</translation>
    </message>
    <message>
        <source>A different profile named &quot;%1&quot; already exists. Choose another name or remove that profile first.</source>
        <translation>Er bestaat al een ander profiel met de naam &quot;%1&quot;. Kies een andere naam of verwijder eerst dat profiel.</translation>
    </message>
    <message>
        <source>Cannot write the profile file %1: %2.</source>
        <translation>Het profielbestand %1 kan niet worden geschreven: %2.</translation>
    </message>
    <message>
        <source>Cannot delete the profile file %1: %2.</source>
        <translation>Het profielbestand %1 kan niet worden verwijderd: %2.</translation>
    </message>
</context>
<context>
    <name>zaw::store::SecretStore</name>
    <message>
        <source>The secret is not saved in the keychain. Sign in again to save it.</source>
        <translation>Het geheim staat niet in de sleutelbos. Meld u opnieuw aan om het op te slaan.</translation>
    </message>
    <message>
        <source>No usable keychain (missing or locked). Unlock your system keychain (on Linux a Secret Service such as GNOME Keyring or KWallet) and try again, or continue for this run only without saving secrets.</source>
        <translation>Geen bruikbare sleutelbos (ontbreekt of is vergrendeld). Ontgrendel de sleutelbos van uw systeem (op Linux een Secret Service zoals GNOME Keyring of KWallet) en probeer het opnieuw, of ga alleen voor deze sessie verder zonder geheimen op te slaan.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Unlock the keychain or allow this application to use it, then try again.</source>
        <translation>De toegang tot de sleutelbos is geweigerd. Ontgrendel de sleutelbos of sta deze toepassing toe hem te gebruiken, en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>The keychain reported an error. Try again; if it keeps happening, copy the details and report them.</source>
        <translation>De sleutelbos meldde een fout. Probeer het opnieuw; blijft het gebeuren, kopieer dan de details en meld ze.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::RedirectMatcher</name>
    <message>
        <source>The sign-in answer came back to an address with a user name in it and was ignored. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer repeated the parameter &quot;%1&quot; and was ignored as unsafe. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in attempt (its state does not match). Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access was not granted on Zoho&apos;s consent page. To connect, sign in again and choose Accept. (Zoho also answers this when more than 10 sign-ins were started within 10 minutes: then wait a few minutes.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho reported an error during sign-in: %1. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer carried no grant code. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho named the data centre &quot;%1&quot;, which this application does not know. Check the endpoints file or contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer named an accounts server (%1) that is not Zoho&apos;s for the data centre %2. It was ignored for your safety; start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoAuthClient</name>
    <message>
        <source>Zoho did not accept the sign-in: the grant code expired (it lives about two minutes), was already used, or the refresh token was revoked. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho does not know this client ID in your data centre. Check the client ID, and in Zoho&apos;s API console enable your data centre for the client (Settings → Multi-DC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho refused the client secret. Copy the secret again from Zoho&apos;s API console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The redirect URI differs from the one registered in Zoho&apos;s API console. Register exactly the URI shown on the Zoho app page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho is refusing new tokens for a while because too many were requested (at most 10 every 10 minutes). Wait ten minutes and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho denied access. If you did not press Deny, too many sign-ins were started within 10 minutes: wait a few minutes and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho no longer accepts this token. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho refused the token request (%1). This is a bug in this application; please report it with the copied details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho refused the sign-in (%1). Sign in again; if it keeps failing, check the client in Zoho&apos;s API console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho&apos;s answer held no access token (HTTP %1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho named an API domain (%1) that does not belong to your data centre (%2). Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho gave no refresh token, so the connection could not keep working after an hour. Sign in again (the wizard asks for offline access with consent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data centre &quot;%1&quot; of this profile is not in the endpoints table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoCrmClient</name>
    <message>
        <source>Zoho CRM no longer accepts this connection&apos;s sign-in (it may have been revoked, or belong to another data centre or environment). Sign in to Zoho again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Zoho sign-in does not include the permission this step needs. Sign in again granting: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Zoho CRM profile is not allowed to use the API. Ask your Zoho administrator to enable &quot;Zoho CRM API Access&quot; for your profile (Setup → Users and Control → Security Control → Profiles)%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Zoho CRM edition does not offer this feature (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Zoho CRM organisation has used up its API credits or concurrent calls for now. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho CRM does not know this module, or your profile cannot see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho CRM refused the request: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho CRM did not name the signed-in user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoho CRM did not describe the organisation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoSignInFlow</name>
    <message>
        <source>The data centre &quot;%1&quot; is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 environment is not available for this data centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in is in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is not the redirect URI of this sign-in (%1). Paste the whole address of the page Zoho sent you to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchanging the grant code at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose the %1 environment, but the organisation picked on Zoho&apos;s page is a %2 one. Sign in again and pick the right organisation, or change the environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the Zoho account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
