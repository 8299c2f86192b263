<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>zaw::ConsentRunner</name>
    <message numerus="yes">
        <source>No answer from the sign-in within %n second(s). Run the command again.</source>
        <translation>
            <numerusform>No answer from the sign-in within %n second. Run the command again.</numerusform>
            <numerusform>No answer from the sign-in within %n seconds. Run the command again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::ReviewPage</name>
    <message numerus="yes">
        <source>every %n minute(s) from %1</source>
        <translation>
            <numerusform>every minute from %1</numerusform>
            <numerusform>every %n minutes from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s) from %1</source>
        <translation>
            <numerusform>every hour from %1</numerusform>
            <numerusform>every %n hours from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n day(s) from %1</source>
        <translation>
            <numerusform>every day from %1</numerusform>
            <numerusform>every %n days from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n week(s) from %1</source>
        <translation>
            <numerusform>every week from %1</numerusform>
            <numerusform>every %n weeks from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SelectDataPage</name>
    <message numerus="yes">
        <source>%n module(s). Choose one.</source>
        <translation>
            <numerusform>%n module. Choose it.</numerusform>
            <numerusform>%n modules. Choose one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s), as Experience Platform reads them.</source>
        <translation>
            <numerusform>The first row, as Experience Platform reads it.</numerusform>
            <numerusform>The first %n rows, as Experience Platform reads them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n column(s).</source>
        <translation>
            <numerusform>%1: %n column.</numerusform>
            <numerusform>%1: %n columns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n record(s), as Zoho CRM answers them.</source>
        <translation>
            <numerusform>The first record, as Zoho CRM answers it.</numerusform>
            <numerusform>The first %n records, as Zoho CRM answers them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SourceAccountPage</name>
    <message numerus="yes">
        <source>%n Zoho CRM account(s) found in this sandbox.</source>
        <translation>
            <numerusform>%n Zoho CRM account found in this sandbox.</numerusform>
            <numerusform>%n Zoho CRM accounts found in this sandbox.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncBackend</name>
    <message numerus="yes">
        <source>last run %1: %Ln record(s), %2</source>
        <translation>
            <numerusform>last run %1: %Ln record, %2</numerusform>
            <numerusform>last run %1: %Ln records, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncMappingPage</name>
    <message numerus="yes">
        <source>%1: %n field(s) go into the new schema.</source>
        <translation>
            <numerusform>%1: %n field goes into the new schema.</numerusform>
            <numerusform>%1: %n fields go into the new schema.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncPages</name>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncReviewPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;Zoho CRM module:&lt;/b&gt; %1 (%n field(s) read)</source>
        <translation>
            <numerusform>&lt;b&gt;Zoho CRM module:&lt;/b&gt; %1 (%n field read)</numerusform>
            <numerusform>&lt;b&gt;Zoho CRM module:&lt;/b&gt; %1 (%n fields read)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::SyncRunView</name>
    <message numerus="yes">
        <source>; %n row(s) refused by Experience Platform</source>
        <translation>
            <numerusform>; %n row refused by Experience Platform</numerusform>
            <numerusform>; %n rows refused by Experience Platform</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln record(s) read</source>
        <translation>
            <numerusform>%1: %Ln record read</numerusform>
            <numerusform>%1: %Ln records read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deletion(s)</source>
        <translation>
            <numerusform>%Ln deletion</numerusform>
            <numerusform>%Ln deletions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s) uploaded</source>
        <translation>
            <numerusform>%1 of %Ln file uploaded</numerusform>
            <numerusform>%1 of %Ln files uploaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::TargetPage</name>
    <message numerus="yes">
        <source>%n dataset(s) in this sandbox.</source>
        <translation>
            <numerusform>%n dataset in this sandbox.</numerusform>
            <numerusform>%n datasets in this sandbox.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>zaw::zoho::ZohoCrmClient</name>
    <message numerus="yes">
        <source>Zoho CRM is receiving too many requests from your organisation (API credits or concurrent calls used up). Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Zoho CRM is receiving too many requests from your organisation (API credits or concurrent calls used up). Wait %n second and try again.</numerusform>
            <numerusform>Zoho CRM is receiving too many requests from your organisation (API credits or concurrent calls used up). Wait %n seconds and try again.</numerusform>
        </translation>
    </message>
</context>
</TS>
