<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppearancePage</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>On top of the system&apos;s font size. Ctrl++ and Ctrl+- change it at any time, Ctrl+0 resets it.</source>
        <translation>Zusätzlich zur Schriftgröße des Systems. Strg++ und Strg+- ändern sie jederzeit, Strg+0 setzt sie zurück.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No one checked in yet</source>
        <extracomment>``setPen(Qt.PenStyle.NoPen)`` call, which crashes a long-running board.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceActions</name>
    <message>
        <source>&amp;Attendance</source>
        <extracomment>set to 1 (or pass ``gui --smoke-test``) to quit as soon as the window is shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export the day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention period…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purge personal data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete this event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep personal data for how many days after the event?
Leave empty to keep it until you purge or delete the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a number of days, e.g. 90, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retention period of this event ended on %1. Delete the personal data now? Anonymous counts stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the names and all other personal data of %1 people from this event and its backups? Only anonymous counts stay. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 with all check-ins and its backup copies? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgePanel</name>
    <message>
        <source>Where the badge is</source>
        <translation>Wo das Namensschild liegt</translation>
    </message>
    <message>
        <source>&amp;Reprint badge</source>
        <translation>Namensschild &amp;neu drucken</translation>
    </message>
    <message>
        <source>Print this person&apos;s badge again (Ctrl+P)</source>
        <translation>Das Namensschild dieser Person erneut drucken (Strg+P)</translation>
    </message>
</context>
<context>
    <name>BadgePreview</name>
    <message>
        <source>Badge preview</source>
        <translation>Vorschau des Namensschilds</translation>
    </message>
</context>
<context>
    <name>BadgesController</name>
    <message>
        <source>Badge</source>
        <translation>Namensschild</translation>
    </message>
    <message>
        <source>&amp;Badges</source>
        <translation>Namens&amp;schilder</translation>
    </message>
    <message>
        <source>Badge &amp;panel</source>
        <translation>Namensschild-&amp;Leiste</translation>
    </message>
    <message>
        <source>&amp;Reprint selected badge</source>
        <translation>Ausgewähltes Namensschild &amp;neu drucken</translation>
    </message>
    <message>
        <source>Badges, &amp;templates and printing…</source>
        <translation>Namensschilder, &amp;Vorlagen und Drucken…</translation>
    </message>
    <message>
        <source> (handed out)</source>
        <translation> (ausgegeben)</translation>
    </message>
    <message>
        <source>Pre-printed badge: {where}</source>
        <translation>Vorgedrucktes Namensschild: {where}</translation>
    </message>
</context>
<context>
    <name>BadgesDialog</name>
    <message>
        <source>Badges</source>
        <translation>Namensschilder</translation>
    </message>
    <message>
        <source>Print settings</source>
        <translation>Druckeinstellungen</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>The layout&apos;s own template</source>
        <translation>Die Vorlage des Layouts</translation>
    </message>
    <message>
        <source>printer default</source>
        <translation>Standard des Druckers</translation>
    </message>
    <message>
        <source>Print a badge when a person checks in for the first time</source>
        <translation>Beim ersten Check-in einer Person ein Namensschild drucken</translation>
    </message>
    <message>
        <source>&amp;Save for this desk</source>
        <translation>Für diesen Schalter &amp;speichern</translation>
    </message>
    <message>
        <source>Print &amp;test page</source>
        <translation>&amp;Testseite drucken</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>Paper / layout</source>
        <translation>Papier / Layout</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Papierfach</translation>
    </message>
    <message>
        <source>Move right by (mm)</source>
        <translation>Nach rechts verschieben um (mm)</translation>
    </message>
    <message>
        <source>Move down by (mm)</source>
        <translation>Nach unten verschieben um (mm)</translation>
    </message>
    <message>
        <source>Saved for {desk}.</source>
        <translation>Für {desk} gespeichert.</translation>
    </message>
    <message>
        <source>Sending the test page…</source>
        <translation>Testseite wird gesendet…</translation>
    </message>
    <message>
        <source>Test page sent ({ref}).</source>
        <translation>Testseite gesendet ({ref}).</translation>
    </message>
    <message>
        <source>Template JSON</source>
        <translation>Vorlage (JSON)</translation>
    </message>
    <message>
        <source>Save in the &amp;event</source>
        <translation>In der &amp;Veranstaltung speichern</translation>
    </message>
    <message>
        <source>The template is fine.</source>
        <translation>Die Vorlage ist in Ordnung.</translation>
    </message>
    <message>
        <source>Saved in the event.</source>
        <translation>In der Veranstaltung gespeichert.</translation>
    </message>
    <message>
        <source>Only people without a printed badge</source>
        <translation>Nur Personen ohne gedrucktes Namensschild</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>&amp;Print on the desk&apos;s printer</source>
        <translation>Auf dem Drucker des Schalters &amp;drucken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Sorted by</source>
        <translation>Sortiert nach</translation>
    </message>
    <message>
        <source>First free label</source>
        <translation>Erstes freies Etikett</translation>
    </message>
    <message>
        <source>Save badges</source>
        <translation>Namensschilder speichern</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Wird erzeugt…</translation>
    </message>
    <message>
        <source>{n} badges on {p} pages: {where}.</source>
        <translation>{n} Namensschilder auf {p} Seiten: {where}.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was recorded.</source>
        <translation>Abgebrochen; nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Scan with camera</source>
        <extracomment>The same code seen again within this many seconds is the same badge held up.</extracomment>
        <translation>Mit der Kamera scannen</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <source>Hold the badge&apos;s code in front of the camera.</source>
        <translation>Halten Sie den Code des Namensschilds vor die Kamera.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Desk &amp;name:</source>
        <translation>&amp;Name des Schalters:</translation>
    </message>
    <message>
        <source>Shown in the window and recorded with every check-in, e.g. “Desk 2” or “Entrance B”.</source>
        <translation>Wird im Fenster gezeigt und bei jedem Check-in gespeichert, z. B. „Schalter 2“ oder „Eingang B“.</translation>
    </message>
    <message>
        <source>Play &amp;sounds for check-in results</source>
        <translation>&amp;Töne zu Check-in-Ergebnissen abspielen</translation>
    </message>
    <message>
        <source>Play sounds for check-in results</source>
        <translation>Töne zu Check-in-Ergebnissen abspielen</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Schalter</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>Type a name or scan a badge</source>
        <extracomment>the session (workshop) this door counts for; None = the day itself</extracomment>
        <translation>Namen eingeben oder Namensschild scannen</translation>
    </message>
    <message>
        <source>Search or scan</source>
        <translation>Suchen oder scannen</translation>
    </message>
    <message>
        <source>Event day</source>
        <translation>Veranstaltungstag</translation>
    </message>
    <message>
        <source>The event day check-ins count for (follows the clock; change it if needed)</source>
        <translation>Der Veranstaltungstag, für den Check-ins zählen (folgt der Uhr; bei Bedarf ändern)</translation>
    </message>
    <message>
        <source> (today)</source>
        <translation> (heute)</translation>
    </message>
    <message>
        <source>Matching attendees</source>
        <translation>Passende Teilnehmende</translation>
    </message>
    <message>
        <source>&amp;Check in (Enter)</source>
        <translation>&amp;Einchecken (Eingabetaste)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Correct a typo in the name or organisation</source>
        <translation>Einen Tippfehler in Name oder Organisation korrigieren</translation>
    </message>
    <message>
        <source>Print &amp;badge</source>
        <translation>Namensschild &amp;drucken</translation>
    </message>
    <message>
        <source>Add &amp;walk-in…</source>
        <translation>Spontane An&amp;meldung…</translation>
    </message>
    <message>
        <source>Someone not on the list (Ctrl+Shift+N)</source>
        <translation>Jemand, der nicht auf der Liste steht (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>This event has no participants yet. Import your participant list with File › Import participants… (Ctrl+I), then search or scan here.</source>
        <translation>Diese Veranstaltung hat noch keine Teilnehmenden. Importieren Sie Ihre Teilnehmerliste mit Datei › Teilnehmende importieren… (Strg+I) und suchen oder scannen Sie dann hier.</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>No one found — check the spelling, search by organisation, or add a walk-in.</source>
        <translation>Niemand gefunden – prüfen Sie die Schreibweise, suchen Sie nach der Organisation oder legen Sie eine spontane Anmeldung an.</translation>
    </message>
    <message>
        <source>Latest check-ins</source>
        <translation>Letzte Check-ins</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Spontane Anmeldung</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>No one matches “{text}”. Check the spelling, try part of the name or the organisation, or add a walk-in (Ctrl+Shift+N).</source>
        <translation>Niemand passt zu „{text}“. Prüfen Sie die Schreibweise, versuchen Sie einen Teil des Namens oder die Organisation, oder legen Sie eine spontane Anmeldung an (Strg+Umschalt+N).</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>{done} / {expected} checked in today</source>
        <translation>{done} / {expected} heute eingecheckt</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>{name}&apos;s details were corrected. Print a new badge?</source>
        <translation>Die Angaben von {name} wurden korrigiert. Ein neues Namensschild drucken?</translation>
    </message>
    <message>
        <source>Search also in</source>
        <translation>Auch durchsuchen</translation>
    </message>
    <message>
        <source>Names, organisation, project, email and ticket codes are always searched. Also search these imported columns:</source>
        <translation>Namen, Organisation, Projekt, E-Mail und Ticketcodes werden immer durchsucht. Zusätzlich diese importierten Spalten durchsuchen:</translation>
    </message>
    <message>
        <source>Check in the selected person</source>
        <translation>Ausgewählte Person einchecken</translation>
    </message>
    <message>
        <source>Checked in today</source>
        <translation>Heute eingecheckt</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day (XLSX only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List for signatures (everyone expected, with a column to sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain CSV with commas (not for German Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished">Spalten</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished">Auswählen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 people to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Participant list</source>
        <extracomment>languages the GUI is translated into; English is the source language</extracomment>
        <translation>Teilnehmerliste</translation>
    </message>
    <message>
        <source>Choose the file. Check the first rows below: if names look garbled or columns are jumbled, change the settings.</source>
        <translation>Wählen Sie die Datei. Prüfen Sie die ersten Zeilen unten: Wenn Namen verstümmelt oder Spalten durcheinander aussehen, ändern Sie die Einstellungen.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>Gelesen als:</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>Teilnehmende importieren</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>sheet “{0}”</source>
        <translation>Tabellenblatt „{0}“</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source> — a {0} export</source>
        <translation> – ein Export aus {0}</translation>
    </message>
    <message>
        <source>{0}: {1}, column names in row {2}{3}. The first rows:</source>
        <translation>{0}: {1}, Spaltennamen in Zeile {2}{3}. Die ersten Zeilen:</translation>
    </message>
</context>
<context>
    <name>ImportHook</name>
    <message>
        <source>&amp;Import participants…</source>
        <translation>Teilnehmende &amp;importieren…</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>Teilnehmende importieren</translation>
    </message>
    <message>
        <source>Open or create an event first, then import its participant list.</source>
        <translation>Öffnen oder erstellen Sie zuerst eine Veranstaltung und importieren Sie dann ihre Teilnehmerliste.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation>Import abgebrochen. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Done: {0} added, {1} updated, {2} unchanged, {3} cancelled.</source>
        <translation>Fertig: {0} hinzugefügt, {1} aktualisiert, {2} unverändert, {3} storniert.</translation>
    </message>
    <message>
        <source>The import failed and nothing was changed: {0}</source>
        <translation>Der Import ist fehlgeschlagen, nichts wurde geändert: {0}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import participants</source>
        <translation>Teilnehmende importieren</translation>
    </message>
</context>
<context>
    <name>LiveBoard</name>
    <message>
        <source>Live board — %s</source>
        <extracomment>(name, value, of (None: no limit), colour)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 expected</source>
        <extracomment>the last breakdowns shown, by field</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not on the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added at the desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open event</source>
        <translation>Geöffnete Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>Veranstaltung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>&amp;Normale Größe</translation>
    </message>
    <message>
        <source>&amp;Door</source>
        <translation>E&amp;inlass</translation>
    </message>
    <message>
        <source>&amp;Undo last check-in</source>
        <translation>Letzten Check-in &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Add &amp;walk-in…</source>
        <translation>Spontane An&amp;meldung…</translation>
    </message>
    <message>
        <source>&amp;Edit selected person…</source>
        <translation>Ausgewählte Person &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Find or scan</source>
        <translation>&amp;Suchen oder scannen</translation>
    </message>
    <message>
        <source>Scan with &amp;camera…</source>
        <translation>Mit &amp;Kamera scannen…</translation>
    </message>
    <message>
        <source>Read badges with a webcam</source>
        <translation>Namensschilder mit einer Webcam lesen</translation>
    </message>
    <message>
        <source>&amp;Sounds</source>
        <translation>&amp;Töne</translation>
    </message>
    <message>
        <source>Search also &amp;in…</source>
        <translation>Auch durchsuchen &amp;in…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About checkin</source>
        <translation>Ü&amp;ber checkin</translation>
    </message>
    <message>
        <source>checkin %1</source>
        <translation>checkin %1</translation>
    </message>
    <message>
        <source>No event open</source>
        <translation>Keine Veranstaltung geöffnet</translation>
    </message>
    <message>
        <source>About checkin</source>
        <translation>Über checkin</translation>
    </message>
    <message>
        <source>&lt;h3&gt;checkin %1&lt;/h3&gt;&lt;p&gt;The registration desk for conferences: import the participant list, search or scan at the door, print badges, count and export attendance.&lt;/p&gt;&lt;p&gt;Qt %2 · Python %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;checkin %1&lt;/h3&gt;&lt;p&gt;Der Registrierungsschalter für Konferenzen: Teilnehmerliste importieren, am Einlass suchen oder scannen, Namensschilder drucken, Anwesenheit zählen und exportieren.&lt;/p&gt;&lt;p&gt;Qt %2 · Python %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot open event</source>
        <translation>Veranstaltung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>checkin events (*.checkin);;All files (*)</source>
        <translation>checkin-Veranstaltungen (*.checkin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>Name of the event:</source>
        <translation>Name der Veranstaltung:</translation>
    </message>
    <message>
        <source>Days (YYYY-MM-DD, separated by commas):</source>
        <translation>Tage (JJJJ-MM-TT, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Cannot create event</source>
        <translation>Veranstaltung kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>Die Demo kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Say what each column holds. Columns you keep as extra fields can appear on badges, in search and in exports.</source>
        <translation>Geben Sie an, was jede Spalte enthält. Spalten, die Sie als zusätzliche Felder behalten, können auf Namensschildern, in der Suche und in Exporten erscheinen.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Field of column {0}</source>
        <translation>Feld der Spalte {0}</translation>
    </message>
    <message>
        <source>The mapping you chose last time for these columns is used.</source>
        <translation>Die Zuordnung, die Sie zuletzt für diese Spalten gewählt haben, wird verwendet.</translation>
    </message>
    <message>
        <source>The columns were recognised by their names; check them.</source>
        <translation>Die Spalten wurden an ihren Namen erkannt; bitte prüfen Sie sie.</translation>
    </message>
    <message>
        <source>No column holds names yet: choose the column with the names.</source>
        <translation>Noch keine Spalte enthält Namen: Wählen Sie die Spalte mit den Namen.</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Type a first or last name.</source>
        <translation>Geben Sie einen Vor- oder Nachnamen ein.</translation>
    </message>
</context>
<context>
    <name>PrintQueueView</name>
    <message>
        <source>Print jobs</source>
        <extracomment>Asks the print system about a sent job: pending, completed or unknown.</extracomment>
        <translation>Druckaufträge</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation>Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Row text</source>
        <translation>Zeilentext</translation>
    </message>
    <message>
        <source>✓ Every row can be imported: no missing names, no duplicates, no malformed emails.</source>
        <translation>✓ Jede Zeile kann importiert werden: keine fehlenden Namen, keine Dubletten, keine fehlerhaften E-Mail-Adressen.</translation>
    </message>
    <message>
        <source>Reading and checking every row…</source>
        <translation>Alle Zeilen werden gelesen und geprüft…</translation>
    </message>
    <message>
        <source>Mark the {0} people who are not in this list as cancelled (nobody is deleted; untick if this list only adds people)</source>
        <translation>Die {0} Personen, die nicht in dieser Liste stehen, als storniert markieren (niemand wird gelöscht; abwählen, wenn diese Liste nur Personen hinzufügt)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>The first {0} problems are listed; run &apos;checkin import --dry-run&apos; for all.</source>
        <translation>Die ersten {0} Probleme sind aufgeführt; alle zeigt &apos;checkin import --dry-run&apos;.</translation>
    </message>
    <message>
        <source>Import the other rows and leave out the {0} row(s) with errors</source>
        <translation>Die übrigen Zeilen importieren und die {0} fehlerhafte(n) Zeile(n) auslassen</translation>
    </message>
    <message>
        <source>{0} rows read. The import will add {1}, update {2} and cancel {3} people; {4} are unchanged. {5} row(s) will be left out, {6} warning(s).</source>
        <translation>{0} Zeilen gelesen. Der Import fügt {1} Personen hinzu, aktualisiert {2} und storniert {3}; {4} bleiben unverändert. {5} Zeile(n) werden ausgelassen, {6} Warnung(en).</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>Check in &amp;anyway</source>
        <extracomment>what a screen reader says instead of the colour and symbol</extracomment>
        <translation>&amp;Trotzdem einchecken</translation>
    </message>
    <message>
        <source>Admit this person today (written to the log)</source>
        <translation>Diese Person heute einlassen (wird protokolliert)</translation>
    </message>
    <message>
        <source>&amp;Print badge</source>
        <translation>Namensschild &amp;drucken</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Willkommen, {name}!</translation>
    </message>
    <message>
        <source>Checked in at {time} · {desk}</source>
        <translation>Eingecheckt um {time} · {desk}</translation>
    </message>
    <message>
        <source> · admitted by staff (logged)</source>
        <translation> · vom Personal eingelassen (protokolliert)</translation>
    </message>
    <message>
        <source>  (scanned twice — counted once)</source>
        <translation>  (zweimal gescannt – einmal gezählt)</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>✔ Checked in {time} ({desk})</source>
        <extracomment>Result rows shown for a query.</extracomment>
        <translation>✔ Eingecheckt {time} ({desk})</translation>
    </message>
    <message>
        <source>✖ Cancelled</source>
        <translation>✖ Storniert</translation>
    </message>
    <message>
        <source>✖ Not registered today</source>
        <translation>✖ Heute nicht angemeldet</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <source>Session this desk counts for</source>
        <extracomment>the session id this door now counts for (None: the day itself)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans at this desk count for the chosen session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole day</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>FULL %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the session on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places (0 = no limit):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings of this desk</source>
        <extracomment>the tabs of the dialog, in order; features append their own page factory here</extracomment>
        <translation>Einstellungen dieses Schalters</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>These settings belong to this computer. Settings of the event itself are kept in the event file.</source>
        <translation>Diese Einstellungen gehören zu diesem Computer. Einstellungen der Veranstaltung selbst stehen in der Veranstaltungsdatei.</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to checkin</source>
        <extracomment>corrections to Fusion&apos;s light palette: its selection (#308cc6 under white text) is 3.7:1</extracomment>
        <translation>Willkommen bei checkin</translation>
    </message>
    <message>
        <source>Open the event of your conference, create a new one, or try the demo event with 200 participants.</source>
        <translation>Öffnen Sie die Veranstaltung Ihrer Konferenz, legen Sie eine neue an oder probieren Sie die Demo-Veranstaltung mit 200 Teilnehmenden aus.</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>Create and open a demo event</source>
        <translation>Eine Demo-Veranstaltung anlegen und öffnen</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Neue Veranstaltung…</translation>
    </message>
    <message>
        <source>Create an empty event file (Ctrl+N)</source>
        <translation>Eine leere Veranstaltungsdatei anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>Veranstaltung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open an existing .checkin file (Ctrl+O)</source>
        <translation>Eine vorhandene .checkin-Datei öffnen (Strg+O)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Sorry, something went wrong. Your event is safe: every check-in is saved before it is shown. A report was written to %1.</source>
        <translation>Entschuldigung, etwas ist schiefgegangen. Ihre Veranstaltung ist sicher: Jeder Check-in wird gespeichert, bevor er angezeigt wird. Ein Bericht wurde nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Your event is safe.</source>
        <translation>Entschuldigung, etwas ist schiefgegangen. Ihre Veranstaltung ist sicher.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
</context>
</TS>
