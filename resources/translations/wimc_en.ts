<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>GuestsPage</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/guests_page.py" line="235"/>
        <source>The first %1 of %Ln guests matching “%2”</source>
        <translation>
            <numerusform>The first %1 of %Ln guest matching “%2”</numerusform>
            <numerusform>The first %1 of %Ln guests matching “%2”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/guests_page.py" line="240"/>
        <source>%Ln guests match “%1”</source>
        <translation>
            <numerusform>%Ln guest matches “%1”</numerusform>
            <numerusform>%Ln guests match “%1”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsPanel</name>
    <message numerus="yes">
        <location filename="../../wimc_desktop/ui/search_results_panel.py" line="141"/>
        <source>%Ln guests match “%1”. ↑↓ choose, Enter admits.</source>
        <translation>
            <numerusform>%Ln guest matches “%1”. ↑↓ choose, Enter admits.</numerusform>
            <numerusform>%Ln guests match “%1”. ↑↓ choose, Enter admits.</numerusform>
        </translation>
    </message>
</context>
</TS>
