<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BadgeCard</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/badge_card.py" line="150"/>
        <source>Printed %Ln times, last at %1 by %2.</source>
        <translation>
            <numerusform>Printed once, last at %1 by %2.</numerusform>
            <numerusform>Printed %Ln times, last at %1 by %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/badges_page.py" line="445"/>
        <source>%Ln of these badges were printed before.</source>
        <translation>
            <numerusform>%Ln of these badges was printed before.</numerusform>
            <numerusform>%Ln of these badges were printed before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CeremonyView</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/ceremony_view.py" line="139"/>
        <source>%Ln projects signed</source>
        <translation>
            <numerusform>%Ln project signed</numerusform>
            <numerusform>%Ln projects signed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventStatusBar</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="93"/>
        <source>%Ln pending</source>
        <translation>
            <numerusform>%Ln pending</numerusform>
            <numerusform>%Ln pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuestsPage</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/guests_page.py" line="243"/>
        <source>The first %1 of %Ln guests matching “%2”</source>
        <translation>
            <numerusform>The first %1 of %Ln guest matching “%2”</numerusform>
            <numerusform>The first %1 of %Ln guests matching “%2”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/guests_page.py" line="248"/>
        <source>%Ln guests match “%1”</source>
        <translation>
            <numerusform>%Ln guest matches “%1”</numerusform>
            <numerusform>%Ln guests match “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="161"/>
        <source>Replace their badge codes (%Ln guests get this file&apos;s codes; their old badges are revoked, as in a reissue)</source>
        <translation>
            <numerusform>Replace the badge code (%Ln guest gets this file&apos;s code; the old badge is revoked, as in a reissue)</numerusform>
            <numerusform>Replace their badge codes (%Ln guests get this file&apos;s codes; their old badges are revoked, as in a reissue)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="167"/>
        <source>The first %Ln rows as read:</source>
        <translation>
            <numerusform>The first row as read:</numerusform>
            <numerusform>The first %Ln rows as read:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="95"/>
        <source>Importing… %1 of %Ln rows</source>
        <translation>
            <numerusform>Importing… %1 of %Ln row</numerusform>
            <numerusform>Importing… %1 of %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="28"/>
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="29"/>
        <source>%Ln new guests</source>
        <translation>
            <numerusform>%Ln new guest</numerusform>
            <numerusform>%Ln new guests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsPanel</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/search_results_panel.py" line="147"/>
        <source>%Ln guests match “%1”. ↑↓ choose, Enter admits.</source>
        <translation>
            <numerusform>%Ln guest matches “%1”. ↑↓ choose, Enter admits.</numerusform>
            <numerusform>%Ln guests match “%1”. ↑↓ choose, Enter admits.</numerusform>
        </translation>
    </message>
</context>
</TS>
