<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>QObject</name>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
</context>
<context>
    <name>zaw::AccountCommand</name>
    <message>
        <source>Show this help.</source>
        <translation>Toon deze hulp.</translation>
    </message>
    <message>
        <source>Also delete the connection&apos;s dataflows, source and target connections and base connection in Experience Platform (datasets and schemas stay).</source>
        <translation>Ook de dataflows, bron- en doelverbindingen en de basisverbinding van de koppeling in Experience Platform verwijderen (datasets en schema&apos;s blijven).</translation>
    </message>
    <message>
        <source>Checks the saved connection: the Zoho sign-in, the base connection, each dataflow and its last run. Exit code 0 when all is well.</source>
        <translation>Controleert de opgeslagen koppeling: de Zoho-aanmelding, de basisverbinding, elke dataflow en zijn laatste run. Afsluitcode 0 als alles in orde is.</translation>
    </message>
    <message>
        <source>Renews the Zoho sign-in of the saved connection (a new consent when Zoho no longer accepts the saved one, as the same Zoho user) and gives the base connection the new credentials.</source>
        <translation>Vernieuwt de Zoho-aanmelding van de opgeslagen koppeling (opnieuw toestemming geven als Zoho de opgeslagen niet meer aanvaardt, als dezelfde Zoho-gebruiker) en geeft de basisverbinding de nieuwe referenties.</translation>
    </message>
    <message>
        <source>Revokes the Zoho sign-in, deletes the connection&apos;s keychain entries and its profile.</source>
        <translation>Trekt de Zoho-aanmelding in en verwijdert de sleutelhangeritems en het profiel van de koppeling.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Onverwacht argument: %1</translation>
    </message>
    <message>
        <source>%1 of %2, data centre %3</source>
        <translation>%1 van %2, datacentrum %3</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Connection &quot;%1&quot;</source>
        <translation>Koppeling &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Zoho CRM: %1; the saved sign-in works.</source>
        <translation>Zoho CRM: %1; de opgeslagen aanmelding werkt.</translation>
    </message>
    <message>
        <source>Zoho CRM: %1; the saved sign-in no longer works: %2</source>
        <translation>Zoho CRM: %1; de opgeslagen aanmelding werkt niet meer: %2</translation>
    </message>
    <message>
        <source>Zoho CRM: %1; not reached: %2</source>
        <translation>Zoho CRM: %1; niet bereikt: %2</translation>
    </message>
    <message>
        <source>Experience Platform: no Adobe credential yet.</source>
        <translation>Experience Platform: nog geen Adobe-referentie.</translation>
    </message>
    <message>
        <source>Base connection: none yet (the first dataflow makes it).</source>
        <translation>Basisverbinding: nog geen (de eerste dataflow maakt die).</translation>
    </message>
    <message>
        <source>Base connection %1: could not be read: %2</source>
        <translation>Basisverbinding %1: kon niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>Base connection %1: no longer exists in Experience Platform.</source>
        <translation>Basisverbinding %1: bestaat niet meer in Experience Platform.</translation>
    </message>
    <message>
        <source>Base connection %1: %2.</source>
        <translation>Basisverbinding %1: %2.</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>niet gecontroleerd</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>no longer exists in Experience Platform</source>
        <translation>bestaat niet meer in Experience Platform</translation>
    </message>
    <message>
        <source>%1, schedule %2, no run yet</source>
        <translation>%1, planning %2, nog geen run</translation>
    </message>
    <message>
        <source>%1, schedule %2, last run %3 (started %4)</source>
        <translation>%1, planning %2, laatste run %3 (gestart %4)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>Dataflow &quot;%1&quot; (%2, table %3): %4</source>
        <translation>Dataflow &quot;%1&quot; (%2, tabel %3): %4</translation>
    </message>
    <message>
        <source>Unfinished setup %1, stopped before a module was chosen.</source>
        <translation>Onvoltooide inrichting %1, gestopt voordat een module was gekozen.</translation>
    </message>
    <message>
        <source>Unfinished setup %1 of %2.</source>
        <translation>Onvoltooide inrichting %1 van %2.</translation>
    </message>
    <message>
        <source>There is no saved connection called &quot;%1&quot;: nothing to forget.</source>
        <translation>Er is geen opgeslagen koppeling met de naam &quot;%1&quot;: er valt niets te vergeten.</translation>
    </message>
    <message>
        <source>Deleted the %1 in Experience Platform.</source>
        <translation>De %1 in Experience Platform is verwijderd.</translation>
    </message>
    <message>
        <source>Zoho revoked the sign-in.</source>
        <translation>Zoho heeft de aanmelding ingetrokken.</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; is forgotten: its keychain entries and its profile are removed.</source>
        <translation>De koppeling &quot;%1&quot; is vergeten: de sleutelhangeritems en het profiel zijn verwijderd.</translation>
    </message>
    <message>
        <source>Direct sync of %1: no run yet.</source>
        <translation>Directe synchronisatie van %1: nog geen run.</translation>
    </message>
    <message>
        <source>Direct sync of %1: last run %2 at %3, %4 records read%5.</source>
        <translation>Directe synchronisatie van %1: laatste run %2 op %3, %4 records gelezen%5.</translation>
    </message>
    <message>
        <source>, batch %1</source>
        <translation>, batch %1</translation>
    </message>
    <message>
        <source>The background schedule of the sync is removed.</source>
        <translation>De achtergrondplanning van de synchronisatie is verwijderd.</translation>
    </message>
</context>
<context>
    <name>zaw::AdobeCredentialsPage</name>
    <message>
        <source>C&amp;heck and list sandboxes</source>
        <translation>C&amp;ontroleren en sandboxes tonen</translation>
    </message>
    <message>
        <source>Adobe Experience Platform credential</source>
        <translation>Referentie voor Adobe Experience Platform</translation>
    </message>
    <message>
        <source>Enter the OAuth Server-to-Server credential of your Adobe Developer Console project, then pick the sandbox the data goes to.</source>
        <translation>Vul de OAuth Server-to-Server-referentie van uw project in de Adobe Developer Console in en kies daarna de sandbox waar de gegevens naartoe gaan.</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client&amp;geheim:</translation>
    </message>
    <message>
        <source>&amp;Organisation ID:</source>
        <translation>O&amp;rganisatie-ID:</translation>
    </message>
    <message>
        <source>Sand&amp;box:</source>
        <translation>Sand&amp;box:</translation>
    </message>
    <message>
        <source>Checking the credential with Adobe…</source>
        <translation>Referentie bij Adobe controleren…</translation>
    </message>
    <message>
        <source>The credential works, but the organisation has no sandbox you may use.</source>
        <translation>De referentie werkt, maar de organisatie heeft geen sandbox die u mag gebruiken.</translation>
    </message>
    <message>
        <source>The credential works. Pick the sandbox for the data.</source>
        <translation>De referentie werkt. Kies de sandbox voor de gegevens.</translation>
    </message>
</context>
<context>
    <name>zaw::AdobeLoginCommand</name>
    <message>
        <source>Checks an Adobe OAuth Server-to-Server credential and keeps it: the client secret comes from ADOBE_CLIENT_SECRET or, with --client-secret-stdin, from the first line of standard input.</source>
        <translation>Controleert een OAuth Server-to-Server-referentie van Adobe en bewaart die: het clientgeheim komt uit ADOBE_CLIENT_SECRET of, met --client-secret-stdin, uit de eerste regel van de standaardinvoer.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Deze hulp tonen.</translation>
    </message>
    <message>
        <source>Client ID of the credential.</source>
        <translation>Client-ID van de referentie.</translation>
    </message>
    <message>
        <source>Organisation ID (…@AdobeOrg).</source>
        <translation>Organisatie-ID (…@AdobeOrg).</translation>
    </message>
    <message>
        <source>Sandbox name, for example prod.</source>
        <translation>Naam van de sandbox, bijvoorbeeld prod.</translation>
    </message>
    <message>
        <source>Read the client secret from the first line of standard input.</source>
        <translation>Het clientgeheim lezen uit de eerste regel van de standaardinvoer.</translation>
    </message>
    <message>
        <source>--client-id, --org and --sandbox are required.</source>
        <translation>--client-id, --org en --sandbox zijn verplicht.</translation>
    </message>
    <message>
        <source>--org must be the organisation ID of the Developer Console project; it ends with @AdobeOrg.</source>
        <translation>--org moet de organisatie-ID van het Developer Console-project zijn; die eindigt op @AdobeOrg.</translation>
    </message>
    <message>
        <source>The first line of standard input (the client secret) is empty.</source>
        <translation>De eerste regel van de standaardinvoer (het clientgeheim) is leeg.</translation>
    </message>
    <message>
        <source>Standard input ended before the client secret.</source>
        <translation>De standaardinvoer eindigde vóór het clientgeheim.</translation>
    </message>
    <message>
        <source>No client secret: set ADOBE_CLIENT_SECRET or use --client-secret-stdin.</source>
        <translation>Geen clientgeheim: stel ADOBE_CLIENT_SECRET in of gebruik --client-secret-stdin.</translation>
    </message>
    <message>
        <source>Checking the credential with Adobe…</source>
        <translation>Referentie bij Adobe controleren…</translation>
    </message>
    <message>
        <source>The Adobe credential works for the organisation %1, sandbox &quot;%2&quot;. It is kept in the system keychain (profile &quot;%3&quot;).</source>
        <translation>De Adobe-referentie werkt voor de organisatie %1, sandbox &quot;%2&quot;. Ze wordt bewaard in de sleutelbos van het systeem (profiel &quot;%3&quot;).</translation>
    </message>
</context>
<context>
    <name>zaw::AepCommand</name>
    <message>
        <source>Show this help.</source>
        <translation>Deze hulp tonen.</translation>
    </message>
    <message>
        <source>The table&apos;s path, as &quot;tables&quot; lists it.</source>
        <translation>Het pad van de tabel, zoals &quot;tables&quot; het toont.</translation>
    </message>
    <message>
        <source>Rows to show (1–100).</source>
        <translation>Aantal rijen om te tonen (1–100).</translation>
    </message>
    <message>
        <source>Load into this existing dataset.</source>
        <translation>In deze bestaande dataset laden.</translation>
    </message>
    <message>
        <source>Create a dataset with this name.</source>
        <translation>Een dataset met deze naam maken.</translation>
    </message>
    <message>
        <source>Name of the dataflow.</source>
        <translation>Naam van de gegevensstroom.</translation>
    </message>
    <message>
        <source>once, minute, hour, day or week.</source>
        <translation>once, minute, hour, day of week.</translation>
    </message>
    <message>
        <source>Runs every N units of the frequency.</source>
        <translation>Wordt elke N eenheden van de frequentie uitgevoerd.</translation>
    </message>
    <message>
        <source>First run (ISO 8601); default: in 5 minutes.</source>
        <translation>Eerste uitvoering (ISO 8601); standaard: over 5 minuten.</translation>
    </message>
    <message>
        <source>Load the history on the first run.</source>
        <translation>De geschiedenis laden bij de eerste uitvoering.</translation>
    </message>
    <message>
        <source>Date-time column for incremental loads.</source>
        <translation>Datum-tijdkolom voor incrementeel laden.</translation>
    </message>
    <message>
        <source>Keep row-level error diagnostics.</source>
        <translation>Foutdiagnose per rij bewaren.</translation>
    </message>
    <message>
        <source>Accept a run when at most this percentage of rows fail.</source>
        <translation>Een uitvoering accepteren als hoogstens dit percentage van de rijen mislukt.</translation>
    </message>
    <message>
        <source>Name of a new base connection; default: &quot;Zoho CRM – &lt;org&gt;&quot;.</source>
        <translation>Naam van een nieuwe basisverbinding; standaard: &quot;Zoho CRM – &lt;organisatie&gt;&quot;.</translation>
    </message>
    <message>
        <source>Shows the columns and the first rows of a table.</source>
        <translation>Toont de kolommen en de eerste rijen van een tabel.</translation>
    </message>
    <message>
        <source>Creates the dataflow of a table, resuming a setup that failed earlier for the same table.</source>
        <translation>Maakt de gegevensstroom van een tabel en hervat een eerder mislukte inrichting voor dezelfde tabel.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Onverwacht argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--table is required.</source>
        <translation>--table is verplicht.</translation>
    </message>
    <message>
        <source>--rows must be a number from 1 to 100.</source>
        <translation>--rows moet een getal van 1 tot en met 100 zijn.</translation>
    </message>
    <message>
        <source>Give either --dataset or --new-dataset, not both.</source>
        <translation>Geef --dataset of --new-dataset op, niet allebei.</translation>
    </message>
    <message>
        <source>--partial-ingestion must be a percentage above 0 and at most 100.</source>
        <translation>--partial-ingestion moet een percentage boven 0 en hoogstens 100 zijn.</translation>
    </message>
    <message>
        <source>--interval must be a whole number.</source>
        <translation>--interval moet een geheel getal zijn.</translation>
    </message>
    <message>
        <source>--start must be a date and time in ISO 8601, for example 2030-01-31T08:00:00Z.</source>
        <translation>--start moet een datum en tijd in ISO 8601 zijn, bijvoorbeeld 2030-01-31T08:00:00Z.</translation>
    </message>
    <message>
        <source>Listing the tables…</source>
        <translation>De tabellen worden opgehaald…</translation>
    </message>
    <message>
        <source>Reading a preview of %1…</source>
        <translation>Een voorbeeld van %1 wordt gelezen…</translation>
    </message>
    <message>
        <source>Reading the columns of %1…</source>
        <translation>De kolommen van %1 worden gelezen…</translation>
    </message>
    <message>
        <source>Reading the Zoho fields of %1…</source>
        <translation>De Zoho-velden van %1 worden gelezen…</translation>
    </message>
    <message>
        <source>Resuming the setup of %1 that stopped earlier…</source>
        <translation>De eerder gestopte inrichting van %1 wordt hervat…</translation>
    </message>
    <message>
        <source>The saved setup of %1 cannot be read (%2); starting a new one.</source>
        <translation>De bewaarde inrichting van %1 kan niet worden gelezen (%2); er wordt een nieuwe gestart.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The dataflow of %1 is set up.</source>
        <translation>De gegevensstroom van %1 is ingericht.</translation>
    </message>
    <message>
        <source>Make a further dataflow for a table that has one already.</source>
        <translation>Nog een dataflow maken voor een tabel die er al een heeft.</translation>
    </message>
    <message>
        <source>%1 has a dataflow already (%2). Pass --another to make a second one.</source>
        <translation>%1 heeft al een dataflow (%2). Geef --another mee om een tweede te maken.</translation>
    </message>
    <message>
        <source>flow (a Flow Service dataflow) or sync (this application copies the records through batch ingestion); default: flow when the organisation still offers the Zoho CRM source, else sync.</source>
        <translation>flow (een Flow Service-dataflow) of sync (deze toepassing kopieert de records via batch-opname); standaard: flow als de organisatie de Zoho CRM-bron nog aanbiedt, anders sync.</translation>
    </message>
    <message>
        <source>Lists the Zoho CRM modules: those AEP sees through the base connection, or, in sync mode, those Zoho CRM offers.</source>
        <translation>Toont de Zoho CRM-modules: de modules die AEP via de basisverbinding ziet, of in de sync-modus de modules die Zoho CRM aanbiedt.</translation>
    </message>
    <message>
        <source>--mode must be flow or sync.</source>
        <translation>--mode moet flow of sync zijn.</translation>
    </message>
    <message>
        <source>Checking whether the organisation still offers the Zoho CRM source…</source>
        <translation>Controleren of de organisatie de Zoho CRM-bron nog aanbiedt…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)…</source>
        <translation>%1 (%2 van %3)…</translation>
    </message>
    <message>
        <source>The direct sync of %1 is set up.
schemaId: %2
dataSetId: %3
Run &quot;zoho-aep-connect sync&quot; for the first load, and &quot;zoho-aep-connect schedule install&quot; to run it in the background.</source>
        <translation>De directe synchronisatie van %1 is ingericht.
schemaId: %2
dataSetId: %3
Voer &quot;zoho-aep-connect sync&quot; uit voor de eerste lading en &quot;zoho-aep-connect schedule install&quot; om de synchronisatie op de achtergrond uit te voeren.</translation>
    </message>
</context>
<context>
    <name>zaw::AepSessionHelper</name>
    <message>
        <source>Refreshing the Zoho access token…</source>
        <translation>Het Zoho-toegangstoken wordt vernieuwd…</translation>
    </message>
    <message>
        <source>%1 Run &quot;zoho-aep-connect zoho-login&quot; again.</source>
        <translation>%1 Voer &quot;zoho-aep-connect zoho-login&quot; opnieuw uit.</translation>
    </message>
    <message>
        <source>Warning: the profile could not be saved: %1</source>
        <translation>Waarschuwing: het profiel kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Zoho CRM – %1</source>
        <translation>Zoho CRM – %1</translation>
    </message>
    <message>
        <source>Creating the base connection &quot;%1&quot;…</source>
        <translation>De basisverbinding &quot;%1&quot; wordt gemaakt…</translation>
    </message>
    <message>
        <source>Made by zoho-aep-connect.</source>
        <translation>Gemaakt door zoho-aep-connect.</translation>
    </message>
    <message>
        <source>The base connection %1 of the profile is gone; making a new one.</source>
        <translation>De basisverbinding %1 van het profiel bestaat niet meer; er wordt een nieuwe gemaakt.</translation>
    </message>
</context>
<context>
    <name>zaw::CliApp</name>
    <message>
        <source>Error: %1</source>
        <translation>Fout: %1</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 heeft een waarde nodig.</translation>
    </message>
    <message>
        <source>Unknown option %1.

%2</source>
        <translation>Onbekende optie %1.

%2</translation>
    </message>
    <message>
        <source>No command given.

%1</source>
        <translation>Geen opdracht opgegeven.

%1</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.

%2</source>
        <translation>Onbekende opdracht &quot;%1&quot;.

%2</translation>
    </message>
    <message>
        <source>Usage: zoho-aep-connect [--endpoints FILE] [--profile NAME] [--config-dir DIR] [--json] [--verbose] COMMAND [options]

Commands:
  zoho-login   sign in to Zoho and keep the credentials in the system keychain
  adobe-login  check an Adobe OAuth Server-to-Server credential and keep it
  tables       list the Zoho CRM modules AEP sees through the base connection
  preview      show the columns and the first rows of a table
  create       create the dataflow of a table, or with --mode sync its direct sync (a rerun resumes a failed setup)
  status       check the saved connection: Zoho sign-in, base connection, dataflows and last runs
  reconnect    renew the Zoho sign-in (a new consent when needed) and give it to the base connection
  sync         one run of the direct sync (headless; secrets from the keychain only)
  schedule     install, show or remove the background schedule of the direct sync
  forget       revoke the sign-in and remove the saved connection (--delete-remote: its AEP objects too)

Secrets are never arguments: set ZOHO_CLIENT_SECRET / ADOBE_CLIENT_SECRET or use --client-secret-stdin.
Run &quot;zoho-aep-connect COMMAND --help&quot; for the options of a command.
</source>
        <translation>Gebruik: zoho-aep-connect [--endpoints FILE] [--profile NAME] [--config-dir DIR] [--json] [--verbose] COMMAND [opties]

Opdrachten:
  zoho-login   bij Zoho aanmelden en de aanmeldgegevens in de sleutelhanger van het systeem bewaren
  adobe-login  een OAuth Server-to-Server-referentie van Adobe controleren en bewaren
  tables       de Zoho CRM-modules tonen die AEP via de basisverbinding ziet
  preview      de kolommen en de eerste rijen van een tabel tonen
  create       de dataflow van een tabel maken, of met --mode sync de directe synchronisatie (opnieuw uitvoeren hervat een mislukte inrichting)
  status       de opgeslagen koppeling controleren: Zoho-aanmelding, basisverbinding, dataflows en laatste runs
  reconnect    de Zoho-aanmelding vernieuwen (zo nodig met nieuwe toestemming) en aan de basisverbinding doorgeven
  sync         één run van de directe synchronisatie (zonder interface; geheimen alleen uit de sleutelhanger)
  schedule     de achtergrondplanning van de directe synchronisatie installeren, tonen of verwijderen
  forget       de aanmelding intrekken en de opgeslagen koppeling verwijderen (--delete-remote: ook de AEP-objecten)

Geheimen zijn nooit argumenten: stel ZOHO_CLIENT_SECRET / ADOBE_CLIENT_SECRET in of gebruik --client-secret-stdin.
Voer &quot;zoho-aep-connect COMMAND --help&quot; uit voor de opties van een opdracht.
</translation>
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
        <translation>Netwerkinstellingen…</translation>
    </message>
</context>
<context>
    <name>zaw::ConsentBrowser</name>
    <message>
        <source>The embedded browser could not be loaded, so Zoho&apos;s page cannot be shown here. Use &quot;Open in system browser&quot; instead, or reinstall the application.</source>
        <translation>De ingebouwde browser kon niet worden geladen, dus de pagina van Zoho kan hier niet worden getoond. Gebruik in plaats daarvan &quot;Openen in systeembrowser&quot;, of installeer de toepassing opnieuw.</translation>
    </message>
</context>
<context>
    <name>zaw::ConsentRunner</name>
    <message>
        <source>system: open the consent page in the default browser; none: only print its URL.</source>
        <translation>system: open de toestemmingspagina in de standaardbrowser; none: toon alleen de URL.</translation>
    </message>
    <message>
        <source>Read the final URL from standard input.</source>
        <translation>Lees de uiteindelijke URL uit de standaardinvoer.</translation>
    </message>
    <message>
        <source>Seconds to wait for the sign-in.</source>
        <translation>Aantal seconden dat op de aanmelding wordt gewacht.</translation>
    </message>
    <message>
        <source>--browser must be system or none.</source>
        <translation>--browser moet system of none zijn.</translation>
    </message>
    <message>
        <source>The redirect URI &quot;%1&quot; is not a valid URL.</source>
        <translation>De redirect-URI &quot;%1&quot; is geen geldige URL.</translation>
    </message>
    <message>
        <source>The redirect URI is not http://127.0.0.1:PORT/… or http://localhost:PORT/…, so the answer cannot come back here: add --paste and paste the final URL.</source>
        <translation>De redirect-URI is niet http://127.0.0.1:PORT/… of http://localhost:PORT/…, dus het antwoord kan hier niet terugkomen. Voeg --paste toe en plak de uiteindelijke URL.</translation>
    </message>
    <message>
        <source>Open this address in a browser and sign in to Zoho:</source>
        <translation>Open dit adres in een browser en meld u aan bij Zoho:</translation>
    </message>
    <message>
        <source>Then paste the address Zoho sends the browser to, and press Enter.</source>
        <translation>Plak daarna het adres waar Zoho de browser naartoe stuurt, en druk op Enter.</translation>
    </message>
    <message>
        <source>Standard input ended before the expected lines.</source>
        <translation>De standaardinvoer eindigde vóór de verwachte regels.</translation>
    </message>
    <message numerus="yes">
        <source>No answer from the sign-in within %n second(s). Run the command again.</source>
        <translation>
            <numerusform>Geen antwoord van de aanmelding binnen %n seconde. Voer de opdracht opnieuw uit.</numerusform>
            <numerusform>Geen antwoord van de aanmelding binnen %n seconden. Voer de opdracht opnieuw uit.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is not an address at the redirect URI %1; paste the whole address.</source>
        <translation>Dat is geen adres onder de redirect-URI %1. Plak het volledige adres.</translation>
    </message>
    <message>
        <source>--timeout must be a whole number of seconds from 1 to %1 (one day).</source>
        <translation>--timeout moet een geheel aantal seconden zijn, van 1 tot %1 (een dag).</translation>
    </message>
</context>
<context>
    <name>zaw::CreatePage</name>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>The objects are made one after the other. If a step fails, fix the cause and try again: what exists already is found, not made twice.</source>
        <translation>De objecten worden een voor een gemaakt. Mislukt een stap, los dan de oorzaak op en probeer het opnieuw: wat al bestaat wordt teruggevonden, niet twee keer gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Volgende</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Bezig met aanmaken…</translation>
    </message>
    <message>
        <source>Stopped at &quot;%1&quot;.</source>
        <translation>Gestopt bij &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Everything is in place. The dataflow is created.</source>
        <translation>Alles staat klaar. De dataflow is aangemaakt.</translation>
    </message>
</context>
<context>
    <name>zaw::DataflowPage</name>
    <message>
        <source>Keep row-level &amp;error diagnostics</source>
        <translation>&amp;Foutdiagnose per rij bewaren</translation>
    </message>
    <message>
        <source>Allow &amp;partial ingestion: a run succeeds when at most</source>
        <translation>&amp;Gedeeltelijke opname toestaan: een run slaagt als hoogstens</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>Dataflow</translation>
    </message>
    <message>
        <source>Name the dataflow and say when it runs. Experience Platform&apos;s rules are checked as you type.</source>
        <translation>Geef de dataflow een naam en bepaal wanneer hij draait. De regels van Experience Platform worden gecontroleerd terwijl u typt.</translation>
    </message>
    <message>
        <source> % of the rows fail</source>
        <translation> % van de rijen mislukt</translation>
    </message>
    <message>
        <source>&amp;Description (optional):</source>
        <translation>&amp;Beschrijving (optioneel):</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Frequentie:</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Interval:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;Start (%1):</source>
        <translation>&amp;Start (%1):</translation>
    </message>
    <message>
        <source>&amp;Changes found by:</source>
        <translation>&amp;Wijzigingen herkend aan:</translation>
    </message>
    <message>
        <source>Zoho CRM %1 dataflow</source>
        <translation>Zoho CRM %1-dataflow</translation>
    </message>
    <message>
        <source>Give the dataflow a name.</source>
        <translation>Geef de dataflow een naam.</translation>
    </message>
    <message>
        <source>Bac&amp;kfill: load all existing records on the first run</source>
        <translation>&amp;Backfill: bij de eerste run alle bestaande records laden</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Naam:</translation>
    </message>
</context>
<context>
    <name>zaw::DemoEnvironment</name>
    <message>
        <source>The demo sandbox could not read its saved state (%1). Delete the file to start afresh.</source>
        <translation>De demosandbox kon zijn opgeslagen toestand niet lezen (%1). Verwijder het bestand om opnieuw te beginnen.</translation>
    </message>
    <message>
        <source>The demo sandbox could not start: %1</source>
        <translation>De demosandbox kon niet starten: %1</translation>
    </message>
    <message>
        <source>The demo sandbox did not change the Zoho data (HTTP %1). Try again.</source>
        <translation>De demosandbox heeft de Zoho-gegevens niet gewijzigd (HTTP %1). Probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>zaw::DonePage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Run &amp;now (demo sandbox)</source>
        <translation>&amp;Nu uitvoeren (demosandbox)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Dataflow:</source>
        <translation>Dataflow:</translation>
    </message>
    <message>
        <source>First run:</source>
        <translation>Eerste run:</translation>
    </message>
    <message>
        <source>Source account (base connection)</source>
        <translation>Bronaccount (basisverbinding)</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Source connection</source>
        <translation>Bronverbinding</translation>
    </message>
    <message>
        <source>Target connection</source>
        <translation>Doelverbinding</translation>
    </message>
    <message>
        <source>Mapping set</source>
        <translation>Mappingset</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>Dataflow</translation>
    </message>
    <message>
        <source>The dataflow &quot;%1&quot; reads Zoho CRM module %2 into Experience Platform.</source>
        <translation>De dataflow &quot;%1&quot; leest Zoho CRM-module %2 in Experience Platform in.</translation>
    </message>
    <message>
        <source>Demo mode: everything was made in the built-in sandbox. With a real organisation you would find the dataflow in Experience Platform under Sources › Dataflows.</source>
        <translation>Demomodus: alles is gemaakt in de ingebouwde sandbox. Bij een echte organisatie vindt u de dataflow in Experience Platform onder Sources › Dataflows.</translation>
    </message>
    <message>
        <source>See it in &lt;a href=&quot;%1&quot;&gt;Experience Platform&lt;/a&gt;: Sources › Dataflows, sandbox %2, dataflow &quot;%3&quot;.</source>
        <translation>Bekijk hem in &lt;a href=&quot;%1&quot;&gt;Experience Platform&lt;/a&gt;: Sources › Dataflows, sandbox %2, dataflow &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>Could not be read: %1</source>
        <translation>Kon niet worden gelezen: %1</translation>
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
    <message>
        <source>Production</source>
        <translation>Productie</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Ontwikkeling</translation>
    </message>
</context>
<context>
    <name>zaw::ErrorPanel</name>
    <message>
        <source>Copy details</source>
        <translation>Details kopiëren</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>zaw::ForgetPage</name>
    <message>
        <source>Also &amp;delete its dataflows, source and target connections and its account in Experience Platform (datasets and schemas are kept)</source>
        <translation>Ook de dataflows, bron- en doelverbindingen en het account in Experience Platform &amp;verwijderen (datasets en schema&apos;s blijven)</translation>
    </message>
    <message>
        <source>&amp;Forget this connection</source>
        <translation>Deze koppeling &amp;vergeten</translation>
    </message>
    <message>
        <source>Forget a connection</source>
        <translation>Een koppeling vergeten</translation>
    </message>
    <message>
        <source>Forgetting &quot;%1&quot; cannot be undone.</source>
        <translation>Het vergeten van &quot;%1&quot; kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>Zoho is asked to revoke the sign-in of %1 (%2), and the connection&apos;s secrets are deleted from the system keychain, with its profile.</source>
        <translation>Zoho wordt gevraagd de aanmelding van %1 (%2) in te trekken, en de geheimen van de koppeling worden met het profiel uit de systeemsleutelhanger verwijderd.</translation>
    </message>
    <message>
        <source>The connection is forgotten: its secrets and its profile are deleted.</source>
        <translation>De koppeling is vergeten: de geheimen en het profiel zijn verwijderd.</translation>
    </message>
    <message>
        <source>Zoho revoked the sign-in.</source>
        <translation>Zoho heeft de aanmelding ingetrokken.</translation>
    </message>
    <message>
        <source>Deleted in Experience Platform: %1.</source>
        <translation>Verwijderd in Experience Platform: %1.</translation>
    </message>
</context>
<context>
    <name>zaw::LoopbackListener</name>
    <message>
        <source>The redirect URI %1 is not a loopback address (http://127.0.0.1:PORT/… or http://localhost:PORT/…), so the answer cannot come back to this computer. Paste the final URL instead.</source>
        <translation>De redirect-URI %1 is geen loopbackadres (http://127.0.0.1:PORT/… of http://localhost:PORT/…), dus het antwoord kan niet terugkomen op deze computer. Plak in plaats daarvan de uiteindelijke URL.</translation>
    </message>
    <message>
        <source>Port %1 on this computer is already in use, so the sign-in answer cannot be received. Close the program using it, or register another redirect URI in Zoho&apos;s API console.</source>
        <translation>Poort %1 op deze computer is al in gebruik, dus het antwoord op de aanmelding kan niet worden ontvangen. Sluit het programma dat de poort gebruikt, of registreer een andere redirect-URI in de API-console van Zoho.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>This address only receives the answer of Zoho&apos;s sign-in.</source>
        <translation>Dit adres ontvangt alleen het antwoord van Zoho op de aanmelding.</translation>
    </message>
    <message>
        <source>Zoho&apos;s answer has reached the application. You can close this tab.</source>
        <translation>Het antwoord van Zoho is bij de toepassing aangekomen. U kunt dit tabblad sluiten.</translation>
    </message>
    <message>
        <source>Sign-in not completed</source>
        <translation>Aanmelden niet voltooid</translation>
    </message>
    <message>
        <source>You can close this tab.</source>
        <translation>U kunt dit tabblad sluiten.</translation>
    </message>
    <message>
        <source>Sign-in received</source>
        <translation>Aanmelding ontvangen</translation>
    </message>
    <message>
        <source>Port %1 is already in use on this computer&apos;s IPv6 loopback address (::1), so a browser that goes to &quot;localhost&quot; over IPv6 would hand the sign-in answer to another program. Close the program using it, or register a redirect URI with 127.0.0.1 or another port in Zoho&apos;s API console.</source>
        <translation>Poort %1 is op het IPv6-loopbackadres van deze computer (::1) al in gebruik. Een browser die via IPv6 naar &quot;localhost&quot; gaat, zou het antwoord van de aanmelding dan aan een ander programma geven. Sluit het programma dat de poort gebruikt, of registreer in de API-console van Zoho een omleidings-URI met 127.0.0.1 of een andere poort.</translation>
    </message>
</context>
<context>
    <name>zaw::ManagePage</name>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Inschakelen</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Uitschakelen</translation>
    </message>
    <message>
        <source>&amp;Change schedule</source>
        <translation>Planning &amp;wijzigen</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>Ver&amp;wijderen…</translation>
    </message>
    <message>
        <source>Manage dataflows</source>
        <translation>Dataflows beheren</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>Gegevensstroom</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Run started</source>
        <translation>Run gestart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Records (read / ingested / failed)</source>
        <translation>Records (gelezen / opgenomen / mislukt)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Experience Platform needs an interval of at least %1 for this frequency.</source>
        <translation>Experience Platform vraagt voor deze frequentie een interval van minstens %1.</translation>
    </message>
    <message>
        <source>The dataflows of &quot;%1&quot;.</source>
        <translation>De dataflows van &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Reading the dataflows…</source>
        <translation>De dataflows worden gelezen…</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>De runs konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>Nog geen run.</translation>
    </message>
    <message>
        <source>Enabling the dataflow…</source>
        <translation>De dataflow wordt ingeschakeld…</translation>
    </message>
    <message>
        <source>Disabling the dataflow…</source>
        <translation>De dataflow wordt uitgeschakeld…</translation>
    </message>
    <message>
        <source>The dataflow is enabled.</source>
        <translation>De dataflow is ingeschakeld.</translation>
    </message>
    <message>
        <source>The dataflow is disabled.</source>
        <translation>De dataflow is uitgeschakeld.</translation>
    </message>
    <message>
        <source>Changing the schedule…</source>
        <translation>De planning wordt gewijzigd…</translation>
    </message>
    <message>
        <source>The schedule is changed.</source>
        <translation>De planning is gewijzigd.</translation>
    </message>
    <message>
        <source>Delete the dataflow</source>
        <translation>De dataflow verwijderen</translation>
    </message>
    <message>
        <source>Delete the dataflow &quot;%1&quot; in Experience Platform? Its runs stop; the dataset and the data already loaded stay.</source>
        <translation>De dataflow &quot;%1&quot; in Experience Platform verwijderen? De runs stoppen; de dataset en de al geladen gegevens blijven.</translation>
    </message>
    <message>
        <source>Deleting the dataflow…</source>
        <translation>De dataflow wordt verwijderd…</translation>
    </message>
    <message>
        <source>The dataflow &quot;%1&quot; is deleted.</source>
        <translation>De dataflow &quot;%1&quot; is verwijderd.</translation>
    </message>
</context>
<context>
    <name>zaw::MappingPage</name>
    <message>
        <source>&amp;Propose again</source>
        <translation>Opnieuw &amp;voorstellen</translation>
    </message>
    <message>
        <source>&amp;Check with Data Prep</source>
        <translation>&amp;Controleren met Data Prep</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>Each ticked row copies a Zoho CRM column into a field of the dataset&apos;s XDM schema. Edit a path by double-clicking it; untick a row to leave the column out.</source>
        <translation>Elke aangevinkte rij kopieert een Zoho CRM-kolom naar een veld van het XDM-schema van de dataset. Dubbelklik op een pad om het te wijzigen; vink een rij uit om de kolom weg te laten.</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mappen</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>Bronkolom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>XDM path</source>
        <translation>XDM-pad</translation>
    </message>
    <message>
        <source>Reading the dataset&apos;s schema to propose a mapping…</source>
        <translation>Het schema van de dataset wordt gelezen om een mapping voor te stellen…</translation>
    </message>
    <message>
        <source>Row %1 (%2) is ticked but has no XDM path: enter one or untick the row.</source>
        <translation>Rij %1 (%2) is aangevinkt maar heeft geen XDM-pad: vul er een in of vink de rij uit.</translation>
    </message>
    <message>
        <source>Row %1: the new schema has no field &quot;%2&quot;. Use one of the proposed paths, or untick the row.</source>
        <translation>Rij %1: het nieuwe schema heeft geen veld &quot;%2&quot;. Gebruik een van de voorgestelde paden, of vink de rij uit.</translation>
    </message>
    <message>
        <source>Data Prep is checking the mapping…</source>
        <translation>Data Prep controleert de mapping…</translation>
    </message>
    <message>
        <source>Data Prep accepts the mapping.</source>
        <translation>Data Prep accepteert de mapping.</translation>
    </message>
</context>
<context>
    <name>zaw::NetworkSettingsDialog</name>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>Proxyinstellingen van het systeem gebruiken</translation>
    </message>
    <message>
        <source>Use this proxy:</source>
        <translation>Deze proxy gebruiken:</translation>
    </message>
    <message>
        <source>Network settings</source>
        <translation>Netwerkinstellingen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>ongewijzigd</translation>
    </message>
    <message>
        <source>Used for Zoho, Adobe and the embedded browser alike. The password is kept in your system keychain.</source>
        <translation>Geldt voor Zoho, Adobe en de ingebouwde browser. Het wachtwoord wordt bewaard in de sleutelbos van uw systeem.</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name, for example proxy.example.com.</source>
        <translation>Voer de hostnaam van de proxy in, bijvoorbeeld proxy.example.com.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;oort:</translation>
    </message>
    <message>
        <source>&amp;User name (optional):</source>
        <translation>&amp;Gebruikersnaam (optioneel):</translation>
    </message>
    <message>
        <source>Pass&amp;word (optional):</source>
        <translation>&amp;Wachtwoord (optioneel):</translation>
    </message>
</context>
<context>
    <name>zaw::ReconnectDonePage</name>
    <message>
        <source>Reconnected</source>
        <translation>Opnieuw verbonden</translation>
    </message>
    <message>
        <source>What changed:
%1</source>
        <translation>Wat er veranderde:
%1</translation>
    </message>
    <message>
        <source>The connection works again.</source>
        <translation>De koppeling werkt weer.</translation>
    </message>
    <message>
        <source>The connection was not changed.</source>
        <translation>De koppeling is niet gewijzigd.</translation>
    </message>
    <message>
        <source>Checking the account and updating the Experience Platform account…</source>
        <translation>Het account wordt gecontroleerd en het Experience Platform-account bijgewerkt…</translation>
    </message>
</context>
<context>
    <name>zaw::ReconnectPage</name>
    <message>
        <source>Check and &amp;replace</source>
        <translation>Controleren en &amp;vervangen</translation>
    </message>
    <message>
        <source>Check and re&amp;place</source>
        <translation>Controleren en ve&amp;rvangen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Opnieuw verbinden</translation>
    </message>
    <message>
        <source>The saved Zoho sign-in is tried first. If Zoho no longer accepts it, you sign in again; the Experience Platform account then gets the new credentials.</source>
        <translation>Eerst wordt de opgeslagen Zoho-aanmelding geprobeerd. Aanvaardt Zoho die niet meer, dan meldt u zich opnieuw aan; het Experience Platform-account krijgt daarna de nieuwe referenties.</translation>
    </message>
    <message>
        <source>A client secret was changed?</source>
        <translation>Is een clientgeheim gewijzigd?</translation>
    </message>
    <message>
        <source>New &amp;Zoho client secret:</source>
        <translation>Nieuw &amp;Zoho-clientgeheim:</translation>
    </message>
    <message>
        <source>New &amp;Adobe client secret:</source>
        <translation>Nieuw &amp;Adobe-clientgeheim:</translation>
    </message>
    <message>
        <source>Zoho no longer accepts the saved sign-in. Next opens Zoho&apos;s sign-in page: sign in as %1 (%2).</source>
        <translation>Zoho aanvaardt de opgeslagen aanmelding niet meer. Volgende opent de aanmeldpagina van Zoho: meld u aan als %1 (%2).</translation>
    </message>
    <message>
        <source>Enter the new secret first.</source>
        <translation>Vul eerst het nieuwe geheim in.</translation>
    </message>
</context>
<context>
    <name>zaw::ReviewPage</name>
    <message>
        <source>E&amp;xport as script…</source>
        <translation>E&amp;xporteren als script…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>These are the objects Create makes in Experience Platform, in this order. Select one to see the request that makes it.</source>
        <translation>Dit zijn de objecten die Aanmaken in Experience Platform maakt, in deze volgorde. Selecteer er een om het verzoek te zien dat het maakt.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Aanmaken</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Wat er gebeurt</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Verzoek</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s) from %1</source>
        <translation>
            <numerusform>elke minuut vanaf %1</numerusform>
            <numerusform>elke %n minuten vanaf %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s) from %1</source>
        <translation>
            <numerusform>elk uur vanaf %1</numerusform>
            <numerusform>elke %n uur vanaf %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s) from %1</source>
        <translation>
            <numerusform>elke dag vanaf %1</numerusform>
            <numerusform>elke %n dagen vanaf %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s) from %1</source>
        <translation>
            <numerusform>elke week vanaf %1</numerusform>
            <numerusform>elke %n weken vanaf %1</numerusform>
        </translation>
    </message>
    <message>
        <source>once, at %1</source>
        <translation>eenmalig, om %1</translation>
    </message>
    <message>
        <source>Module %1 → %2, sandbox %3. Runs %4.</source>
        <translation>Module %1 → %2, sandbox %3. Draait %4.</translation>
    </message>
    <message>
        <source>new dataset &quot;%1&quot;</source>
        <translation>nieuwe dataset &quot;%1&quot;</translation>
    </message>
    <message>
        <source>existing dataset %1</source>
        <translation>bestaande dataset %1</translation>
    </message>
    <message>
        <source>Uses the existing one (%1)</source>
        <translation>Gebruikt de bestaande (%1)</translation>
    </message>
    <message>
        <source>Made already (%1)</source>
        <translation>Al gemaakt (%1)</translation>
    </message>
    <message>
        <source>Will be created</source>
        <translation>Wordt aangemaakt</translation>
    </message>
    <message>
        <source>Secrets are never shown or written: the bodies hold {{NAME}} where a secret or the ID of an earlier object goes. An exported script reads %1 from environment variables.</source>
        <translation>Geheimen worden nooit getoond of weggeschreven: de bodies bevatten {{NAME}} waar een geheim of de ID van een eerder object komt. Een geëxporteerd script leest %1 uit omgevingsvariabelen.</translation>
    </message>
    <message>
        <source>No request: the existing object %1 is used.</source>
        <translation>Geen verzoek: het bestaande object %1 wordt gebruikt.</translation>
    </message>
    <message>
        <source>The script could not be written to %1: %2</source>
        <translation>Het script kon niet naar %1 worden geschreven: %2</translation>
    </message>
    <message>
        <source>Export as script</source>
        <translation>Exporteren als script</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh);;All files (*)</source>
        <translation>Shellscripts (*.sh);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Written to %1. Run it with bash; it needs curl and jq.</source>
        <translation>Geschreven naar %1. Voer het uit met bash; het heeft curl en jq nodig.</translation>
    </message>
</context>
<context>
    <name>zaw::SelectDataPage</name>
    <message>
        <source>Select data</source>
        <translation>Gegevens kiezen</translation>
    </message>
    <message>
        <source>Choose the Zoho CRM module to load. Its columns and first rows are shown as Experience Platform reads them.</source>
        <translation>Kies de Zoho CRM-module die geladen wordt. De kolommen en eerste rijen worden getoond zoals Experience Platform ze leest.</translation>
    </message>
    <message>
        <source>Search modules</source>
        <translation>Modules zoeken</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>XDM type</source>
        <translation>XDM-type</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Kolommen</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Voorbeeld</translation>
    </message>
    <message>
        <source>Reading the modules of your Zoho CRM through Experience Platform…</source>
        <translation>De modules van uw Zoho CRM worden via Experience Platform gelezen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Experience Platform found no module it can read.</source>
        <translation>Experience Platform vond geen module die het kan lezen.</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s). Choose one.</source>
        <translation>
            <numerusform>%n module. Kies er een.</numerusform>
            <numerusform>%n modules. Kies er een.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the columns and a preview of %1…</source>
        <translation>De kolommen en een voorbeeld van %1 worden gelezen…</translation>
    </message>
    <message>
        <source>Experience Platform reports no columns for %1, so it cannot be loaded. Choose another module.</source>
        <translation>Experience Platform meldt geen kolommen voor %1, dus die kan niet worden geladen. Kies een andere module.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Geen voorbeeld: %1</translation>
    </message>
    <message>
        <source>The module has no records yet.</source>
        <translation>De module heeft nog geen records.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s), as Experience Platform reads them.</source>
        <translation>
            <numerusform>De eerste rij, zoals Experience Platform die leest.</numerusform>
            <numerusform>De eerste %n rijen, zoals Experience Platform ze leest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n column(s).</source>
        <translation>
            <numerusform>%1: %n kolom.</numerusform>
            <numerusform>%1: %n kolommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the Zoho CRM module to sync. Its fields and first records are read straight from Zoho CRM.</source>
        <translation>Kies de Zoho CRM-module die u wilt synchroniseren. De velden en eerste records ervan worden rechtstreeks uit Zoho CRM gelezen.</translation>
    </message>
    <message>
        <source>Reading the modules of your Zoho CRM…</source>
        <translation>De modules van uw Zoho CRM lezen…</translation>
    </message>
    <message>
        <source>Zoho CRM lists no module that can be read.</source>
        <translation>Zoho CRM toont geen module die kan worden gelezen.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n record(s), as Zoho CRM answers them.</source>
        <translation>
            <numerusform>Het eerste record, zoals Zoho CRM het teruggeeft.</numerusform>
            <numerusform>De eerste %n records, zoals Zoho CRM ze teruggeeft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SourceAccountPage</name>
    <message>
        <source>Use an &amp;existing Zoho CRM account</source>
        <translation>Een &amp;bestaand Zoho CRM-account gebruiken</translation>
    </message>
    <message>
        <source>Source account</source>
        <translation>Bronaccount</translation>
    </message>
    <message>
        <source>Experience Platform keeps the Zoho CRM credentials in a source account (a base connection). Create one, or reuse one made earlier: its credentials are replaced with this sign-in&apos;s.</source>
        <translation>Experience Platform bewaart de Zoho CRM-referenties in een bronaccount (een basisverbinding). Maak er een, of gebruik er een die eerder is gemaakt: de referenties daarvan worden vervangen door die van deze aanmelding.</translation>
    </message>
    <message>
        <source>&amp;Description (optional):</source>
        <translation>&amp;Beschrijving (optioneel):</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
    <message>
        <source>Zoho CRM</source>
        <translation>Zoho CRM</translation>
    </message>
    <message>
        <source>Zoho CRM – %1</source>
        <translation>Zoho CRM – %1</translation>
    </message>
    <message>
        <source>Checking that Experience Platform offers the Zoho CRM source…</source>
        <translation>Er wordt gecontroleerd of Experience Platform de Zoho CRM-bron aanbiedt…</translation>
    </message>
    <message>
        <source>Looking for Zoho CRM accounts made earlier…</source>
        <translation>Er wordt gezocht naar eerder gemaakte Zoho CRM-accounts…</translation>
    </message>
    <message>
        <source>The existing accounts could not be listed (%1). You can still create a new one.</source>
        <translation>De bestaande accounts konden niet worden opgesomd (%1). U kunt nog steeds een nieuw account maken.</translation>
    </message>
    <message>
        <source>There is no Zoho CRM account in this sandbox yet.</source>
        <translation>Er is nog geen Zoho CRM-account in deze sandbox.</translation>
    </message>
    <message numerus="yes">
        <source>%n Zoho CRM account(s) found in this sandbox.</source>
        <translation>
            <numerusform>%n Zoho CRM-account gevonden in deze sandbox.</numerusform>
            <numerusform>%n Zoho CRM-accounts gevonden in deze sandbox.</numerusform>
        </translation>
    </message>
    <message>
        <source>Giving the account the new Zoho CRM credentials…</source>
        <translation>Het account krijgt de nieuwe Zoho CRM-referenties…</translation>
    </message>
    <message>
        <source>Creating the account in Experience Platform…</source>
        <translation>Het account wordt in Experience Platform gemaakt…</translation>
    </message>
    <message>
        <source>The account is ready.</source>
        <translation>Het account is klaar.</translation>
    </message>
    <message>
        <source>Create a ne&amp;w Zoho CRM account in Experience Platform</source>
        <translation>Een &amp;nieuw Zoho CRM-account in Experience Platform maken</translation>
    </message>
    <message>
        <source>&amp;Sync from this computer: it reads Zoho CRM and writes the records into a dataset on a schedule</source>
        <translation>&amp;Synchroniseren vanaf deze computer: die leest Zoho CRM en schrijft de records volgens een planning in een dataset</translation>
    </message>
    <message>
        <source>Account na&amp;me:</source>
        <translation>Account&amp;naam:</translation>
    </message>
    <message>
        <source>How the records get from Zoho CRM into Experience Platform.</source>
        <translation>Hoe de records van Zoho CRM in Experience Platform komen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Experience Platform no longer offers the Zoho CRM source.&lt;/b&gt; Adobe retired it at the end of June 2025, so this organisation cannot make a Zoho CRM source account or dataflow. Choose &lt;i&gt;Sync from this computer&lt;/i&gt;: this computer reads Zoho CRM and writes the records into an Experience Platform dataset itself, on a schedule.</source>
        <translation>&lt;b&gt;Experience Platform biedt de Zoho CRM-bron niet meer aan.&lt;/b&gt; Adobe heeft die eind juni 2025 uitgefaseerd, dus deze organisatie kan geen Zoho CRM-bronaccount of -dataflow maken. Kies &lt;i&gt;Synchroniseren vanaf deze computer&lt;/i&gt;: deze computer leest dan zelf Zoho CRM en schrijft de records volgens een planning in een dataset van Experience Platform.</translation>
    </message>
</context>
<context>
    <name>zaw::SyncBackend</name>
    <message>
        <source>no run yet</source>
        <translation>nog geen run</translation>
    </message>
    <message>
        <source>Sync of %1 from this computer: %2</source>
        <translation>Synchronisatie van %1 vanaf deze computer: %2</translation>
    </message>
    <message>
        <source>Sync of %1 from this computer: %2 – needs attention (run Sync now under Manage dataflows)</source>
        <translation>Synchronisatie van %1 vanaf deze computer: %2 – vereist aandacht (voer Nu synchroniseren uit onder Dataflows beheren)</translation>
    </message>
    <message numerus="yes">
        <source>last run %1: %Ln record(s), %2</source>
        <translation>
            <numerusform>laatste run %1: %Ln record, %2</numerusform>
            <numerusform>laatste run %1: %Ln records, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncCommand</name>
    <message>
        <source>Show this help.</source>
        <translation>Toon deze hulp.</translation>
    </message>
    <message>
        <source>Only this Zoho module (e.g. Leads).</source>
        <translation>Alleen deze Zoho-module (bijv. Leads).</translation>
    </message>
    <message>
        <source>How often the sync runs: 30m, 4h, 1d … (5 minutes to 1 day; default: the connection&apos;s, 4h).</source>
        <translation>Hoe vaak de synchronisatie wordt uitgevoerd: 30m, 4h, 1d … (5 minuten tot 1 dag; standaard: die van de koppeling, 4h).</translation>
    </message>
    <message>
        <source>Runs the direct sync of the saved connection once: reads what changed in Zoho CRM since the last run and sends it to Experience Platform. Secrets come from the keychain only.</source>
        <translation>Voert de directe synchronisatie van de opgeslagen koppeling één keer uit: leest wat er sinds de laatste run in Zoho CRM is gewijzigd en verzendt dat naar Experience Platform. Geheimen komen alleen uit de sleutelhanger.</translation>
    </message>
    <message>
        <source>install [--every DURATION] | show | remove: the background schedule of the direct sync (a systemd user timer, a LaunchAgent or a Task Scheduler task), one per connection.</source>
        <translation>install [--every DURATION] | show | remove: de achtergrondplanning van de directe synchronisatie (een systemd-gebruikerstimer, een LaunchAgent of een taak in Task Scheduler), één per koppeling.</translation>
    </message>
    <message>
        <source>install, show or remove</source>
        <translation>install, show of remove</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Onverwacht argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Say what to do with the schedule: install, show or remove.</source>
        <translation>Geef aan wat er met de planning moet gebeuren: install, show of remove.</translation>
    </message>
    <message>
        <source>--every goes with &quot;schedule install&quot; only.</source>
        <translation>--every hoort alleen bij &quot;schedule install&quot;.</translation>
    </message>
    <message>
        <source>--every must be a duration from 5m to 1d, for example 30m, 4h or 1d (not &quot;%1&quot;).</source>
        <translation>--every moet een duur van 5m tot 1d zijn, bijvoorbeeld 30m, 4h of 1d (niet &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>There is no saved connection called &quot;%1&quot;. Set one up with zoho-login, adobe-login and &quot;create --mode sync&quot;.</source>
        <translation>Er is geen opgeslagen koppeling met de naam &quot;%1&quot;. Richt er een in met zoho-login, adobe-login en &quot;create --mode sync&quot;.</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; has no direct sync. Set one up with &quot;zoho-aep-connect create --table MODULE --mode sync&quot;.</source>
        <translation>De koppeling &quot;%1&quot; heeft geen directe synchronisatie. Richt er een in met &quot;zoho-aep-connect create --table MODULE --mode sync&quot;.</translation>
    </message>
    <message>
        <source>The connection does not sync %1; it syncs: %2.</source>
        <translation>De koppeling synchroniseert %1 niet; ze synchroniseert: %2.</translation>
    </message>
    <message>
        <source>%1: starting…</source>
        <translation>%1: starten…</translation>
    </message>
    <message>
        <source>%1: reading the changes from Zoho CRM…</source>
        <translation>%1: de wijzigingen uit Zoho CRM lezen…</translation>
    </message>
    <message>
        <source>%1: sending %2 records and %3 deletions…</source>
        <translation>%1: %2 records en %3 verwijderingen verzenden…</translation>
    </message>
    <message>
        <source>%1: waiting for Experience Platform to ingest the batch…</source>
        <translation>%1: wachten tot Experience Platform de batch heeft opgenomen…</translation>
    </message>
    <message>
        <source>%1: nothing changed.</source>
        <translation>%1: niets gewijzigd.</translation>
    </message>
    <message>
        <source>%1: %2 records and %3 deletions sent in batch %4 (%5).</source>
        <translation>%1: %2 records en %3 verwijderingen verzonden in batch %4 (%5).</translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation>%1: %2%3</translation>
    </message>
    <message>
        <source>%1: %2 rows were rejected by Experience Platform.</source>
        <translation>%1: %2 rijen zijn door Experience Platform geweigerd.</translation>
    </message>
    <message>
        <source>Another run of this connection&apos;s sync is in progress; nothing was done.</source>
        <translation>Er loopt al een andere run van de synchronisatie van deze koppeling; er is niets gedaan.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fout: %1</translation>
    </message>
    <message>
        <source>There is no saved connection called &quot;%1&quot;.</source>
        <translation>Er is geen opgeslagen koppeling met de naam &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; has no direct sync to schedule. Set one up with &quot;create --table MODULE --mode sync&quot; first.</source>
        <translation>De koppeling &quot;%1&quot; heeft geen directe synchronisatie om te plannen. Richt er eerst een in met &quot;create --table MODULE --mode sync&quot;.</translation>
    </message>
    <message>
        <source>Every %1 minutes with %2 modules makes up to %3 batches a day, more than the %4 a day Experience Platform recommends for a sandbox. Consider a longer interval.</source>
        <translation>Elke %1 minuten met %2 modules levert tot %3 batches per dag op, meer dan de %4 per dag die Experience Platform voor een sandbox aanbeveelt. Overweeg een langer interval.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Het profiel kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>This is a demo connection (its services run inside the wizard): the schedule&apos;s files are written but not enabled.</source>
        <translation>Dit is een demokoppeling (de services ervan draaien in de wizard): de bestanden van de planning worden geschreven, maar niet ingeschakeld.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Waarschuwing: %1</translation>
    </message>
    <message>
        <source>Schedule installed: every %1 minutes.</source>
        <translation>Planning geïnstalleerd: elke %1 minuten.</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Opdracht: %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <source>No schedule is installed for the connection &quot;%1&quot;.</source>
        <translation>Er is geen planning geïnstalleerd voor de koppeling &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Every %1 minutes, %2.</source>
        <translation>Elke %1 minuten, %2.</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>ingeschakeld</translation>
    </message>
    <message>
        <source>not enabled</source>
        <translation>niet ingeschakeld</translation>
    </message>
    <message>
        <source>Next run: %1</source>
        <translation>Volgende run: %1</translation>
    </message>
    <message>
        <source>Last result: %1</source>
        <translation>Laatste resultaat: %1</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>nog geen run</translation>
    </message>
    <message>
        <source>The schedule of &quot;%1&quot; is removed.</source>
        <translation>De planning van &quot;%1&quot; is verwijderd.</translation>
    </message>
    <message>
        <source>No schedule was installed for &quot;%1&quot;.</source>
        <translation>Er was geen planning geïnstalleerd voor &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>zaw::SyncCreatePage</name>
    <message>
        <source>Cancel the &amp;run</source>
        <translation>&amp;Run annuleren</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>The schema and dataset are made, the schedule is installed, then the first sync loads every record of the module. If a step fails, fix the cause and try again: nothing is made twice.</source>
        <translation>Het schema en de dataset worden gemaakt, de planning wordt geïnstalleerd en daarna laadt de eerste synchronisatie alle records van de module. Als een stap mislukt, verhelp dan de oorzaak en probeer het opnieuw: niets wordt twee keer gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Volgende</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stap</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Open the connection</source>
        <translation>De koppeling openen</translation>
    </message>
    <message>
        <source>Schema and dataset</source>
        <translation>Schema en dataset</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Eerste synchronisatie</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wachten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Making the schema and dataset…</source>
        <translation>Schema en dataset maken…</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 van %3)</translation>
    </message>
    <message>
        <source>schema %1, dataset %2</source>
        <translation>schema %1, dataset %2</translation>
    </message>
    <message>
        <source>%1, turned on</source>
        <translation>%1, ingeschakeld</translation>
    </message>
    <message>
        <source>%1, written but not turned on (demo)</source>
        <translation>%1, geschreven maar niet ingeschakeld (demo)</translation>
    </message>
    <message>
        <source>The first sync reads every %1 record…</source>
        <translation>De eerste synchronisatie leest alle records van %1…</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Vereist aandacht</translation>
    </message>
</context>
<context>
    <name>zaw::SyncDonePage</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>Cancel the &amp;run</source>
        <translation>&amp;Run annuleren</translation>
    </message>
    <message>
        <source>Change demo data in &amp;Zoho</source>
        <translation>Demogegevens in &amp;Zoho wijzigen</translation>
    </message>
    <message>
        <source>Sync from this computer</source>
        <translation>Synchroniseren vanaf deze computer</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Voltooid</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Adds 3 leads, edits one and deletes one in the demo&apos;s Zoho CRM, so the next sync has something to send.</source>
        <translation>Voegt 3 leads toe, bewerkt er één en verwijdert er één in de Zoho CRM van de demo, zodat de volgende synchronisatie iets te verzenden heeft.</translation>
    </message>
    <message>
        <source>Last runs:</source>
        <translation>Laatste runs:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → dataset %2 (schema %3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → dataset %2 (schema %3)</translation>
    </message>
    <message>
        <source>no schedule installed</source>
        <translation>geen planning geïnstalleerd</translation>
    </message>
    <message>
        <source>%1, turned on</source>
        <translation>%1, ingeschakeld</translation>
    </message>
    <message>
        <source>%1, written but not turned on: nothing serves the demo sandbox once the wizard is closed, so use Sync now</source>
        <translation>%1, geschreven maar niet ingeschakeld: niets bedient de demosandbox zodra de wizard is gesloten, dus gebruik Nu synchroniseren</translation>
    </message>
    <message>
        <source>%1, written but not turned on</source>
        <translation>%1, geschreven maar niet ingeschakeld</translation>
    </message>
    <message>
        <source>&lt;p&gt;Connection &lt;b&gt;%1&lt;/b&gt; syncs from this computer:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Koppeling &lt;b&gt;%1&lt;/b&gt; synchroniseert vanaf deze computer:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Schedule: %1</source>
        <translation>Planning: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Scheduler files: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Plannerbestanden: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1: the last run did not succeed (%2)</source>
        <translation>%1: de laatste run is niet gelukt (%2)</translation>
    </message>
    <message>
        <source>%1: no run for two intervals</source>
        <translation>%1: al twee intervallen geen run</translation>
    </message>
    <message>
        <source>Health: fine.</source>
        <translation>Status: in orde.</translation>
    </message>
    <message>
        <source>Needs attention: %1. Run Sync now, or see the last runs below.</source>
        <translation>Vereist aandacht: %1. Voer Nu synchroniseren uit of bekijk de laatste runs hieronder.</translation>
    </message>
    <message>
        <source>another run was busy</source>
        <translation>een andere run was bezig</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <source>Changing the demo&apos;s Zoho CRM data…</source>
        <translation>De Zoho CRM-gegevens van de demo wijzigen…</translation>
    </message>
    <message>
        <source>The demo&apos;s Zoho CRM has fewer than two leads to change.</source>
        <translation>De Zoho CRM van de demo heeft minder dan twee leads om te wijzigen.</translation>
    </message>
    <message>
        <source>In Zoho CRM: 3 leads added, 1 edited, 1 deleted. Sync now sends them.</source>
        <translation>In Zoho CRM: 3 leads toegevoegd, 1 bewerkt, 1 verwijderd. Nu synchroniseren verzendt ze.</translation>
    </message>
</context>
<context>
    <name>zaw::SyncMappingPage</name>
    <message>
        <source>Mapping</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <source>This computer turns each Zoho CRM record into one XDM row as below, before it sends the rows to Experience Platform. Deleted records arrive as rows marked deleted.</source>
        <translation>Deze computer zet elk Zoho CRM-record om in één XDM-rij zoals hieronder, voordat de rijen naar Experience Platform worden verzonden. Verwijderde records komen binnen als rijen die als verwijderd zijn gemarkeerd.</translation>
    </message>
    <message>
        <source>Zoho field</source>
        <translation>Zoho-veld</translation>
    </message>
    <message>
        <source>XDM path</source>
        <translation>XDM-pad</translation>
    </message>
    <message>
        <source>XDM type</source>
        <translation>XDM-type</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Waarom het is weggelaten</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Weggelaten:</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n field(s) go into the new schema.</source>
        <translation>
            <numerusform>%1: %n veld gaat naar het nieuwe schema.</numerusform>
            <numerusform>%1: %n velden gaan naar het nieuwe schema.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the fields below are written into the existing dataset; its schema must have them.</source>
        <translation>%1: de onderstaande velden worden in de bestaande dataset geschreven; het schema ervan moet ze bevatten.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Identity: the Zoho record id at %1. A deleted record becomes a row with %2 = true and the deletion time at %3.</source>
        <translation>Identiteit: de Zoho-record-id in %1. Een verwijderd record wordt een rij met %2 = true en het tijdstip van verwijdering in %3.</translation>
    </message>
</context>
<context>
    <name>zaw::SyncPages</name>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>elke %n minuut</numerusform>
            <numerusform>elke %n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>elk uur</numerusform>
            <numerusform>elke %n uur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Create makes these objects in Experience Platform, installs the schedule and runs the first sync.</source>
        <translation>Met Aanmaken worden deze objecten in Experience Platform gemaakt, wordt de planning geïnstalleerd en wordt de eerste synchronisatie uitgevoerd.</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Aanmaken</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Zoho CRM module:&lt;/b&gt; %1 (%n field(s) read)</source>
        <translation>
            <numerusform>&lt;b&gt;Zoho CRM-module:&lt;/b&gt; %1 (%n veld gelezen)</numerusform>
            <numerusform>&lt;b&gt;Zoho CRM-module:&lt;/b&gt; %1 (%n velden gelezen)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;XDM schema:&lt;/b&gt; a new one made from the module&apos;s fields, with the Zoho record id as identity and two fields that mark deleted records</source>
        <translation>&lt;b&gt;XDM-schema:&lt;/b&gt; een nieuw schema, gemaakt uit de velden van de module, met de Zoho-record-id als identiteit en twee velden die verwijderde records markeren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dataset:&lt;/b&gt; a new one, &quot;%1&quot;</source>
        <translation>&lt;b&gt;Dataset:&lt;/b&gt; een nieuwe, &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dataset:&lt;/b&gt; the existing %1</source>
        <translation>&lt;b&gt;Dataset:&lt;/b&gt; de bestaande %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Schedule:&lt;/b&gt; %1, written to this computer&apos;s scheduler but not turned on (demo)</source>
        <translation>&lt;b&gt;Planning:&lt;/b&gt; %1, geschreven naar de planner van deze computer maar niet ingeschakeld (demo)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Schedule:&lt;/b&gt; %1, in this computer&apos;s scheduler</source>
        <translation>&lt;b&gt;Planning:&lt;/b&gt; %1, in de planner van deze computer</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What a run does:&lt;/b&gt; it reads the %1 records changed in Zoho CRM since the last run (the first run reads them all) and those deleted since, turns them into XDM rows as on the Mapping page, and sends them to the dataset as one batch. It waits until Experience Platform has accepted the batch before it remembers how far it got, so a run that stops half-way is taken up by the next one: nothing is lost or sent twice. A run without changes sends nothing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Wat een run doet:&lt;/b&gt; hij leest de %1-records die sinds de laatste run in Zoho CRM zijn gewijzigd (de eerste run leest ze allemaal) en de records die sindsdien zijn verwijderd, zet ze om in XDM-rijen zoals op de pagina Mapping en verzendt ze als één batch naar de dataset. Hij wacht tot Experience Platform de batch heeft geaccepteerd voordat hij onthoudt hoe ver hij is gekomen, dus een run die halverwege stopt, wordt door de volgende overgenomen: er gaat niets verloren en niets wordt twee keer verzonden. Een run zonder wijzigingen verzendt niets.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>zaw::SyncRunView</name>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Failed rows</source>
        <translation>Mislukte rijen</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Reading Zoho CRM</source>
        <translation>Zoho CRM lezen</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Uploaden</translation>
    </message>
    <message>
        <source>Completing the batch</source>
        <translation>Batch voltooien</translation>
    </message>
    <message>
        <source>Waiting for Experience Platform</source>
        <translation>Wachten op Experience Platform</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>batch status: %1</source>
        <translation>batchstatus: %1</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>niets gewijzigd</translation>
    </message>
    <message>
        <source>not final yet</source>
        <translation>nog niet definitief</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>vereist aandacht</translation>
    </message>
    <message>
        <source>; batch %1: %2</source>
        <translation>; batch %1: %2</translation>
    </message>
    <message>
        <source>; %1</source>
        <translation>; %1</translation>
    </message>
    <message numerus="yes">
        <source>; %n row(s) refused by Experience Platform</source>
        <translation>
            <numerusform>; %n rij geweigerd door Experience Platform</numerusform>
            <numerusform>; %n rijen geweigerd door Experience Platform</numerusform>
        </translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Niet uitgevoerd</translation>
    </message>
    <message>
        <source>Another sync of this connection was running, so this one did nothing. Try again when it has finished.</source>
        <translation>Er liep al een andere synchronisatie van deze koppeling, dus deze heeft niets gedaan. Probeer het opnieuw als die klaar is.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>The sync stopped: %1</source>
        <translation>De synchronisatie is gestopt: %1</translation>
    </message>
    <message>
        <source>The sync of %1 stopped: %2</source>
        <translation>De synchronisatie van %1 is gestopt: %2</translation>
    </message>
    <message>
        <source>Done, with problems</source>
        <translation>Klaar, met problemen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln record(s) read</source>
        <translation>
            <numerusform>%1: %Ln record gelezen</numerusform>
            <numerusform>%1: %Ln records gelezen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deletion(s)</source>
        <translation>
            <numerusform>%Ln verwijdering</numerusform>
            <numerusform>%Ln verwijderingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) uploaded</source>
        <translation>
            <numerusform>%1 van %Ln bestand geüpload</numerusform>
            <numerusform>%1 van %Ln bestanden geüpload</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: records written: %2, deletions: %3</source>
        <translation>%1: records geschreven: %2, verwijderingen: %3</translation>
    </message>
    <message>
        <source>Finished. Sent to Experience Platform – records: %1, deletions: %2.</source>
        <translation>Klaar. Naar Experience Platform verzonden – records: %1, verwijderingen: %2.</translation>
    </message>
</context>
<context>
    <name>zaw::SyncSchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>This computer&apos;s scheduler runs the sync, also when the wizard is closed. A run sends what changed in Zoho CRM since the last one, as one batch per module.</source>
        <translation>De planner van deze computer voert de synchronisatie uit, ook als de wizard is gesloten. Een run verzendt wat er sinds de vorige run in Zoho CRM is gewijzigd, als één batch per module.</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>uur</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuten</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Run &amp;every:</source>
        <translation>&amp;Uitvoeren om de:</translation>
    </message>
    <message>
        <source>Demo: the schedule is written but not turned on, since nothing serves the demo sandbox once the wizard is closed. Use Sync now on the last page instead.</source>
        <translation>Demo: de planning wordt geschreven maar niet ingeschakeld, omdat niets de demosandbox bedient zodra de wizard is gesloten. Gebruik in plaats daarvan Nu synchroniseren op de laatste pagina.</translation>
    </message>
    <message>
        <source>Up to %1 batches a day: more than the %2 a day Experience Platform allows per sandbox. Choose a longer interval.</source>
        <translation>Tot %1 batches per dag: meer dan de %2 per dag die Experience Platform per sandbox toestaat. Kies een langer interval.</translation>
    </message>
</context>
<context>
    <name>zaw::TargetPage</name>
    <message>
        <source>Load into an &amp;existing dataset</source>
        <translation>In een &amp;bestaande dataset laden</translation>
    </message>
    <message>
        <source>Target dataset</source>
        <translation>Doeldataset</translation>
    </message>
    <message>
        <source>The records land in a dataset of the sandbox. A new dataset gets an XDM schema made from the module&apos;s fields; an existing one keeps its schema, and only matching fields are mapped.</source>
        <translation>De records komen in een dataset van de sandbox terecht. Een nieuwe dataset krijgt een XDM-schema op basis van de velden van de module; een bestaande houdt zijn schema en alleen passende velden worden gemapt.</translation>
    </message>
    <message>
        <source>&amp;Description (optional):</source>
        <translation>&amp;Beschrijving (optioneel):</translation>
    </message>
    <message>
        <source>Data&amp;set:</source>
        <translation>Data&amp;set:</translation>
    </message>
    <message>
        <source>Zoho CRM %1</source>
        <translation>Zoho CRM %1</translation>
    </message>
    <message>
        <source>Reading the sandbox&apos;s datasets…</source>
        <translation>De datasets van de sandbox worden gelezen…</translation>
    </message>
    <message>
        <source>The existing datasets could not be listed (%1). You can still create a new one.</source>
        <translation>De bestaande datasets konden niet worden opgesomd (%1). U kunt nog steeds een nieuwe maken.</translation>
    </message>
    <message>
        <source>The sandbox has no dataset with an XDM schema yet.</source>
        <translation>De sandbox heeft nog geen dataset met een XDM-schema.</translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s) in this sandbox.</source>
        <translation>
            <numerusform>%n dataset in deze sandbox.</numerusform>
            <numerusform>%n datasets in deze sandbox.</numerusform>
        </translation>
    </message>
    <message>
        <source>No dataset made for a sync from this computer yet: create a new one.</source>
        <translation>Er is nog geen dataset gemaakt voor een synchronisatie vanaf deze computer: maak een nieuwe.</translation>
    </message>
    <message>
        <source>Create a ne&amp;w dataset with a schema made from the module&apos;s fields</source>
        <translation>Een &amp;nieuwe dataset maken met een schema op basis van de velden van de module</translation>
    </message>
    <message>
        <source>Dataset na&amp;me:</source>
        <translation>Dataset&amp;naam:</translation>
    </message>
</context>
<context>
    <name>zaw::WebEngineConsentBrowser</name>
    <message>
        <source>The sign-in page tried to go to an address that is not secure (%1); it was blocked. Try again, or open the sign-in in your system browser.</source>
        <translation>De aanmeldpagina probeerde naar een onbeveiligd adres te gaan (%1); dat is tegengehouden. Probeer het opnieuw, of open de aanmelding in uw systeembrowser.</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>Adres van de aanmeldpagina</translation>
    </message>
    <message>
        <source>Warning: %1 is not a Zoho sign-in address or a known sign-in provider. Do not enter your password here; try again or open the sign-in in your system browser.</source>
        <translation>Let op: %1 is geen aanmeldadres van Zoho of van een bekende aanmelddienst. Vul hier uw wachtwoord niet in; probeer het opnieuw of open de aanmelding in uw systeembrowser.</translation>
    </message>
    <message>
        <source>The sign-in page is on %1.</source>
        <translation>De aanmeldpagina staat op %1.</translation>
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
    <message>
        <source>&lt;b&gt;Saved connections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Opgeslagen koppelingen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Opnieuw verbinden</translation>
    </message>
    <message>
        <source>&amp;Add dataflow</source>
        <translation>Dataflow &amp;toevoegen</translation>
    </message>
    <message>
        <source>Re&amp;sume setup</source>
        <translation>Inrichting &amp;hervatten</translation>
    </message>
    <message>
        <source>&amp;Manage dataflows</source>
        <translation>Dataflows &amp;beheren</translation>
    </message>
    <message>
        <source>&amp;Forget…</source>
        <translation>&amp;Vergeten…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Or press Next to set up a new connection named:</source>
        <translation>Of druk op Volgende om een nieuwe koppeling in te richten met de naam:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>Zoho CRM</source>
        <translation>Zoho CRM</translation>
    </message>
    <message>
        <source>Experience Platform</source>
        <translation>Experience Platform</translation>
    </message>
    <message>
        <source>Dataflows</source>
        <translation>Dataflows</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gezondheid</translation>
    </message>
    <message>
        <source>connection-%1</source>
        <translation>koppeling-%1</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>niet aangemeld</translation>
    </message>
    <message>
        <source>%1, %2 (%3, %4)</source>
        <translation>%1, %2 (%3, %4)</translation>
    </message>
    <message>
        <source>no credential</source>
        <translation>geen referentie</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Werkt</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Vraagt aandacht: %1</translation>
    </message>
    <message>
        <source>Experience Platform account (base connection) %1: %2</source>
        <translation>Experience Platform-account (basisverbinding) %1: %2</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>bezig met controleren…</translation>
    </message>
    <message>
        <source>no run yet</source>
        <translation>nog geen run</translation>
    </message>
    <message>
        <source>last run %1 (%2)</source>
        <translation>laatste run %1 (%2)</translation>
    </message>
    <message>
        <source>Dataflow &quot;%1&quot; (%2): %3, %4</source>
        <translation>Dataflow &quot;%1&quot; (%2): %3, %4</translation>
    </message>
    <message>
        <source>An unfinished setup (no module chosen yet).</source>
        <translation>Een onvoltooide inrichting (nog geen module gekozen).</translation>
    </message>
    <message>
        <source>An unfinished setup of %1.</source>
        <translation>Een onvoltooide inrichting van %1.</translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>Te doen: %1</translation>
    </message>
    <message>
        <source>A connection called &quot;%1&quot; exists already. Choose another name.</source>
        <translation>Er bestaat al een koppeling met de naam &quot;%1&quot;. Kies een andere naam.</translation>
    </message>
    <message>
        <source>sandbox %1</source>
        <translation>sandbox %1</translation>
    </message>
    <message>
        <source>Ac&amp;t like a 2026 organisation (Adobe&apos;s Zoho CRM source retired)</source>
        <translation>Zich &amp;gedragen als een organisatie in 2026 (Zoho CRM-bron van Adobe uitgefaseerd)</translation>
    </message>
    <message>
        <source>The demo sandbox answers like an organisation today: Experience Platform no longer offers the Zoho CRM source, so the wizard syncs from this computer instead.</source>
        <translation>De demosandbox antwoordt zoals een organisatie nu: Experience Platform biedt de Zoho CRM-bron niet meer aan, dus de wizard synchroniseert in plaats daarvan vanaf deze computer.</translation>
    </message>
    <message>
        <source>Needs attention: the sync from this computer failed or has not run for two intervals</source>
        <translation>Vereist aandacht: de synchronisatie vanaf deze computer is mislukt of is al twee intervallen niet uitgevoerd</translation>
    </message>
</context>
<context>
    <name>zaw::WizardController</name>
    <message>
        <source>Opening the connection &quot;%1&quot;…</source>
        <translation>De koppeling &quot;%1&quot; wordt geopend…</translation>
    </message>
    <message>
        <source>Checking the Experience Platform account…</source>
        <translation>Het Experience Platform-account wordt gecontroleerd…</translation>
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
        <source>Zoho account</source>
        <translation>Zoho-account</translation>
    </message>
    <message>
        <source>This is the account the connection will read from. If it is not the right one, cancel and sign in again.</source>
        <translation>Dit is het account waaruit de koppeling gaat lezen. Is dit niet het juiste account, annuleer dan en meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Gebruiker:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <source>Edition:</source>
        <translation>Editie:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Omgeving:</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Datacenter:</translation>
    </message>
    <message>
        <source>The client secret and the refresh token are stored in your system keychain (service &quot;zoho-aep-wizard&quot;), nowhere else.</source>
        <translation>Het clientgeheim en het vernieuwingstoken staan in de sleutelbos van uw systeem (dienst &quot;zoho-aep-wizard&quot;) en nergens anders.</translation>
    </message>
    <message>
        <source>Not stored: no usable keychain (missing or locked). The connection works until you close the wizard; to keep it, install or unlock a keychain (for example GNOME Keyring or KWallet) and reconnect.</source>
        <translation>Niet opgeslagen: geen bruikbare sleutelbos (ontbreekt of is vergrendeld). De koppeling werkt tot u de assistent sluit. Om de koppeling te bewaren, installeert of ontgrendelt u een sleutelbos (bijvoorbeeld GNOME Keyring of KWallet) en koppelt u opnieuw.</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
</context>
<context>
    <name>zaw::ZohoAppPage</name>
    <message>
        <source>Zoho API client</source>
        <translation>Zoho API-client</translation>
    </message>
    <message>
        <source>Enter the client you registered in Zoho&apos;s API console. The secret is kept in your system keychain once the sign-in works.</source>
        <translation>Voer de client in die u in de API-console van Zoho hebt geregistreerd. Zodra het aanmelden werkt, wordt het clientgeheim bewaard in de sleutelbos van uw systeem.</translation>
    </message>
    <message>
        <source>Server-based application</source>
        <translation>Servertoepassing</translation>
    </message>
    <message>
        <source>Mobile or desktop application (PKCE)</source>
        <translation>Mobiele of desktoptoepassing (PKCE)</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>Verenigde Staten</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>India</source>
        <translation>India</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australië</translation>
    </message>
    <message>
        <source>China</source>
        <translation>China</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>Japan</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>Saoedi-Arabië</translation>
    </message>
    <message>
        <source>Zoho sends you on to your own data centre if it differs.</source>
        <translation>Hoort uw account bij een ander datacenter, dan stuurt Zoho u daarheen door.</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client &amp;secret:</source>
        <translation>Client&amp;geheim:</translation>
    </message>
    <message>
        <source>Client &amp;type:</source>
        <translation>Clientty&amp;pe:</translation>
    </message>
    <message>
        <source>&amp;Redirect URI:</source>
        <translation>&amp;Redirect-URI:</translation>
    </message>
    <message>
        <source>CRM &amp;environment:</source>
        <translation>CRM-&amp;omgeving:</translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation>S&amp;copes:</translation>
    </message>
    <message>
        <source>Register in Zoho&apos;s API console</source>
        <translation>Registreren in de API-console van Zoho</translation>
    </message>
    <message>
        <source>Homepage URL:</source>
        <translation>Homepage-URL:</translation>
    </message>
    <message>
        <source>Authorized redirect URI:</source>
        <translation>Geautoriseerde redirect-URI:</translation>
    </message>
    <message>
        <source>Demo mode: the sandbox&apos;s demo client is registered already.</source>
        <translation>Demomodus: de democlient van de sandbox is al geregistreerd.</translation>
    </message>
    <message>
        <source>Open Zoho&apos;s API console: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Open de API-console van Zoho: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Start sign-&amp;in at:</source>
        <translation>Aanmelden &amp;beginnen bij:</translation>
    </message>
</context>
<context>
    <name>zaw::ZohoLoginCommand</name>
    <message>
        <source>Signs in to Zoho and keeps the credentials in the system keychain. The client secret comes from ZOHO_CLIENT_SECRET or, with --client-secret-stdin, from the first line of standard input.</source>
        <translation>Meldt u aan bij Zoho en bewaart de inloggegevens in de sleutelbos van het systeem. Het clientgeheim komt uit ZOHO_CLIENT_SECRET of, met --client-secret-stdin, uit de eerste regel van de standaardinvoer.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Toon deze hulp.</translation>
    </message>
    <message>
        <source>Zoho client ID.</source>
        <translation>Client-ID uit de API-console van Zoho.</translation>
    </message>
    <message>
        <source>Registered redirect URI.</source>
        <translation>Geregistreerde redirect-URI.</translation>
    </message>
    <message>
        <source>Data centre to start at (us, eu, in, au, cn, jp, ca, sa).</source>
        <translation>Datacenter waar het aanmelden begint (us, eu, in, au, cn, jp, ca, sa).</translation>
    </message>
    <message>
        <source>production, sandbox or developer.</source>
        <translation>production, sandbox of developer.</translation>
    </message>
    <message>
        <source>Comma-separated scopes.</source>
        <translation>Scopes, gescheiden door komma&apos;s.</translation>
    </message>
    <message>
        <source>server or desktop (PKCE).</source>
        <translation>server of desktop (PKCE).</translation>
    </message>
    <message>
        <source>Read the client secret from the first line of standard input.</source>
        <translation>Lees het clientgeheim uit de eerste regel van de standaardinvoer.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Onverwacht argument: %1</translation>
    </message>
    <message>
        <source>--client-id and --redirect-uri are required.</source>
        <translation>--client-id en --redirect-uri zijn verplicht.</translation>
    </message>
    <message>
        <source>--environment must be production, sandbox or developer; --client-type server or desktop.</source>
        <translation>--environment moet production, sandbox of developer zijn; --client-type moet server of desktop zijn.</translation>
    </message>
    <message>
        <source>Standard input ended before the expected lines.</source>
        <translation>De standaardinvoer eindigde vóór de verwachte regels.</translation>
    </message>
    <message>
        <source>The first line of standard input (the client secret) is empty.</source>
        <translation>De eerste regel van de standaardinvoer (het clientgeheim) is leeg.</translation>
    </message>
    <message>
        <source>No client secret: set ZOHO_CLIENT_SECRET or use --client-secret-stdin.</source>
        <translation>Geen clientgeheim: stel ZOHO_CLIENT_SECRET in of gebruik --client-secret-stdin.</translation>
    </message>
    <message>
        <source>Signed in to Zoho as %1 (%2), organisation %3, data centre %4. The credentials are in the system keychain (profile &quot;%5&quot;).</source>
        <translation>Aangemeld bij Zoho als %1 (%2), organisatie %3, datacenter %4. De inloggegevens staan in de sleutelbos van het systeem (profiel &quot;%5&quot;).</translation>
    </message>
    <message>
        <source>No usable keychain (missing or locked). zoho-login keeps the credentials only in the system keychain: unlock or install one (for example GNOME Keyring or KWallet) and run the command again.</source>
        <translation>Geen bruikbare sleutelbos (ontbreekt of is vergrendeld). zoho-login bewaart de inloggegevens alleen in de sleutelbos van het systeem: ontgrendel of installeer er een (bijvoorbeeld GNOME Keyring of KWallet) en voer de opdracht opnieuw uit.</translation>
    </message>
</context>
<context>
    <name>zaw::ZohoSignInPage</name>
    <message>
        <source>Open in system browser</source>
        <translation>Openen in systeembrowser</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopiëren</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>Sign in to Zoho</source>
        <translation>Aanmelden bij Zoho</translation>
    </message>
    <message>
        <source>Sign in with the Zoho account whose CRM data you want in Adobe Experience Platform, and accept the access the wizard asks for.</source>
        <translation>Meld u aan met het Zoho-account waarvan u de CRM-gegevens in Adobe Experience Platform wilt hebben, en sta de toegang toe waar de assistent om vraagt.</translation>
    </message>
    <message>
        <source>…or paste the address Zoho sent your browser to</source>
        <translation>…of plak het adres waar Zoho uw browser naartoe stuurde</translation>
    </message>
    <message>
        <source>Zoho&apos;s sign-in page could not be loaded (%1). Check your internet connection or proxy, then try again.</source>
        <translation>De aanmeldpagina van Zoho kon niet worden geladen (%1). Controleer uw internetverbinding of proxy en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Sign in below. If the page does not work here, open it in your system browser.</source>
        <translation>Meld u hieronder aan. Werkt de pagina hier niet, open de pagina dan in uw systeembrowser.</translation>
    </message>
    <message>
        <source>No browser could be opened. Use &quot;Copy link&quot; and open the link yourself.</source>
        <translation>Er kon geen browser worden geopend. Gebruik &quot;Link kopiëren&quot; en open de link zelf.</translation>
    </message>
    <message>
        <source>Continue in your browser; this page goes on by itself when Zoho answers.</source>
        <translation>Ga verder in uw browser. Deze pagina gaat vanzelf verder zodra Zoho antwoordt.</translation>
    </message>
    <message>
        <source>Continue in your browser, then paste the address Zoho sends you to below.</source>
        <translation>Ga verder in uw browser en plak daarna hieronder het adres waar Zoho u naartoe stuurt.</translation>
    </message>
    <message>
        <source>Link copied. Open it in any browser on this computer; this page goes on by itself when Zoho answers.</source>
        <translation>Link gekopieerd. Open de link in een browser op deze computer. Deze pagina gaat vanzelf verder zodra Zoho antwoordt.</translation>
    </message>
    <message>
        <source>Link copied. Open it in a browser, then paste the address Zoho sends you to below.</source>
        <translation>Link gekopieerd. Open de link in een browser en plak daarna hieronder het adres waar Zoho u naartoe stuurt.</translation>
    </message>
    <message>
        <source>Saving the connection…</source>
        <translation>Koppeling opslaan…</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Volgende &gt;</translation>
    </message>
    <message>
        <source>The wizard cannot receive Zoho&apos;s answer for the system browser: %1
Sign in in the page above instead, or close the program that uses port %2 (or register another redirect URI for your Zoho app) and click Try again.</source>
        <translation>De wizard kan het antwoord van Zoho voor de systeembrowser niet ontvangen: %1
Meld u in plaats daarvan aan in de pagina hierboven, of sluit het programma dat poort %2 gebruikt (of registreer een andere omleidings-URI voor uw Zoho-app) en klik op Opnieuw proberen.</translation>
    </message>
</context>
<context>
    <name>zaw::account::AdobeCredentialCheck</name>
    <message>
        <source>Enter the client ID and the client secret of the credential (Developer Console → your project → OAuth Server-to-Server).</source>
        <translation>Vul de client-ID en het clientgeheim van de referentie in (Developer Console → uw project → OAuth Server-to-Server).</translation>
    </message>
    <message>
        <source>Enter the organisation ID of the project; it ends with @AdobeOrg.</source>
        <translation>Vul de organisatie-ID van het project in; die eindigt op @AdobeOrg.</translation>
    </message>
    <message>
        <source>Name the sandbox the data goes to, for example prod.</source>
        <translation>Geef de sandbox op waar de gegevens naartoe gaan, bijvoorbeeld prod.</translation>
    </message>
    <message>
        <source>The organisation has no sandbox named &quot;%1&quot;. Its sandboxes: %2.</source>
        <translation>De organisatie heeft geen sandbox met de naam &quot;%1&quot;. Haar sandboxes: %2.</translation>
    </message>
    <message>
        <source>Check the credential first and pick one of the sandboxes it lists.</source>
        <translation>Controleer eerst de referentie en kies een van de sandboxes die ze toont.</translation>
    </message>
</context>
<context>
    <name>zaw::account::DataflowManager</name>
    <message>
        <source>Enabled</source>
        <translation>Ingeschakeld</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <source>A running dataflow repeats every minute, hour, day or week; choose one of those.</source>
        <translation>Een herhaalde dataflow loopt zich elke minuut, elk uur, elke dag of elke week; kies een daarvan.</translation>
    </message>
    <message>
        <source>Experience Platform needs an interval of at least %1 for this frequency.</source>
        <translation>Experience Platform vraagt voor deze frequentie een interval van minstens %1.</translation>
    </message>
    <message>
        <source>The dataflow is deleted, but the connection could not be updated: %1</source>
        <translation>De dataflow is verwijderd, maar de verbinding kon niet worden bijgewerkt: %1</translation>
    </message>
    <message>
        <source>The start time had passed; the first run is now at %1.</source>
        <translation>De starttijd was verstreken; de eerste run is nu om %1.</translation>
    </message>
    <message>
        <source>Not started yet; the first run is due at %1.</source>
        <translation>Nog niet gestart; de eerste run staat gepland om %1.</translation>
    </message>
    <message>
        <source>Running since %1.</source>
        <translation>Loopt sinds %1.</translation>
    </message>
    <message>
        <source>Failed (started %1): %2</source>
        <translation>Mislukt (gestart %1): %2</translation>
    </message>
    <message>
        <source>Succeeded (started %1): %2 records read, %3 ingested, %4 failed.</source>
        <translation>Geslaagd (gestart %1): %2 records gelezen, %3 opgenomen, %4 mislukt.</translation>
    </message>
</context>
<context>
    <name>zaw::account::Forget</name>
    <message>
        <source>dataflow %1</source>
        <translation>dataflow %1</translation>
    </message>
    <message>
        <source>source connection %1</source>
        <translation>bronverbinding %1</translation>
    </message>
    <message>
        <source>target connection %1</source>
        <translation>doelverbinding %1</translation>
    </message>
    <message>
        <source>base connection %1</source>
        <translation>basisverbinding %1</translation>
    </message>
    <message>
        <source>The Experience Platform objects cannot be deleted without the Adobe credential. Enter it again, or forget without deleting them.</source>
        <translation>De Experience Platform-objecten kunnen niet worden verwijderd zonder de Adobe-referentie. Vul die opnieuw in, of vergeet de koppeling zonder ze te verwijderen.</translation>
    </message>
    <message>
        <source>Deleting the %1…</source>
        <translation>De %1 wordt verwijderd…</translation>
    </message>
    <message>
        <source>The %1 could not be deleted (%2). The connection is kept; still in Experience Platform: %3.</source>
        <translation>De %1 kon niet worden verwijderd (%2). De koppeling blijft bewaard; nog in Experience Platform: %3.</translation>
    </message>
    <message>
        <source>Revoking the Zoho sign-in…</source>
        <translation>De Zoho-aanmelding wordt ingetrokken…</translation>
    </message>
    <message>
        <source>Zoho could not revoke the sign-in (%1). Remove the app under Connected Apps in your Zoho account settings.</source>
        <translation>Zoho kon de aanmelding niet intrekken (%1). Verwijder de app onder Connected Apps in de instellingen van uw Zoho-account.</translation>
    </message>
    <message>
        <source>The sync&apos;s working files in %1 could not all be deleted; delete the folder by hand.</source>
        <translation>De werkbestanden van de synchronisatie in %1 konden niet allemaal worden verwijderd; verwijder de map handmatig.</translation>
    </message>
    <message>
        <source>Removing the sync&apos;s schedule…</source>
        <translation>De planning van de synchronisatie verwijderen…</translation>
    </message>
</context>
<context>
    <name>zaw::account::Health</name>
    <message>
        <source>Everything works.</source>
        <translation>Alles werkt.</translation>
    </message>
    <message>
        <source>Zoho no longer accepts the saved sign-in (%1). Reconnect to sign in again.</source>
        <translation>Zoho aanvaardt de opgeslagen aanmelding niet meer (%1). Kies Opnieuw verbinden om u opnieuw aan te melden.</translation>
    </message>
    <message>
        <source>Zoho or Experience Platform could not be reached (%1). Check the network and refresh.</source>
        <translation>Zoho of Experience Platform was niet bereikbaar (%1). Controleer het netwerk en vernieuw.</translation>
    </message>
    <message>
        <source>Experience Platform refuses the saved Adobe credential (%1). Enter the client secret again.</source>
        <translation>Experience Platform weigert de opgeslagen Adobe-referentie (%1). Vul het clientgeheim opnieuw in.</translation>
    </message>
    <message>
        <source>Experience Platform answered the check with an error (%1). Refresh later; if it stays, use Copy details when asking for help.</source>
        <translation>Experience Platform beantwoordde de controle met een fout (%1). Vernieuw later; blijft de fout, gebruik dan Details kopiëren als u hulp vraagt.</translation>
    </message>
    <message>
        <source>The Zoho CRM account (base connection %1) no longer exists in Experience Platform. Set up a new dataflow to make one.</source>
        <translation>Het Zoho CRM-account (basisverbinding %1) bestaat niet meer in Experience Platform. Richt een nieuwe dataflow in om er een te maken.</translation>
    </message>
    <message>
        <source>A setup stopped before a module was chosen. Resume it.</source>
        <translation>Een inrichting is gestopt voordat een module was gekozen. Hervat die.</translation>
    </message>
    <message>
        <source>The setup of %1 stopped half-way. Resume it.</source>
        <translation>De inrichting van %1 is halverwege gestopt. Hervat die.</translation>
    </message>
    <message>
        <source>The dataflow &quot;%1&quot; could not be read: %2</source>
        <translation>De dataflow &quot;%1&quot; kon niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>The dataflow &quot;%1&quot; no longer exists in Experience Platform.</source>
        <translation>De dataflow &quot;%1&quot; bestaat niet meer in Experience Platform.</translation>
    </message>
    <message>
        <source>The dataflow &quot;%1&quot; is disabled. Enable it to load data again.</source>
        <translation>De dataflow &quot;%1&quot; is uitgeschakeld. Schakel hem in om weer gegevens te laden.</translation>
    </message>
    <message>
        <source>The last run of &quot;%1&quot; failed: %2</source>
        <translation>De laatste run van &quot;%1&quot; is mislukt: %2</translation>
    </message>
    <message>
        <source>The sync of %1 has not run yet. Run it now, and check that its schedule is installed.</source>
        <translation>De synchronisatie van %1 is nog niet uitgevoerd. Voer die nu uit en controleer of de planning is geïnstalleerd.</translation>
    </message>
    <message>
        <source>The last sync of %1 did not succeed (%2). Run it again, or inspect the failed rows.</source>
        <translation>De laatste synchronisatie van %1 is niet gelukt (%2). Voer die opnieuw uit of bekijk de mislukte rijen.</translation>
    </message>
    <message>
        <source>The sync of %1 has not run since %2. Check that its schedule is installed, then run it now.</source>
        <translation>De synchronisatie van %1 is sinds %2 niet uitgevoerd. Controleer of de planning is geïnstalleerd en voer die daarna nu uit.</translation>
    </message>
</context>
<context>
    <name>zaw::account::HealthCheck</name>
    <message>
        <source>the keychain holds no Adobe client secret for this connection</source>
        <translation>de sleutelhanger bevat geen Adobe-clientgeheim voor deze koppeling</translation>
    </message>
</context>
<context>
    <name>zaw::account::ProfileSession</name>
    <message>
        <source>There is no saved connection called &quot;%1&quot;. Set it up with the wizard or with &quot;zoho-aep-connect zoho-login&quot;.</source>
        <translation>Er is geen opgeslagen koppeling met de naam &quot;%1&quot;. Richt die in met de wizard of met &quot;zoho-aep-connect zoho-login&quot;.</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; was never signed in to Zoho CRM. Sign in again.</source>
        <translation>De koppeling &quot;%1&quot; is nooit bij Zoho CRM aangemeld. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The connection &quot;%1&quot; has no Adobe credential yet. Enter it in the wizard or with &quot;zoho-aep-connect adobe-login&quot;.</source>
        <translation>De koppeling &quot;%1&quot; heeft nog geen Adobe-referentie. Vul die in de wizard in of met &quot;zoho-aep-connect adobe-login&quot;.</translation>
    </message>
    <message>
        <source>The Zoho data centre &quot;%1&quot; of this connection is not known here. Sign in again.</source>
        <translation>Het Zoho-datacentrum &quot;%1&quot; van deze koppeling is hier niet bekend. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The keychain holds no Adobe client secret for &quot;%1&quot;. Enter the credential again.</source>
        <translation>De sleutelhanger bevat geen Adobe-clientgeheim voor &quot;%1&quot;. Vul de referentie opnieuw in.</translation>
    </message>
    <message>
        <source>The keychain holds no Zoho credentials for &quot;%1&quot;. Sign in to Zoho again.</source>
        <translation>De sleutelhanger bevat geen Zoho-referenties voor &quot;%1&quot;. Meld u opnieuw aan bij Zoho.</translation>
    </message>
</context>
<context>
    <name>zaw::account::Reconnect</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <source>Asking Zoho for a new access token…</source>
        <translation>Zoho wordt om een nieuw toegangstoken gevraagd…</translation>
    </message>
    <message>
        <source>Zoho no longer accepts the saved sign-in; sign in again.</source>
        <translation>Zoho aanvaardt de opgeslagen aanmelding niet meer; meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Zoho gave a new access token with the saved sign-in.</source>
        <translation>Zoho gaf een nieuw toegangstoken met de opgeslagen aanmelding.</translation>
    </message>
    <message>
        <source>You signed in as %1, but this connection belongs to %2. Sign in as %2, or set up a new connection for the other account.</source>
        <translation>U hebt zich aangemeld als %1, maar deze koppeling hoort bij %2. Meld u aan als %2, of richt een nieuwe koppeling in voor het andere account.</translation>
    </message>
    <message>
        <source>Signed in to Zoho again as %1; the new refresh token replaces the dead one.</source>
        <translation>Opnieuw aangemeld bij Zoho als %1; het nieuwe vernieuwingstoken vervangt het verlopen token.</translation>
    </message>
    <message>
        <source>Checking the new Zoho client secret…</source>
        <translation>Het nieuwe Zoho-clientgeheim wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Zoho refused the new client secret; the stored one is kept. %1</source>
        <translation>Zoho weigerde het nieuwe clientgeheim; het opgeslagen geheim blijft. %1</translation>
    </message>
    <message>
        <source>The new Zoho client secret works and replaces the stored one.</source>
        <translation>Het nieuwe Zoho-clientgeheim werkt en vervangt het opgeslagen geheim.</translation>
    </message>
    <message>
        <source>Checking the new Adobe client secret…</source>
        <translation>Het nieuwe Adobe-clientgeheim wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>Adobe refused the new client secret; the stored one is kept. %1</source>
        <translation>Adobe weigerde het nieuwe clientgeheim; het opgeslagen geheim blijft. %1</translation>
    </message>
    <message>
        <source>The new Adobe client secret works and is stored.</source>
        <translation>Het nieuwe Adobe-clientgeheim werkt en is opgeslagen.</translation>
    </message>
    <message>
        <source>The keychain holds the new Zoho credentials.</source>
        <translation>De sleutelhanger bevat de nieuwe Zoho-referenties.</translation>
    </message>
    <message>
        <source>The Zoho credentials are renewed and stored, but the Experience Platform account %1 still has the old ones: the keychain holds no Adobe client secret. Enter it as a changed Adobe client secret, then reconnect again.</source>
        <translation>De Zoho-referenties zijn vernieuwd en opgeslagen, maar het Experience Platform-account %1 heeft nog de oude: de sleutelhanger bevat geen Adobe-clientgeheim. Vul het in als gewijzigd Adobe-clientgeheim en verbind daarna opnieuw.</translation>
    </message>
    <message>
        <source>Giving the Experience Platform account the new credentials…</source>
        <translation>Het Experience Platform-account krijgt de nieuwe referenties…</translation>
    </message>
    <message>
        <source>The Zoho credentials are renewed, but the Experience Platform account (base connection %1) no longer exists. Set up a new dataflow to make one.</source>
        <translation>De Zoho-referenties zijn vernieuwd, maar het Experience Platform-account (basisverbinding %1) bestaat niet meer. Richt een nieuwe dataflow in om er een te maken.</translation>
    </message>
    <message>
        <source>The Experience Platform account %1 uses the new credentials.</source>
        <translation>Het Experience Platform-account %1 gebruikt de nieuwe referenties.</translation>
    </message>
</context>
<context>
    <name>zaw::account::SyncSetup</name>
    <message>
        <source>Checking the dataset %1</source>
        <translation>De dataset %1 controleren</translation>
    </message>
    <message>
        <source>Checking the schema of the dataset</source>
        <translation>Het schema van de dataset controleren</translation>
    </message>
    <message>
        <source>The dataset %1 cannot receive a direct sync: its schema has no fields for deleted records (made by this application for a sync). Use --new-dataset to make one.</source>
        <translation>De dataset %1 kan geen directe synchronisatie ontvangen: het schema ervan heeft geen velden voor verwijderde records (zoals in schema&apos;s die deze toepassing voor een synchronisatie maakt). Gebruik --new-dataset om er een te maken.</translation>
    </message>
    <message>
        <source>The set-up was stopped.</source>
        <translation>De inrichting is gestopt.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::BatchIngestionClient</name>
    <message>
        <source>Adobe Experience Platform created a batch but did not name it. Run the sync again later.</source>
        <translation>Adobe Experience Platform heeft een batch gemaakt, maar de naam ervan niet doorgegeven. Voer de synchronisatie later opnieuw uit.</translation>
    </message>
    <message>
        <source>The sync file %1 is missing. Run the sync again: the window is read again.</source>
        <translation>Het synchronisatiebestand %1 ontbreekt. Voer de synchronisatie opnieuw uit: het tijdvenster wordt opnieuw gelezen.</translation>
    </message>
    <message>
        <source>The batch upload has no network connection set up. This is a bug: report it.</source>
        <translation>Voor de batch-upload is geen netwerkverbinding ingesteld. Dit is een bug: meld die.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::CatalogClient</name>
    <message>
        <source>Adobe Experience Platform created the dataset but did not name it. Look for it in the Datasets list before trying again.</source>
        <translation>Adobe Experience Platform heeft de dataset gemaakt maar niet genoemd. Zoek hem in de lijst Datasets voordat u het opnieuw probeert.</translation>
    </message>
    <message>
        <source>Adobe Experience Platform has no dataset with the ID %1 in this sandbox. Pick another dataset or create a new one.</source>
        <translation>Adobe Experience Platform heeft in deze sandbox geen dataset met de ID %1. Kies een andere dataset of maak een nieuwe.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::DataPrepClient</name>
    <message>
        <source>Data Prep created the mapping set but did not name it. Try again later.</source>
        <translation>Data Prep heeft de mappingset gemaakt maar niet genoemd. Probeer het later opnieuw.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::FlowServiceClient</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>fout %1</translation>
    </message>
    <message>
        <source>This Adobe Experience Platform organisation offers no flow spec named &quot;%1&quot;. Sources of this kind are not available to it.</source>
        <translation>Deze Adobe Experience Platform-organisatie biedt geen flowspecificatie met de naam &quot;%1&quot;. Bronnen van deze soort zijn er niet beschikbaar.</translation>
    </message>
    <message>
        <source>Adobe could not read the source with the account&apos;s stored credentials. Reconnect the account (sign in to Zoho again) and try again.</source>
        <translation>Adobe kon de bron niet lezen met de opgeslagen inloggegevens van het account. Verbind het account opnieuw (meld u opnieuw aan bij Zoho) en probeer het nog eens.</translation>
    </message>
    <message>
        <source>Adobe Experience Platform gave an answer without &quot;%1&quot;. Try again; if it keeps happening, report it with the copied details.</source>
        <translation>Adobe Experience Platform gaf een antwoord zonder &quot;%1&quot;. Probeer het opnieuw; blijft het gebeuren, meld het dan met de gekopieerde details.</translation>
    </message>
    <message>
        <source>Adobe retired the Zoho CRM source from its catalogue at the end of June 2025, so this Adobe Experience Platform organisation cannot create Zoho CRM connections any more (Adobe&apos;s answer: %1). Use this application&apos;s direct-sync mode instead (&quot;Sync from this computer&quot; in the wizard, create --mode sync on the command line): it reads Zoho CRM itself and writes the records into a dataset through AEP&apos;s batch ingestion API.</source>
        <translation>Adobe heeft de Zoho CRM-bron eind juni 2025 uit de catalogus gehaald, dus deze organisatie van Adobe Experience Platform kan geen Zoho CRM-verbindingen meer maken (antwoord van Adobe: %1). Gebruik in plaats daarvan de modus voor directe synchronisatie van deze toepassing (&quot;Synchroniseren vanaf deze computer&quot; in de wizard, create --mode sync op de opdrachtregel): die leest zelf Zoho CRM en schrijft de records via de batch ingestion-API van AEP in een dataset.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::ImsClient</name>
    <message>
        <source>Adobe did not accept the client secret. Check the credential in the Adobe Developer Console (your project → OAuth Server-to-Server → Retrieve client secret) and enter the secret again.</source>
        <translation>Adobe heeft het clientgeheim niet geaccepteerd. Controleer de referentie in de Adobe Developer Console (uw project → OAuth Server-to-Server → Retrieve client secret) en voer het geheim opnieuw in.</translation>
    </message>
    <message>
        <source>Adobe does not know this client ID. Check the credential in the Adobe Developer Console (your project → OAuth Server-to-Server → Client ID) and enter it again.</source>
        <translation>Adobe kent deze client-ID niet. Controleer de referentie in de Adobe Developer Console (uw project → OAuth Server-to-Server → Client ID) en voer hem opnieuw in.</translation>
    </message>
    <message>
        <source>Adobe refused the requested scopes (%1). Check the credential in the Adobe Developer Console: the project needs the Experience Platform API, and the scopes must be among the ones the credential lists.</source>
        <translation>Adobe heeft de gevraagde scopes geweigerd (%1). Controleer de referentie in de Adobe Developer Console: het project heeft de Experience Platform API nodig, en de scopes moeten voorkomen in de lijst van de referentie.</translation>
    </message>
    <message>
        <source>This credential may not request tokens on its own. Check the credential in the Adobe Developer Console: it must be of the type OAuth Server-to-Server.</source>
        <translation>Deze referentie mag niet zelf tokens aanvragen. Controleer de referentie in de Adobe Developer Console: ze moet van het type OAuth Server-to-Server zijn.</translation>
    </message>
    <message>
        <source>Adobe refused the token request (%1: %2). This is a bug in this application; please report it with the copied details.</source>
        <translation>Adobe heeft de tokenaanvraag geweigerd (%1: %2). Dit is een fout in deze toepassing; meld hem met de gekopieerde details.</translation>
    </message>
    <message>
        <source>Adobe refused the token request (%1). Check the credential in the Adobe Developer Console and enter it again.</source>
        <translation>Adobe heeft de tokenaanvraag geweigerd (%1). Controleer de referentie in de Adobe Developer Console en voer ze opnieuw in.</translation>
    </message>
    <message>
        <source>Enter the client ID and client secret of the OAuth Server-to-Server credential from the Adobe Developer Console.</source>
        <translation>Voer de client-ID en het clientgeheim in van de OAuth Server-to-Server-referentie uit de Adobe Developer Console.</translation>
    </message>
    <message>
        <source>Adobe is limiting how often this credential may request tokens. Wait a few minutes and try again.</source>
        <translation>Adobe beperkt hoe vaak deze referentie tokens mag aanvragen. Wacht een paar minuten en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Adobe&apos;s answer held no access token (HTTP %1). Try again later.</source>
        <translation>Het antwoord van Adobe bevatte geen toegangstoken (HTTP %1). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Adobe is receiving too many sign-in requests just now. Wait a minute and try again.</source>
        <translation>Adobe krijgt op dit moment te veel aanmeldverzoeken. Wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Adobe&apos;s sign-in service could not answer just now (HTTP %1). Try again in a moment.</source>
        <translation>De aanmelddienst van Adobe kon op dit moment niet antwoorden (HTTP %1). Probeer het zo meteen opnieuw.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::PlatformClient</name>
    <message>
        <source>Check the client ID of the credential in the Adobe Developer Console and enter it again.</source>
        <translation>Controleer de client-ID van de referentie in de Adobe Developer Console en voer hem opnieuw in.</translation>
    </message>
    <message>
        <source>Adobe did not accept the access token even after a new one was requested. Check the credential in the Adobe Developer Console and enter its client ID and secret again.</source>
        <translation>Adobe accepteerde het toegangstoken niet, ook niet nadat een nieuw was aangevraagd. Controleer de referentie in de Adobe Developer Console en voer de client-ID en het geheim opnieuw in.</translation>
    </message>
    <message>
        <source>Check that the organisation ID (…@AdobeOrg) is the one of the Developer Console project, and that the project&apos;s credential has the Experience Platform API with a product profile.</source>
        <translation>Controleer dat de organisatie-ID (…@AdobeOrg) die van het Developer Console-project is, en dat de referentie van het project de Experience Platform API met een productprofiel heeft.</translation>
    </message>
    <message>
        <source>Pick a sandbox from the organisation&apos;s list (sandbox names are lower case).</source>
        <translation>Kies een sandbox uit de lijst van de organisatie (sandboxnamen zijn in kleine letters).</translation>
    </message>
    <message>
        <source>Pick a sandbox for this connection.</source>
        <translation>Kies een sandbox voor deze verbinding.</translation>
    </message>
    <message>
        <source>Enter the organisation ID of the Developer Console project (it ends with @AdobeOrg).</source>
        <translation>Voer de organisatie-ID van het Developer Console-project in (die eindigt op @AdobeOrg).</translation>
    </message>
    <message>
        <source>Delete the dataflows that use it first, then try again.</source>
        <translation>Verwijder eerst de gegevensstromen die het gebruiken en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>Ask an Adobe Experience Platform administrator to add the missing permission (for sources: View Sources and Manage Sources) to a product profile of this credential.</source>
        <translation>Vraag een beheerder van Adobe Experience Platform de ontbrekende machtiging (voor bronnen: View Sources en Manage Sources) toe te voegen aan een productprofiel van deze referentie.</translation>
    </message>
    <message>
        <source>The object was changed elsewhere meanwhile. Reload it and try again.</source>
        <translation>Het object is intussen elders gewijzigd. Laad het opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>Adobe is limiting the number of requests. Wait a minute and try again.</source>
        <translation>Adobe beperkt het aantal aanvragen. Wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Try again later; if it keeps failing, give Adobe support the request ID from the copied details.</source>
        <translation>Probeer het later opnieuw; blijft het mislukken, geef dan de aanvraag-ID uit de gekopieerde details aan de ondersteuning van Adobe.</translation>
    </message>
    <message>
        <source>The object may have been deleted in Adobe Experience Platform; check the name or ID.</source>
        <translation>Het object is misschien verwijderd in Adobe Experience Platform; controleer de naam of ID.</translation>
    </message>
    <message>
        <source>Correct the value the message names and try again.</source>
        <translation>Verbeter de waarde die de melding noemt en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>%1 (error %2)</source>
        <translation>%1 (fout %2)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>fout %1</translation>
    </message>
    <message>
        <source>Adobe Experience Platform answered: %1 (%2). %3</source>
        <translation>Adobe Experience Platform antwoordde: %1 (%2). %3</translation>
    </message>
    <message>
        <source>Pick a sandbox of the Adobe Experience Platform organisation.</source>
        <translation>Kies een sandbox van de Adobe Experience Platform-organisatie.</translation>
    </message>
</context>
<context>
    <name>zaw::adobe::SchemaRegistryClient</name>
    <message>
        <source>The Schema Registry did not name the organisation&apos;s tenant ID. Try again later.</source>
        <translation>Het Schema Registry noemde de tenant-ID van de organisatie niet. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>The Schema Registry created the schema but did not name it. Look for it in the Schemas list before trying again.</source>
        <translation>Het Schema Registry heeft het schema gemaakt maar niet genoemd. Zoek het in de lijst Schemas voordat u het opnieuw probeert.</translation>
    </message>
</context>
<context>
    <name>zaw::catalogue::SourceCatalogue</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>zaw::catalogue::ZohoCrmCatalogue</name>
    <message>
        <source>Zoho CRM lists no fields for %1. Check that your permission profile in Zoho CRM can see this module&apos;s fields.</source>
        <translation>Zoho CRM toont geen velden voor %1. Controleer of uw machtigingsprofiel in Zoho CRM de velden van deze module kan zien.</translation>
    </message>
</context>
<context>
    <name>zaw::net::HttpClient</name>
    <message>
        <source>The server %1 could not be found. Check your internet connection and, if you use a proxy, the network settings.</source>
        <translation>De server %1 is niet gevonden. Controleer uw internetverbinding en, als u een proxy gebruikt, de netwerkinstellingen.</translation>
    </message>
    <message>
        <source>The server %1 refused the connection. Check your network settings and try again.</source>
        <translation>De server %1 heeft de verbinding geweigerd. Controleer uw netwerkinstellingen en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time. Check your internet connection and try again.</source>
        <translation>De server %1 heeft niet op tijd geantwoord. Controleer uw internetverbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made. If your network inspects encrypted traffic, ask your administrator; otherwise try again later.</source>
        <translation>Er kon geen beveiligde verbinding met %1 worden gemaakt. Inspecteert uw netwerk versleuteld verkeer, neem dan contact op met uw beheerder. Probeer het anders later opnieuw.</translation>
    </message>
    <message>
        <source>The proxy server could not be reached. Check the proxy in the network settings.</source>
        <translation>De proxyserver is niet bereikbaar. Controleer de proxy in de netwerkinstellingen.</translation>
    </message>
    <message>
        <source>The proxy server refused the user name or password. Check them in the network settings.</source>
        <translation>De proxyserver heeft de gebruikersnaam of het wachtwoord geweigerd. Controleer ze in de netwerkinstellingen.</translation>
    </message>
    <message>
        <source>The connection to %1 failed (%2). Check your internet connection and try again.</source>
        <translation>De verbinding met %1 is mislukt (%2). Controleer uw internetverbinding en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>%1 no longer accepts the sign-in. Sign in again.</source>
        <translation>%1 accepteert de aanmelding niet meer. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>%1 refused access. Ask your administrator for the needed permission.</source>
        <translation>%1 heeft de toegang geweigerd. Vraag uw beheerder om de benodigde machtiging.</translation>
    </message>
    <message>
        <source>%1 does not know the requested object. It may have been deleted.</source>
        <translation>%1 kent het gevraagde object niet. Misschien is het verwijderd.</translation>
    </message>
    <message>
        <source>The object was changed by someone else meanwhile. Reload and try again.</source>
        <translation>Het object is intussen door iemand anders gewijzigd. Laad het opnieuw en probeer het nog eens.</translation>
    </message>
    <message>
        <source>%1 is receiving too many requests. Wait a minute and try again.</source>
        <translation>%1 krijgt te veel verzoeken. Wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2). Try again later.</source>
        <translation>%1 had een probleem (HTTP %2). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2).</source>
        <translation>%1 heeft het verzoek geweigerd (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 gave an unexpected answer (HTTP %2).</source>
        <translation>%1 gaf een onverwacht antwoord (HTTP %2).</translation>
    </message>
    <message>
        <source>The file %1 could not be read: %2.</source>
        <translation>Het bestand %1 kon niet worden gelezen: %2.</translation>
    </message>
    <message>
        <source>The file %1 could not be written: %2.</source>
        <translation>Het bestand %1 kon niet worden geschreven: %2.</translation>
    </message>
    <message>
        <source>%1 gave an empty answer where data was expected. Try again; if it keeps happening, report it with the copied details.</source>
        <translation>%1 gaf een leeg antwoord waar gegevens werden verwacht. Probeer het opnieuw; blijft het gebeuren, meld het dan met de gekopieerde details.</translation>
    </message>
    <message>
        <source>%1 answered with a web page instead of data. A proxy or a sign-in page of your network may be in the way: open any web site in your browser, then try again.</source>
        <translation>%1 antwoordde met een webpagina in plaats van gegevens. Misschien zit een proxy of een aanmeldpagina van uw netwerk in de weg: open een willekeurige website in uw browser en probeer het daarna opnieuw.</translation>
    </message>
    <message>
        <source>%1 gave an answer that could not be read (not valid JSON). Try again; if it keeps happening, report it with the copied details.</source>
        <translation>%1 gaf een antwoord dat niet te lezen was (geen geldige JSON). Probeer het opnieuw; blijft het gebeuren, meld het dan met de gekopieerde details.</translation>
    </message>
    <message>
        <source>The file %1 is too large to send (%2 MB, at most %3 MB). Send less data at a time.</source>
        <translation>Het bestand %1 is te groot om te versturen (%2 MB, hoogstens %3 MB). Verstuur minder gegevens tegelijk.</translation>
    </message>
    <message>
        <source>%1 sent a far larger answer than expected (more than %2 MB), so it was not read. Try again later; if this keeps happening, report it.</source>
        <translation>%1 stuurde een veel groter antwoord dan verwacht (meer dan %2 MB), dus het is niet gelezen. Probeer het later opnieuw; blijft het gebeuren, meld het dan.</translation>
    </message>
    <message>
        <source>The server %1 did not answer in time (no complete answer within %2 s). Check your internet connection and try again.</source>
        <translation>De server %1 antwoordde niet op tijd (geen volledig antwoord binnen %2 s). Controleer uw internetverbinding en probeer het opnieuw.</translation>
    </message>
</context>
<context>
    <name>zaw::setup::MappingBuilder</name>
    <message>
        <source>Row %1 writes to %2 but has no source field. Choose a source field or clear the row.</source>
        <translation>Rij %1 schrijft naar %2 maar heeft geen bronveld. Kies een bronveld of maak de rij leeg.</translation>
    </message>
    <message>
        <source>%1 is the destination of several fields (%2, rows %3). Keep one of them and change or clear the others.</source>
        <translation>%1 is de bestemming van meerdere velden (%2, rijen %3). Houd er één en wijzig de andere of maak ze leeg.</translation>
    </message>
    <message>
        <source>No field is mapped. Give at least one source field a destination.</source>
        <translation>Er is geen veld toegewezen. Geef minstens één bronveld een bestemming.</translation>
    </message>
</context>
<context>
    <name>zaw::setup::MappingValidation</name>
    <message>
        <source>Data Prep refuses part of the mapping. Fix these rows or untick them:
%1</source>
        <translation>Data Prep weigert een deel van de mapping. Verbeter deze rijen of vink ze uit:
%1</translation>
    </message>
    <message>
        <source>%1 → %2: %3</source>
        <translation>%1 → %2: %3</translation>
    </message>
</context>
<context>
    <name>zaw::setup::ScheduleRules</name>
    <message>
        <source>&quot;%1&quot; is not a frequency AEP knows. Choose Once, Minute, Hour, Day or Week.</source>
        <translation>&quot;%1&quot; is geen frequentie die AEP kent. Kies Eenmalig, Minuut, Uur, Dag of Week.</translation>
    </message>
    <message>
        <source>Choose when the dataflow starts (UTC).</source>
        <translation>Kies wanneer de gegevensstroom begint (UTC).</translation>
    </message>
    <message>
        <source>A dataflow that runs once has no interval. Clear the interval or choose a repeating frequency.</source>
        <translation>Een gegevensstroom die eenmalig loopt, heeft geen interval. Maak het interval leeg of kies een herhalende frequentie.</translation>
    </message>
    <message>
        <source>Backfill only applies to repeating dataflows; a dataflow that runs once loads everything anyway. Turn backfill off or choose a repeating frequency.</source>
        <translation>Aanvullen met historische gegevens geldt alleen voor herhalende gegevensstromen; een eenmalige gegevensstroom laadt toch alles. Zet aanvullen uit of kies een herhalende frequentie.</translation>
    </message>
    <message>
        <source>A dataflow that runs once loads every record, so it takes no delta column. Clear the delta column or choose a repeating frequency.</source>
        <translation>Een eenmalige gegevensstroom laadt elk record en heeft dus geen deltakolom. Maak de deltakolom leeg of kies een herhalende frequentie.</translation>
    </message>
    <message>
        <source>A dataflow that runs by the minute needs an interval of at least 15 minutes. Enter 15 or more.</source>
        <translation>Een gegevensstroom die per minuut loopt, heeft een interval van minstens 15 minuten nodig. Vul 15 of meer in.</translation>
    </message>
    <message>
        <source>Enter an interval of at least 1 hour.</source>
        <translation>Vul een interval van minstens 1 uur in.</translation>
    </message>
    <message>
        <source>Enter an interval of at least 1 day.</source>
        <translation>Vul een interval van minstens 1 dag in.</translation>
    </message>
    <message>
        <source>Enter an interval of at least 1 week.</source>
        <translation>Vul een interval van minstens 1 week in.</translation>
    </message>
    <message>
        <source>A repeating dataflow loads only what changed since the last run, by a date-time column. Choose one, such as Modified_Time.</source>
        <translation>Een herhalende gegevensstroom laadt alleen wat sinds de vorige run is gewijzigd, aan de hand van een datum-tijdkolom. Kies er een, zoals Modified_Time.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date-time column of this table. Choose one of: %2.</source>
        <translation>&quot;%1&quot; is geen datum-tijdkolom van deze tabel. Kies een van: %2.</translation>
    </message>
    <message>
        <source>The start time %1 UTC has already passed. Choose a time from now on.</source>
        <translation>Het begintijdstip %1 UTC is al voorbij. Kies een tijdstip vanaf nu.</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Eenmalig</translation>
    </message>
    <message>
        <source>Every N minutes</source>
        <translation>Elke N minuten</translation>
    </message>
    <message>
        <source>Every N hours</source>
        <translation>Elke N uur</translation>
    </message>
    <message>
        <source>Every N days</source>
        <translation>Elke N dagen</translation>
    </message>
    <message>
        <source>Every N weeks</source>
        <translation>Elke N weken</translation>
    </message>
</context>
<context>
    <name>zaw::setup::ScriptExporter</name>
    <message>
        <source>The script cannot be made: “%1” cannot be the name of one of its shell variables. This is a fault of the application; please report it.</source>
        <translation>Het script kan niet worden gemaakt: “%1” kan niet de naam van een van zijn shellvariabelen zijn. Dit is een fout in de toepassing; meld die alstublieft.</translation>
    </message>
</context>
<context>
    <name>zaw::setup::SetupPlan</name>
    <message>
        <source>Zoho CRM</source>
        <translation>Zoho CRM</translation>
    </message>
    <message>
        <source>Zoho CRM %1</source>
        <translation>Zoho CRM %1</translation>
    </message>
    <message>
        <source>Zoho CRM %1 dataflow</source>
        <translation>Zoho CRM %1-gegevensstroom</translation>
    </message>
    <message>
        <source>Zoho CRM %1 source connection</source>
        <translation>Zoho CRM %1-bronverbinding</translation>
    </message>
    <message>
        <source>Zoho CRM %1 target connection</source>
        <translation>Zoho CRM %1-doelverbinding</translation>
    </message>
    <message>
        <source>The saved setup was made by a newer version of this application. Update it to continue this setup.</source>
        <translation>De opgeslagen inrichting is gemaakt met een nieuwere versie van deze toepassing. Werk de toepassing bij om deze inrichting voort te zetten.</translation>
    </message>
    <message>
        <source>The saved setup cannot be read: it has no valid setup ID.</source>
        <translation>De opgeslagen inrichting kan niet worden gelezen: er staat geen geldige inrichtings-ID in.</translation>
    </message>
    <message>
        <source>The saved setup cannot be read: the module or the names of the objects to create are missing.</source>
        <translation>De opgeslagen inrichting kan niet worden gelezen: de module of de namen van de te maken objecten ontbreken.</translation>
    </message>
    <message>
        <source>Base connection (Zoho CRM account)</source>
        <translation>Basisverbinding (Zoho CRM-account)</translation>
    </message>
    <message>
        <source>XDM schema</source>
        <translation>XDM-schema</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <source>Source connection</source>
        <translation>Bronverbinding</translation>
    </message>
    <message>
        <source>Target connection</source>
        <translation>Doelverbinding</translation>
    </message>
    <message>
        <source>Mapping set</source>
        <translation>Toewijzingsset</translation>
    </message>
    <message>
        <source>Dataflow</source>
        <translation>Gegevensstroom</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wachten</translation>
    </message>
    <message>
        <source>In progress…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Was er al</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Choose the Zoho CRM module to load first.</source>
        <translation>Kies eerst de Zoho CRM-module die u wilt laden.</translation>
    </message>
    <message>
        <source>The base connection needs your Zoho CRM credentials, and this setup does not have them. Sign in to Zoho CRM again, then press Retry.</source>
        <translation>De basisverbinding heeft uw Zoho CRM-inloggegevens nodig, en deze inrichting heeft ze niet. Meld u opnieuw aan bij Zoho CRM en klik daarna op Opnieuw proberen.</translation>
    </message>
    <message>
        <source>The dataset &quot;%1&quot; has no XDM schema, so a dataflow cannot write into it. Choose another dataset or create a new one.</source>
        <translation>De dataset &quot;%1&quot; heeft geen XDM-schema, dus een gegevensstroom kan er niet in schrijven. Kies een andere dataset of maak een nieuwe.</translation>
    </message>
    <message>
        <source>Zoho CRM module %1</source>
        <translation>Zoho CRM-module %1</translation>
    </message>
    <message>
        <source>Data Lake dataset %1</source>
        <translation>Data Lake-dataset %1</translation>
    </message>
    <message>
        <source>The partial ingestion threshold must be more than 0 % and at most 100 %.</source>
        <translation>De drempel voor gedeeltelijke opname moet groter zijn dan 0 % en ten hoogste 100 %.</translation>
    </message>
    <message>
        <source>The setup is running; wait until it stops.</source>
        <translation>De inrichting loopt; wacht tot die stopt.</translation>
    </message>
</context>
<context>
    <name>zaw::setup::SourceAccountQuery</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>zaw::setup::SyncRecipe</name>
    <message>
        <source>Zoho CRM %1 (sync)</source>
        <translation>Zoho CRM %1 (synchronisatie)</translation>
    </message>
</context>
<context>
    <name>zaw::setup::TargetQuery</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>zaw::setup::XdmSchemaBuilder</name>
    <message>
        <source>File and image fields hold attachments, which a dataflow does not copy into AEP.</source>
        <translation>Bestands- en afbeeldingsvelden bevatten bijlagen, die een gegevensstroom niet naar AEP kopieert.</translation>
    </message>
    <message>
        <source>Subform rows are records of their own, which a profile field cannot hold. Load the subform&apos;s module as a table of its own if you need it.</source>
        <translation>Rijen van een subformulier zijn eigen records, die een profielveld niet kan bevatten. Laad de module van het subformulier als aparte tabel als u die nodig hebt.</translation>
    </message>
    <message>
        <source>Multi-select lookups are stored in a linking module. Load that module as a table of its own if you need the links.</source>
        <translation>Opzoekvelden met meervoudige selectie worden in een koppelmodule opgeslagen. Laad die module als aparte tabel als u de koppelingen nodig hebt.</translation>
    </message>
    <message>
        <source>Reminder and recurrence settings of activities have no place in a profile.</source>
        <translation>Herinnerings- en herhalingsinstellingen van activiteiten horen niet in een profiel.</translation>
    </message>
    <message>
        <source>The result type of this formula is unknown, so no XDM type can be chosen for it.</source>
        <translation>Het resultaattype van deze formule is onbekend, dus er kan geen XDM-type voor worden gekozen.</translation>
    </message>
    <message>
        <source>The Zoho field type &quot;%1&quot; has no XDM equivalent.</source>
        <translation>Het Zoho-veldtype &quot;%1&quot; heeft geen XDM-equivalent.</translation>
    </message>
    <message>
        <source>Zoho CRM %1</source>
        <translation>Zoho CRM %1</translation>
    </message>
    <message>
        <source>Profile schema for Zoho CRM %1, generated from the module&apos;s fields.</source>
        <translation>Profielschema voor Zoho CRM %1, gemaakt op basis van de velden van de module.</translation>
    </message>
    <message>
        <source>Deleted in Zoho CRM</source>
        <translation>Verwijderd in Zoho CRM</translation>
    </message>
    <message>
        <source>Deleted in Zoho CRM at</source>
        <translation>Verwijderd in Zoho CRM op</translation>
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
    <message>
        <source>&quot;%1.%2&quot; is not a text</source>
        <translation>&quot;%1.%2&quot; is geen tekst</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a list of texts</source>
        <translation>&quot;%1&quot; is geen lijst met teksten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not production, sandbox or developer</source>
        <translation>&quot;%1&quot; is niet production, sandbox of developer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not server or desktop</source>
        <translation>&quot;%1&quot; is niet server of desktop</translation>
    </message>
    <message>
        <source>&quot;version&quot; is not a format number</source>
        <translation>&quot;version&quot; is geen formaatnummer</translation>
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
    <name>zaw::sync::ModuleState</name>
    <message>
        <source>Cannot read the sync state %1 (%2). Check the file&apos;s permissions.</source>
        <translation>Kan de synchronisatiestatus %1 niet lezen (%2). Controleer de machtigingen van het bestand.</translation>
    </message>
    <message>
        <source>The sync state %1 is damaged (%2). Delete it to load the module again from the start.</source>
        <translation>De synchronisatiestatus %1 is beschadigd (%2). Verwijder die om de module opnieuw vanaf het begin te laden.</translation>
    </message>
    <message>
        <source>Cannot write the sync state %1 (%2). Check free space and permissions.</source>
        <translation>Kan de synchronisatiestatus %1 niet schrijven (%2). Controleer de vrije ruimte en de machtigingen.</translation>
    </message>
</context>
<context>
    <name>zaw::sync::Schedule</name>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 heeft niet op tijd geantwoord.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>De map %1 kon niet worden gemaakt.</translation>
    </message>
    <message>
        <source>The schedule file %1 could not be written: %2</source>
        <translation>Het planningsbestand %1 kon niet worden geschreven: %2</translation>
    </message>
    <message>
        <source>zoho-aep-connect was not found beside this program. Reinstall the application.</source>
        <translation>zoho-aep-connect is niet naast dit programma gevonden. Installeer de toepassing opnieuw.</translation>
    </message>
    <message>
        <source>The sync can run every 5 minutes at the most often and once a day at the least. Choose an interval between 5m and 1d.</source>
        <translation>De synchronisatie kan hoogstens elke 5 minuten en minstens eenmaal per dag worden uitgevoerd. Kies een interval tussen 5m en 1d.</translation>
    </message>
    <message>
        <source>systemctl is not available</source>
        <translation>systemctl is niet beschikbaar</translation>
    </message>
    <message>
        <source>The schedule&apos;s files are written, but the systemd user manager could not enable the timer (%1). When you are logged in to a desktop or after &quot;loginctl enable-linger&quot;, run: %2</source>
        <translation>De bestanden van de planning zijn geschreven, maar de systemd-gebruikersmanager kon de timer niet inschakelen (%1). Voer, wanneer u bij een desktop bent aangemeld of na &quot;loginctl enable-linger&quot;, het volgende uit: %2</translation>
    </message>
    <message>
        <source>The LaunchAgent is written, but launchd did not load it (%1). Run later: launchctl bootstrap %2 &quot;%3&quot;</source>
        <translation>De LaunchAgent is geschreven, maar launchd heeft die niet geladen (%1). Voer later uit: launchctl bootstrap %2 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>The task file is written, but Task Scheduler did not take it (%1). Run later: schtasks /Create /XML &quot;%2&quot; /TN &quot;%3&quot; /F</source>
        <translation>Het taakbestand is geschreven, maar Task Scheduler heeft het niet aangenomen (%1). Voer later uit: schtasks /Create /XML &quot;%2&quot; /TN &quot;%3&quot; /F</translation>
    </message>
    <message>
        <source>The schedule file %1 could not be deleted. Delete it by hand.</source>
        <translation>Het planningsbestand %1 kon niet worden verwijderd. Verwijder het handmatig.</translation>
    </message>
</context>
<context>
    <name>zaw::sync::SpoolWriter</name>
    <message>
        <source>Cannot write the sync file %1 (%2). Check free disk space and permissions.</source>
        <translation>Kan het synchronisatiebestand %1 niet schrijven (%2). Controleer de vrije schijfruimte en de machtigingen.</translation>
    </message>
</context>
<context>
    <name>zaw::sync::SyncEngine</name>
    <message>
        <source>This connection syncs no Zoho module yet. Set up a direct sync first.</source>
        <translation>Deze koppeling synchroniseert nog geen Zoho-module. Richt eerst een directe synchronisatie in.</translation>
    </message>
    <message>
        <source>This connection does not sync the module %1. Name one of its modules.</source>
        <translation>Deze koppeling synchroniseert de module %1 niet. Geef een van de modules ervan op.</translation>
    </message>
    <message>
        <source>The sync was stopped. The next run goes on where this one ended.</source>
        <translation>De synchronisatie is gestopt. De volgende run gaat verder waar deze is geëindigd.</translation>
    </message>
    <message>
        <source>AEP rejected the last batch of %1 because of its data: %2 Change the mapping of the module (or the records in Zoho CRM and set the sync up again); the sync does not send it again until then.</source>
        <translation>AEP heeft de laatste batch van %1 geweigerd vanwege de gegevens: %2 Wijzig de toewijzing van de module (of de records in Zoho CRM en richt de synchronisatie opnieuw in); tot dan verzendt de synchronisatie de batch niet opnieuw.</translation>
    </message>
    <message>
        <source>batch %1 ended with status %2.</source>
        <translation>batch %1 is geëindigd met status %2.</translation>
    </message>
    <message>
        <source>AEP did not take the batch of %1: %2 The next run sends it again.</source>
        <translation>AEP heeft de batch van %1 niet aangenomen: %2 De volgende run verzendt die opnieuw.</translation>
    </message>
    <message>
        <source>AEP rejected the batch of %1 because of its data: %2 Fix the mapping or the records; the sync does not send this window again until the mapping changes.</source>
        <translation>AEP heeft de batch van %1 geweigerd vanwege de gegevens: %2 Corrigeer de toewijzing of de records; de synchronisatie verzendt dit tijdvenster pas opnieuw als de toewijzing wijzigt.</translation>
    </message>
    <message>
        <source>Cannot write the sync files in %1. Check free disk space.</source>
        <translation>Kan de synchronisatiebestanden in %1 niet schrijven. Controleer de vrije schijfruimte.</translation>
    </message>
</context>
<context>
    <name>zaw::sync::SyncPaths</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>De map %1 kon niet worden gemaakt.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::CsvReader</name>
    <message>
        <source>The export file ends inside a quoted value: it is incomplete.</source>
        <translation>Het exportbestand eindigt midden in een waarde tussen aanhalingstekens: het is onvolledig.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::RedirectMatcher</name>
    <message>
        <source>The sign-in answer came back to an address with a user name in it and was ignored. Start the sign-in again.</source>
        <translation>Het antwoord op de aanmelding kwam binnen op een adres met een gebruikersnaam erin en is genegeerd. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The sign-in answer repeated the parameter &quot;%1&quot; and was ignored as unsafe. Start the sign-in again.</source>
        <translation>Het antwoord op de aanmelding bevatte de parameter &quot;%1&quot; meer dan eens en is als onveilig genegeerd. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The sign-in answer does not belong to this sign-in attempt (its state does not match). Start the sign-in again.</source>
        <translation>Het antwoord op de aanmelding hoort niet bij deze aanmeldpoging (de parameter state komt niet overeen). Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Access was not granted on Zoho&apos;s consent page. To connect, sign in again and choose Accept. (Zoho also answers this when more than 10 sign-ins were started within 10 minutes: then wait a few minutes.)</source>
        <translation>Op de toestemmingspagina van Zoho is geen toegang verleend. Meld u opnieuw aan en sta de toegang toe om te koppelen. (Zoho geeft dit antwoord ook als er binnen 10 minuten meer dan 10 aanmeldingen zijn gestart. Wacht dan een paar minuten.)</translation>
    </message>
    <message>
        <source>Zoho reported an error during sign-in: %1. Start the sign-in again.</source>
        <translation>Zoho meldde een fout tijdens het aanmelden: %1. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>The sign-in answer carried no grant code. Start the sign-in again.</source>
        <translation>Het antwoord op de aanmelding bevatte geen autorisatiecode. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Zoho named the data centre &quot;%1&quot;, which this application does not know. Check the endpoints file or contact support.</source>
        <translation>Zoho noemde het datacenter &quot;%1&quot;, maar dat kent deze toepassing niet. Controleer het endpointsbestand of neem contact op met de ondersteuning.</translation>
    </message>
    <message>
        <source>The sign-in answer named an accounts server (%1) that is not Zoho&apos;s for the data centre %2. It was ignored for your safety; start the sign-in again.</source>
        <translation>Het antwoord op de aanmelding noemde een accountserver (%1) die niet de server van Zoho voor het datacenter %2 is. Het antwoord is voor uw veiligheid genegeerd. Meld u opnieuw aan.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZipCsvReader</name>
    <message>
        <source>The Zoho CRM export could not be opened as a ZIP file (%1). Run it again.</source>
        <translation>De export van Zoho CRM kon niet als ZIP-bestand worden geopend (%1). Voer die opnieuw uit.</translation>
    </message>
    <message>
        <source>The Zoho CRM export is damaged (%1). Run it again.</source>
        <translation>De export van Zoho CRM is beschadigd (%1). Voer die opnieuw uit.</translation>
    </message>
    <message>
        <source>The Zoho CRM export holds no CSV file. Run it again.</source>
        <translation>De export van Zoho CRM bevat geen CSV-bestand. Voer die opnieuw uit.</translation>
    </message>
    <message>
        <source>The Zoho CRM export is not open.</source>
        <translation>De export van Zoho CRM is niet geopend.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoAppSettingsCheck</name>
    <message>
        <source>Enter the client ID from Zoho&apos;s API console.</source>
        <translation>Voer de client-ID uit de API-console van Zoho in.</translation>
    </message>
    <message>
        <source>A client ID has no spaces; copy it again from Zoho&apos;s API console.</source>
        <translation>Een client-ID bevat geen spaties. Kopieer de client-ID opnieuw uit de API-console van Zoho.</translation>
    </message>
    <message>
        <source>Enter the client secret from Zoho&apos;s API console (Client Secret tab).</source>
        <translation>Voer het clientgeheim uit de API-console van Zoho in (tabblad Client Secret).</translation>
    </message>
    <message>
        <source>The client type is server (server-based application) or desktop (mobile or desktop application with PKCE).</source>
        <translation>Het clienttype is server (servertoepassing) of desktop (mobiele of desktoptoepassing met PKCE).</translation>
    </message>
    <message>
        <source>Enter the redirect URI registered for the client, for example http://127.0.0.1:47913/callback.</source>
        <translation>Voer de redirect-URI in die voor de client is geregistreerd, bijvoorbeeld http://127.0.0.1:47913/callback.</translation>
    </message>
    <message>
        <source>The redirect URI must be a full http:// or https:// address.</source>
        <translation>De redirect-URI moet een volledig adres zijn dat begint met http:// of https://.</translation>
    </message>
    <message>
        <source>Plain http is only safe on this computer (127.0.0.1 or localhost); use https for other hosts.</source>
        <translation>Gewone http is alleen veilig op deze computer (127.0.0.1 of localhost). Gebruik https voor andere hosts.</translation>
    </message>
    <message>
        <source>The redirect URI must not contain a # part or a user name.</source>
        <translation>De redirect-URI mag geen #-deel en geen gebruikersnaam bevatten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Zoho data centre here; choose one of: %2.</source>
        <translation>&quot;%1&quot; is hier geen Zoho-datacentrum; kies een van: %2.</translation>
    </message>
    <message>
        <source>The CRM environment is production, sandbox or developer.</source>
        <translation>De CRM-omgeving is production, sandbox of developer.</translation>
    </message>
    <message>
        <source>Enter at least one scope.</source>
        <translation>Voer minstens één scope in.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a scope name (like ZohoCRM.modules.READ).</source>
        <translation>&quot;%1&quot; is geen scopenaam (zoals ZohoCRM.modules.READ).</translation>
    </message>
    <message>
        <source>Keep %1: it is needed to show which account signed in.</source>
        <translation>Neem %1 op: deze scope is nodig om te tonen welk account is aangemeld.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoAuthClient</name>
    <message>
        <source>Zoho did not accept the sign-in: the grant code expired (it lives about two minutes), was already used, or the refresh token was revoked. Sign in again.</source>
        <translation>Zoho heeft de aanmelding niet geaccepteerd: de autorisatiecode is verlopen (die is ongeveer twee minuten geldig) of al gebruikt, of het vernieuwingstoken is ingetrokken. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Zoho does not know this client ID in your data centre. Check the client ID, and in Zoho&apos;s API console enable your data centre for the client (Settings → Multi-DC).</source>
        <translation>Zoho kent deze client-ID niet in uw datacenter. Controleer de client-ID en schakel in de API-console van Zoho uw datacenter in voor de client (Settings → Multi-DC).</translation>
    </message>
    <message>
        <source>Zoho refused the client secret. Copy the secret again from Zoho&apos;s API console.</source>
        <translation>Zoho heeft het clientgeheim geweigerd. Kopieer het clientgeheim opnieuw uit de API-console van Zoho.</translation>
    </message>
    <message>
        <source>Zoho is refusing new tokens for a while because too many were requested (at most 10 every 10 minutes). Wait ten minutes and try again.</source>
        <translation>Zoho geeft tijdelijk geen nieuwe tokens, omdat er te veel zijn aangevraagd (maximaal 10 per 10 minuten). Wacht tien minuten en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Zoho denied access. If you did not press Deny, too many sign-ins were started within 10 minutes: wait a few minutes and sign in again.</source>
        <translation>Zoho heeft de toegang geweigerd. Hebt u de toegang niet zelf geweigerd, dan zijn er binnen 10 minuten te veel aanmeldingen gestart. Wacht een paar minuten en meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Zoho no longer accepts this token. Sign in again.</source>
        <translation>Zoho accepteert dit token niet meer. Meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Zoho refused the token request (%1). This is a bug in this application; please report it with the copied details.</source>
        <translation>Zoho heeft de tokenaanvraag geweigerd (%1). Dit is een fout in deze toepassing. Kopieer de details en meld de fout.</translation>
    </message>
    <message>
        <source>Zoho refused the sign-in (%1). Sign in again; if it keeps failing, check the client in Zoho&apos;s API console.</source>
        <translation>Zoho heeft de aanmelding geweigerd (%1). Meld u opnieuw aan. Mislukt het steeds, controleer dan de client in de API-console van Zoho.</translation>
    </message>
    <message>
        <source>Zoho&apos;s answer held no access token (HTTP %1). Try again later.</source>
        <translation>Het antwoord van Zoho bevatte geen toegangstoken (HTTP %1). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Zoho named an API domain (%1) that does not belong to your data centre (%2). Nothing was stored.</source>
        <translation>Zoho noemde een API-domein (%1) dat niet bij uw datacenter (%2) hoort. Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>The redirect URI differs from the one registered in Zoho&apos;s API console. Register exactly this redirect URI in Zoho&apos;s API console, or enter the one registered there.</source>
        <translation>De redirect-URI wijkt af van de URI die in de API-console van Zoho is geregistreerd. Registreer precies deze redirect-URI in de API-console van Zoho, of vul de daar geregistreerde in.</translation>
    </message>
    <message>
        <source>Zoho gave no refresh token, so the connection could not keep working after an hour. Sign in again and accept the access the application asks for.</source>
        <translation>Zoho gaf geen vernieuwingstoken, dus de koppeling zou na een uur niet meer werken. Meld u opnieuw aan en sta de toegang toe die de toepassing vraagt.</translation>
    </message>
    <message>
        <source>The data centre &quot;%1&quot; of this profile is not known to this application; check the endpoints file.</source>
        <translation>Het datacenter &quot;%1&quot; van dit profiel is onbekend voor deze toepassing; controleer het endpointsbestand.</translation>
    </message>
    <message>
        <source>Zoho is receiving too many requests just now. Wait a minute and try again.</source>
        <translation>Zoho krijgt op dit moment te veel verzoeken. Wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Zoho&apos;s sign-in service could not answer just now (HTTP %1). Try again in a moment.</source>
        <translation>De aanmelddienst van Zoho kon op dit moment niet antwoorden (HTTP %1). Probeer het zo meteen opnieuw.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoBulkRead</name>
    <message>
        <source>The Zoho CRM export was stopped.</source>
        <translation>De export van Zoho CRM is gestopt.</translation>
    </message>
    <message>
        <source>Zoho CRM did not name the export job it created. Try again; if it persists, report it.</source>
        <translation>Zoho CRM heeft de naam van de gemaakte exporttaak niet doorgegeven. Probeer het opnieuw; meld het als het probleem blijft.</translation>
    </message>
    <message>
        <source>Zoho CRM could not export the %1 records (export job %2 failed). Try again later.</source>
        <translation>Zoho CRM kon de %1-records niet exporteren (exporttaak %2 is mislukt). Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the Zoho CRM export. Check that the disk is writable.</source>
        <translation>Kan de map %1 voor de export van Zoho CRM niet maken. Controleer of er naar de schijf kan worden geschreven.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoCrmClient</name>
    <message>
        <source>Zoho CRM no longer accepts this connection&apos;s sign-in (it may have been revoked, or belong to another data centre or environment). Sign in to Zoho again.</source>
        <translation>Zoho CRM accepteert de aanmelding van deze koppeling niet meer (misschien is die ingetrokken, of hoort die bij een ander datacenter of een andere omgeving). Meld u opnieuw aan bij Zoho.</translation>
    </message>
    <message>
        <source>The Zoho sign-in does not include the permission this step needs. Sign in again granting: %1.</source>
        <translation>De aanmelding bij Zoho omvat niet de machtiging die deze stap nodig heeft. Meld u opnieuw aan en verleen: %1.</translation>
    </message>
    <message>
        <source>Your Zoho CRM edition does not offer this feature (%1).</source>
        <translation>Uw Zoho CRM-editie biedt deze functie niet (%1).</translation>
    </message>
    <message>
        <source>Zoho CRM refused the request: %1 (%2).</source>
        <translation>Zoho CRM heeft het verzoek geweigerd: %1 (%2).</translation>
    </message>
    <message>
        <source>Zoho CRM did not name the signed-in user.</source>
        <translation>Zoho CRM heeft niet gemeld welke gebruiker is aangemeld.</translation>
    </message>
    <message>
        <source>Zoho CRM did not describe the organisation.</source>
        <translation>Zoho CRM heeft geen gegevens over de organisatie gegeven.</translation>
    </message>
    <message>
        <source>Your permission profile in Zoho CRM is not allowed to use the API. Ask your Zoho administrator to enable &quot;Zoho CRM API Access&quot; for your profile (Setup → Users and Control → Security Control → Profiles)%1.</source>
        <translation>Uw machtigingsprofiel in Zoho CRM mag de API niet gebruiken. Vraag uw Zoho-beheerder om &quot;Zoho CRM API Access&quot; voor uw profiel in te schakelen (Setup → Users and Control → Security Control → Profiles)%1.</translation>
    </message>
    <message>
        <source>Zoho CRM does not know this module, or your permission profile in Zoho CRM cannot see it.</source>
        <translation>Zoho CRM kent deze module niet, of uw machtigingsprofiel in Zoho CRM kan hem niet zien.</translation>
    </message>
    <message numerus="yes">
        <source>Zoho CRM is receiving too many requests from your organisation (API credits or concurrent calls used up). Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Zoho CRM ontvangt te veel aanvragen van uw organisatie (API-credits of gelijktijdige aanroepen opgebruikt). Wacht %n seconde en probeer het opnieuw.</numerusform>
            <numerusform>Zoho CRM ontvangt te veel aanvragen van uw organisatie (API-credits of gelijktijdige aanroepen opgebruikt). Wacht %n seconden en probeer het opnieuw.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your Zoho CRM organisation has used up its API credits or concurrent calls for now. Wait a few minutes and try again.</source>
        <translation>Uw Zoho CRM-organisatie heeft haar API-credits of gelijktijdige aanroepen voorlopig opgebruikt. Wacht een paar minuten en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Zoho CRM could not run the query: %1 (%2%3). If a field was deleted or renamed in Zoho, remove it from the selection.</source>
        <translation>Zoho CRM kon de query niet uitvoeren: %1 (%2%3). Als een veld in Zoho is verwijderd of hernoemd, haal het dan uit de selectie.</translation>
    </message>
    <message>
        <source>Zoho CRM could not run the query: %1 (%2%3). Copy the details and report this.</source>
        <translation>Zoho CRM kon de query niet uitvoeren: %1 (%2%3). Kopieer de details en meld dit.</translation>
    </message>
    <message>
        <source>Zoho CRM answered the query with something that is not a list of records. Try again; if it persists, report it.</source>
        <translation>Zoho CRM heeft de query beantwoord met iets dat geen lijst met records is. Probeer het opnieuw; meld het als het probleem blijft.</translation>
    </message>
    <message>
        <source>Zoho CRM did not say how many records the module holds.</source>
        <translation>Zoho CRM heeft niet aangegeven hoeveel records de module bevat.</translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoSignInFlow</name>
    <message>
        <source>The data centre &quot;%1&quot; is not known.</source>
        <translation>Het datacenter &quot;%1&quot; is onbekend.</translation>
    </message>
    <message>
        <source>No sign-in is in progress.</source>
        <translation>Er is geen aanmelding bezig.</translation>
    </message>
    <message>
        <source>This address is not the redirect URI of this sign-in (%1). Paste the whole address of the page Zoho sent you to.</source>
        <translation>Dit adres is niet de redirect-URI van deze aanmelding (%1). Plak het volledige adres van de pagina waar Zoho u naartoe stuurde.</translation>
    </message>
    <message>
        <source>Exchanging the grant code at %1…</source>
        <translation>Autorisatiecode inwisselen bij %1…</translation>
    </message>
    <message>
        <source>Checking the Zoho account…</source>
        <translation>Zoho-account controleren…</translation>
    </message>
    <message>
        <source>The environment &quot;%1&quot; is not available for this data centre.</source>
        <translation>De omgeving &quot;%1&quot; is niet beschikbaar voor dit datacenter.</translation>
    </message>
    <message>
        <source>You chose the environment &quot;%1&quot;, but the organisation picked on Zoho&apos;s page belongs to the environment &quot;%2&quot;. Sign in again and pick the right organisation, or change the environment.</source>
        <translation>U koos de omgeving &quot;%1&quot;, maar de organisatie die op de pagina van Zoho is gekozen hoort bij de omgeving &quot;%2&quot;. Meld u opnieuw aan en kies de juiste organisatie, of wijzig de omgeving.</translation>
    </message>
    <message>
        <source>This sign-in answer has been used already and was ignored. To sign in again, start a new sign-in.</source>
        <translation>Dit aanmeldantwoord is al gebruikt en is genegeerd. Start een nieuwe aanmelding om u opnieuw aan te melden.</translation>
    </message>
    <message>
        <source>The sign-in answer named an accounts server (%1) that is not Zoho&apos;s for the data centre &quot;%2&quot;. It was ignored for your safety; start the sign-in again.</source>
        <translation>Het aanmeldantwoord noemde een accountserver (%1) die niet die van Zoho voor datacentrum &quot;%2&quot; is. Het is voor uw veiligheid genegeerd; start de aanmelding opnieuw.</translation>
    </message>
    <message>
        <source>Zoho named an API domain (%1) that does not belong to your data centre (%2). Nothing was stored.</source>
        <translation>Zoho noemde een API-domein (%1) dat niet bij uw datacenter (%2) hoort. Er is niets opgeslagen.</translation>
    </message>
</context>
</TS>
