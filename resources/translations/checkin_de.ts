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
        <extracomment>Breakdowns are recomputed at most this often (they join every person of the day). A QPen object, not the enum: PySide6 6.12 leaks a reference to None on every ``setPen(Qt.PenStyle.NoPen)`` call, which crashes a long-running board. the board&apos;s size where the screen has room (a projector, a 1920×1080 monitor)</extracomment>
        <translation>Noch niemand eingecheckt</translation>
    </message>
</context>
<context>
    <name>AttendanceActions</name>
    <message>
        <source>&amp;Attendance</source>
        <translation>An&amp;wesenheit</translation>
    </message>
    <message>
        <source>&amp;Live board</source>
        <translation>&amp;Live-Anzeige</translation>
    </message>
    <message>
        <source>&amp;Export the day…</source>
        <translation>Tag &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Retention period…</source>
        <translation>&amp;Aufbewahrungsfrist…</translation>
    </message>
    <message>
        <source>&amp;Purge personal data…</source>
        <translation>&amp;Personendaten löschen…</translation>
    </message>
    <message>
        <source>&amp;Delete this event…</source>
        <translation>Diese Veranstaltung l&amp;öschen…</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Programmpunkt</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>Aufbewahrungsfrist</translation>
    </message>
    <message>
        <source>Keep personal data for how many days after the event?
Leave empty to keep it until you purge or delete the event.</source>
        <translation>Wie viele Tage nach der Veranstaltung sollen Personendaten aufbewahrt werden?
Leer lassen, um sie zu behalten, bis Sie sie löschen oder die Veranstaltung löschen.</translation>
    </message>
    <message>
        <source>Give a number of days, e.g. 90, or leave it empty.</source>
        <translation>Geben Sie eine Anzahl von Tagen an, z. B. 90, oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Retention period is over</source>
        <translation>Aufbewahrungsfrist abgelaufen</translation>
    </message>
    <message>
        <source>The retention period of this event ended on %1. Delete the personal data now? Anonymous counts stay.</source>
        <translation>Die Aufbewahrungsfrist dieser Veranstaltung endete am %1. Personendaten jetzt löschen? Anonyme Zahlen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation>Personendaten löschen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Delete the names and all other personal data of %1 people from this event and its backups? Only anonymous counts stay. This cannot be undone.</source>
        <translation>Namen und alle anderen Personendaten von %1 Personen aus dieser Veranstaltung und ihren Sicherungen löschen? Nur anonyme Zahlen bleiben. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete this event</source>
        <translation>Diese Veranstaltung löschen</translation>
    </message>
    <message>
        <source>Delete %1 with all check-ins and its backup copies? This cannot be undone.</source>
        <translation>%1 mit allen Check-ins und Sicherungskopien löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>BadgePanel</name>
    <message>
        <source>Where the badge is</source>
        <translation>Wo das Namensschild liegt</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>Drucker für Namensschilder</translation>
    </message>
    <message>
        <source>&amp;Reprint badge</source>
        <extracomment>which printer the desk uses when it picked one by itself</extracomment>
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
        <extracomment>the newest request not yet started (older ones are dropped unrendered) the request being rendered on the task pool, if any how many previews were actually rendered (tests count the dropped ones)</extracomment>
        <translation>Vorschau des Namensschilds</translation>
    </message>
</context>
<context>
    <name>BadgesController</name>
    <message>
        <source>Badge</source>
        <extracomment>the names of this computer&apos;s print queues (a desk without a printer is offered one)</extracomment>
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
    <message>
        <source>No printer was chosen for this desk: badges print on “%1”, the only printer on this computer. Change it in Badges ▸ Badges, templates and printing…</source>
        <translation>Für diesen Schalter war kein Drucker gewählt: Namensschilder werden auf „%1“ gedruckt, dem einzigen Drucker dieses Computers. Ändern unter Namensschilder ▸ Namensschilder, Vorlagen und Drucken…</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>Drucker für Namensschilder</translation>
    </message>
    <message>
        <source>No printer is chosen for this desk yet. Which printer prints the badges here?</source>
        <translation>Für diesen Schalter ist noch kein Drucker gewählt. Welcher Drucker druckt hier die Namensschilder?</translation>
    </message>
    <message>
        <source>Badges print on “%1”. Change it in Badges ▸ Badges, templates and printing…</source>
        <translation>Namensschilder werden auf „%1“ gedruckt. Ändern unter Namensschilder ▸ Namensschilder, Vorlagen und Drucken…</translation>
    </message>
</context>
<context>
    <name>BadgesDialog</name>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Speakers (and moderators)</source>
        <translation>Referent/innen (und Moderation)</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Presse</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Team / Orga</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Badges</source>
        <extracomment>the label of each form row, by its field (worded by retranslate)</extracomment>
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
        <source>Template to edit</source>
        <translation>Zu bearbeitende Vorlage</translation>
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
        <source>These badges will be handed out from boxes at the desk (record places)</source>
        <translation>Diese Namensschilder werden am Schalter aus Kisten ausgegeben (Plätze speichern)</translation>
    </message>
    <message>
        <source>When ticked, the desk shows each person where their badge waits (box and number) and marks it handed out at check-in.</source>
        <translation>Wenn angekreuzt, zeigt der Schalter beim Einchecken, wo das Namensschild liegt (Kiste und Nummer), und vermerkt es als ausgegeben.</translation>
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
        <source>Places recorded: the desk shows where each badge waits.</source>
        <translation>Plätze gespeichert: Der Schalter zeigt, wo jedes Namensschild liegt.</translation>
    </message>
    <message>
        <source>No places recorded: check-in does not point to a box.</source>
        <translation>Keine Plätze gespeichert: Beim Einchecken wird auf keine Kiste verwiesen.</translation>
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
    <name>CoreWords</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Project / group</source>
        <translation>Projekt / Gruppe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Ticketcode</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Schalter</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Nachmeldung</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-Arbeitsmappe (.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>CSV für Excel (.csv)</translation>
    </message>
    <message>
        <source>PDF attendance list (.pdf)</source>
        <translation>Teilnehmerliste als PDF (.pdf)</translation>
    </message>
    <message>
        <source>Full name (first last)</source>
        <translation>Voller Name (Vorname Nachname)</translation>
    </message>
    <message>
        <source>Full name (last, first)</source>
        <translation>Voller Name (Nachname, Vorname)</translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Keep as extra field</source>
        <translation>Als Zusatzfeld behalten</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nicht übernehmen</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>bar</source>
        <translation>Senkrechter Strich</translation>
    </message>
    <message>
        <source>A6 portrait, one badge per page</source>
        <translation>A6 hoch, ein Namensschild pro Seite</translation>
    </message>
    <message>
        <source>A7 landscape, one badge per page</source>
        <translation>A7 quer, ein Namensschild pro Seite</translation>
    </message>
    <message>
        <source>ID-1 card (85.6 × 54 mm, card printers)</source>
        <translation>Scheckkarte ID-1 (85,6 × 54 mm, Kartendrucker)</translation>
    </message>
    <message>
        <source>4 × A6 on A4, with cut marks</source>
        <translation>4 × A6 auf A4, mit Schnittmarken</translation>
    </message>
    <message>
        <source>8 × A7 on A4, with cut marks</source>
        <translation>8 × A7 auf A4, mit Schnittmarken</translation>
    </message>
    <message>
        <source>A6 fold-over on A4 (2 per sheet, fold across the middle)</source>
        <translation>A6 zum Falten auf A4 (2 pro Blatt, in der Mitte falten)</translation>
    </message>
    <message>
        <source>Avery Zweckform L4785, 80 × 50 mm, 10 per A4</source>
        <translation>Avery Zweckform L4785, 80 × 50 mm, 10 pro A4</translation>
    </message>
    <message>
        <source>Avery L7418, 86 × 55 mm, 10 per A4</source>
        <translation>Avery L7418, 86 × 55 mm, 10 pro A4</translation>
    </message>
    <message>
        <source>Avery 5395 (US Letter), 3⅜ × 2⅓ in, 8 per sheet</source>
        <translation>Avery 5395 (US Letter), 3⅜ × 2⅓ Zoll, 8 pro Blatt</translation>
    </message>
    <message>
        <source>Brother QL, 62 mm continuous roll, 100 mm per badge</source>
        <translation>Brother QL, 62-mm-Endlosrolle, 100 mm pro Namensschild</translation>
    </message>
    <message>
        <source>Dymo 99014 labels, 54 × 101 mm</source>
        <translation>Dymo-99014-Etiketten, 54 × 101 mm</translation>
    </message>
    <message>
        <source>Box %1</source>
        <translation>Kiste %1</translation>
    </message>
    <message>
        <source>%1, No. %2</source>
        <translation>%1, Nr. %2</translation>
    </message>
</context>
<context>
    <name>DeskHelp</name>
    <message>
        <source>How the desk works</source>
        <extracomment>the actions whose keys the page names: find, undo, walk_in, edit, day, reprint, board</extracomment>
        <translation>So arbeitet der Schalter</translation>
    </message>
    <message>
        <source>Search or scan</source>
        <translation>Suchen oder scannen</translation>
    </message>
    <message>
        <source>One field does everything (%1 goes back to it): type part of a name, an organisation or a ticket code, or scan a badge into it. A scanned badge is checked in at once and the field is emptied for the next one.</source>
        <translation>Ein Feld für alles (%1 springt dorthin zurück): Tippen Sie einen Teil eines Namens, einer Organisation oder eines Ticketcodes ein, oder scannen Sie ein Namensschild hinein. Ein gescanntes Namensschild wird sofort eingecheckt, und das Feld wird für das nächste geleert.</translation>
    </message>
    <message>
        <source>Enter checks in only a clear choice</source>
        <translation>Die Eingabetaste checkt nur eine eindeutige Wahl ein</translation>
    </message>
    <message>
        <source>Enter checks in the one match, the exact full name of one person, or the row you picked with ↑/↓ or a click. When several people match, the desk says how many and checks in nobody: pick one with ↑/↓, then press Enter. A name nobody has stays in the field to be corrected. Escape clears it.</source>
        <translation>Die Eingabetaste checkt ein: den einzigen Treffer, den genauen vollständigen Namen einer Person oder die Zeile, die Sie mit ↑/↓ oder einem Klick gewählt haben. Passen mehrere Personen, sagt der Schalter, wie viele, und checkt niemanden ein: Wählen Sie eine mit ↑/↓ und drücken Sie dann die Eingabetaste. Ein Name, den niemand hat, bleibt zum Korrigieren im Feld. Escape leert es.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>%1 in a field with text undoes the typing. In an empty field it undoes this desk&apos;s last check-in; the Door menu names whose check-in that is.</source>
        <translation>%1 in einem Feld mit Text macht das Tippen rückgängig. In einem leeren Feld macht es das letzte Einchecken an diesem Schalter rückgängig; das Menü Einlass nennt, wessen Check-in das ist.</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Nachmeldungen</translation>
    </message>
    <message>
        <source>Someone who is not on the list: %1 adds them and checks them in. %2 corrects the person on the card (the change is logged).</source>
        <translation>Jemand steht nicht auf der Liste: %1 nimmt die Person auf und checkt sie ein. %2 korrigiert die Person auf der Karte (die Änderung wird protokolliert).</translation>
    </message>
    <message>
        <source>Badges and the queue</source>
        <translation>Namensschilder und die Warteschlange</translation>
    </message>
    <message>
        <source>The badge panel shows the badge of the person on the card; %1 prints it again. Every print job waits in the queue below the panel; a failed job says why, and Retry failed sends it again once the printer works.</source>
        <translation>Die Namensschild-Leiste zeigt das Namensschild der Person auf der Karte; %1 druckt es noch einmal. Jeder Druckauftrag wartet in der Warteschlange unter der Leiste; ein fehlgeschlagener Auftrag sagt, warum, und „Fehlgeschlagene wiederholen“ schickt ihn noch einmal, sobald der Drucker wieder geht.</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>Der Tag</translation>
    </message>
    <message>
        <source>The day picker next to the field (%1) says which event day counts. It starts on today&apos;s date; pick another day only to correct a day.</source>
        <translation>Die Tagesauswahl neben dem Feld (%1) legt fest, welcher Veranstaltungstag zählt. Sie beginnt mit dem heutigen Datum; wählen Sie einen anderen Tag nur, um einen Tag zu korrigieren.</translation>
    </message>
    <message>
        <source>The live board</source>
        <translation>Die Live-Anzeige</translation>
    </message>
    <message>
        <source>%1 opens the live board: how many are here, by day and by session, for a second screen. It follows the day the desk counts.</source>
        <translation>%1 öffnet die Live-Anzeige: wie viele da sind, nach Tag und nach Programmpunkt, für einen zweiten Bildschirm. Sie folgt dem Tag, den der Schalter zählt.</translation>
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
        <extracomment>a person whose badge should be printed (walk-in, corrected name, reprint) the person on the card changed (an Attendee, or None): the badge preview follows it the event day the desk counts for changed (ISO date), by the clock or by staff the session (workshop) this door counts for; None = the day itself the latest background rebuild of the index; an older one&apos;s result is dropped people added or corrected here while a rebuild runs (replayed onto the new index) what the results show: &quot;matches&quot;, &quot;none&quot;, &quot;latest&quot; or &quot;&quot; (worded by _results_title)</extracomment>
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
        <source> (today)</source>
        <translation> (heute)</translation>
    </message>
    <message>
        <source>Matching attendees</source>
        <translation>Passende Teilnehmende</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
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
        <source>Print &amp;badge</source>
        <translation>Namensschild &amp;drucken</translation>
    </message>
    <message>
        <source>Print the badge of the selected person (Ctrl+P)</source>
        <translation>Namensschild der ausgewählten Person drucken (Strg+P)</translation>
    </message>
    <message>
        <source>Check in the selected person (Enter); undo with Ctrl+Z</source>
        <translation>Ausgewählte Person einchecken (Eingabetaste); rückgängig mit Strg+Z</translation>
    </message>
    <message>
        <source>Add &amp;walk-in…</source>
        <translation>&amp;Nachmeldung aufnehmen…</translation>
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
        <translation>Niemand gefunden – prüfen Sie die Schreibweise, suchen Sie nach der Organisation oder nehmen Sie eine Nachmeldung auf.</translation>
    </message>
    <message>
        <source>Latest check-ins</source>
        <translation>Letzte Check-ins</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Nachmeldung</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Possible duplicate: %n more with the same name and organisation, nothing else tells them apart. Ask which one this is.</source>
        <translation>
            <numerusform>⚠ Mögliche Dublette: %n weitere Person mit gleichem Namen und gleicher Organisation, sonst nicht zu unterscheiden. Fragen Sie, wer von beiden es ist.</numerusform>
            <numerusform>⚠ Mögliche Dublette: %n weitere Personen mit gleichem Namen und gleicher Organisation, sonst nicht zu unterscheiden. Fragen Sie, wer es ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>• The other: {what}</source>
        <translation>• Die andere Person: {what}</translation>
    </message>
    <message>
        <source>no difference at all</source>
        <translation>kein Unterschied</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>active</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{field}: {theirs} (this card: {mine})</source>
        <translation>{field}: {theirs} (diese Karte: {mine})</translation>
    </message>
    <message>
        <source>Pick one</source>
        <translation>Bitte auswählen</translation>
    </message>
    <message>
        <source>{count} people match “{text}” — pick one with ↑/↓, then press Enter.</source>
        <translation>{count} Personen passen zu „{text}“ – eine mit ↑/↓ auswählen, dann Enter drücken.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>No one matches “{text}”. Check the spelling, try part of the name or the organisation, or add a walk-in (Ctrl+Shift+N).</source>
        <translation>Niemand passt zu „{text}“. Prüfen Sie die Schreibweise, versuchen Sie einen Teil des Namens oder die Organisation, oder nehmen Sie eine Nachmeldung auf (Strg+Umschalt+N).</translation>
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
        <source>The event day check-ins count for (follows the clock; change it with Ctrl+D)</source>
        <translation>Der Veranstaltungstag, für den Check-ins zählen (folgt der Uhr; mit Strg+D ändern)</translation>
    </message>
    <message>
        <source>Correct a typo in the name or organisation (Ctrl+E)</source>
        <translation>Tippfehler in Name oder Organisation korrigieren (Strg+E)</translation>
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
        <translation>Tag exportieren</translation>
    </message>
    <message>
        <source>Every day (XLSX only)</source>
        <translation>Alle Tage (nur XLSX)</translation>
    </message>
    <message>
        <source>List for signatures (everyone expected, with a column to sign)</source>
        <translation>Unterschriftenliste (alle Erwarteten, mit Spalte zum Unterschreiben)</translation>
    </message>
    <message>
        <source>Plain CSV with commas (not for German Excel)</source>
        <translation>Einfaches CSV mit Kommas (nicht für deutsches Excel)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Zieldatei</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation>Zieldatei auswählen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern unter:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Wrote %1 people to %2.</source>
        <translation>%1 Personen in %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Participant lists (%1);;Spreadsheets (%2);;Text tables (%3);;All files (*)</source>
        <extracomment>%1 all supported files, %2 workbooks, %3 text tables (checkin.importing.formats)</extracomment>
        <translation>Teilnehmerlisten (%1);;Tabellen (%2);;Texttabellen (%3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Participant list</source>
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
        <source>First rows of the file</source>
        <translation>Erste Zeilen der Datei</translation>
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
    <name>JoinAddressDialog</name>
    <message>
        <source>Join address</source>
        <translation>Adresse zum Beitreten</translation>
    </message>
    <message>
        <source>On the next desk: start checkin, choose File ▸ Join shared event… and enter this address, or scan the code. Give each desk its own name.</source>
        <translation>Am nächsten Schalter: checkin starten, Datei ▸ Gemeinsamer Veranstaltung beitreten… wählen und diese Adresse eingeben oder den Code scannen. Geben Sie jedem Schalter einen eigenen Namen.</translation>
    </message>
    <message>
        <source>Join address as QR code</source>
        <translation>Adresse zum Beitreten als QR-Code</translation>
    </message>
    <message>
        <source>The password is not part of this address. At the other desk, either add it to the address (postgresql://user:PASSWORD@…; checkin never saves it) or keep it in that computer&apos;s PostgreSQL password file (see the README).</source>
        <translation>Das Passwort ist nicht Teil dieser Adresse. Am anderen Schalter entweder in die Adresse einfügen (postgresql://benutzer:PASSWORT@…; checkin speichert es nie) oder in der PostgreSQL-Passwortdatei dieses Rechners hinterlegen (siehe README).</translation>
    </message>
</context>
<context>
    <name>LeftOutNote</name>
    <message>
        <source>Not printable on the badge: %1 (left out)</source>
        <translation>Auf dem Namensschild nicht druckbar: %1 (weggelassen)</translation>
    </message>
</context>
<context>
    <name>LiveBoard</name>
    <message>
        <source>Live board — %1</source>
        <extracomment>(name, value, of (None: no limit), colour) the last breakdowns shown, by field</extracomment>
        <translation>Live-Anzeige — %1</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Angezeigter Tag</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Still expected</source>
        <translation>Noch erwartet</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Nachmeldungen</translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>Ankünfte pro 15 Minuten</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Programmpunkte</translation>
    </message>
    <message>
        <source>No sessions today</source>
        <translation>Heute keine Programmpunkte</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Projects / groups</source>
        <translation>Projekte / Gruppen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>of %1 expected</source>
        <translation>von %1 erwarteten</translation>
    </message>
    <message>
        <source>%1 not on the list</source>
        <translation>%1 nicht auf der Liste</translation>
    </message>
    <message>
        <source>not here yet</source>
        <translation>noch nicht da</translation>
    </message>
    <message>
        <source>added at the desk</source>
        <translation>am Einlass nachgemeldet</translation>
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
        <extracomment>the theme and zoom the views were built for (a change rebuilds them) Help&apos;s pages, built when first opened (and refreshed on a language switch)</extracomment>
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
        <source>Save a &amp;copy…</source>
        <translation>&amp;Kopie speichern…</translation>
    </message>
    <message>
        <source>A complete copy of the event, with every check-in, safe while desks use it</source>
        <translation>Eine vollständige Kopie der Veranstaltung mit allen Check-ins, sicher auch während die Schalter arbeiten</translation>
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
        <translation>&amp;Nachmeldung aufnehmen…</translation>
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
        <source>Choose event &amp;day…</source>
        <translation>&amp;Veranstaltungstag wählen…</translation>
    </message>
    <message>
        <source>&amp;How the desk works</source>
        <translation>&amp;So arbeitet der Schalter</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
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
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
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
        <translation type="vanished">Name der Veranstaltung:</translation>
    </message>
    <message>
        <source>Days (YYYY-MM-DD, separated by commas):</source>
        <translation type="vanished">Tage (JJJJ-MM-TT, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>Cannot create event</source>
        <translation>Veranstaltung kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation>Die Demo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Save a copy of the event</source>
        <translation>Kopie der Veranstaltung speichern</translation>
    </message>
    <message>
        <source>Saved a copy as %1.</source>
        <translation>Kopie gespeichert als %1.</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>Die Kopie kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>&amp;Undo check-in of %1 (%2)</source>
        <translation>Check-in von %1 (%2) &amp;rückgängig machen</translation>
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
        <source>Columns and the fields they hold</source>
        <translation>Spalten und ihre Felder</translation>
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
        <source>Check</source>
        <translation>Rückfrage</translation>
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
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Could be {0}, but “{1}” holds it. Kept as extra field until you choose.</source>
        <translation>Könnte {0} sein, aber „{1}“ enthält das schon. Bleibt Zusatzfeld, bis Sie wählen.</translation>
    </message>
    <message>
        <source>Could be {0}? Kept as extra field until you choose.</source>
        <translation>Könnte {0} sein? Bleibt Zusatzfeld, bis Sie wählen.</translation>
    </message>
    <message>
        <source>Attends %1</source>
        <translation>Nimmt teil am %1</translation>
    </message>
    <message>
        <source>No column holds names yet: choose the column with the names.</source>
        <translation>Noch keine Spalte enthält Namen: Wählen Sie die Spalte mit den Namen.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) could hold more than one thing; they are kept as extra fields until you choose (see “Check”).</source>
        <translation>
            <numerusform>%n Spalte könnte mehreres enthalten; sie bleibt Zusatzfeld, bis Sie wählen (siehe „Rückfrage“).</numerusform>
            <numerusform>%n Spalten könnten mehreres enthalten; sie bleiben Zusatzfelder, bis Sie wählen (siehe „Rückfrage“).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Name of the event:</source>
        <translation>&amp;Name der Veranstaltung:</translation>
    </message>
    <message>
        <source>&amp;Days (YYYY-MM-DD, separated by commas):</source>
        <translation>&amp;Tage (JJJJ-MM-TT, durch Kommas getrennt):</translation>
    </message>
    <message>
        <source>&amp;Language of lists and badges:</source>
        <translation>&amp;Sprache der Listen und Namensschilder:</translation>
    </message>
    <message>
        <source>Exports, the attendance list and badge roles are written in this language, whatever language a desk uses.</source>
        <translation>Exporte, die Teilnehmerliste und die Rollen auf den Namensschildern werden in dieser Sprache geschrieben, egal in welcher Sprache ein Schalter arbeitet.</translation>
    </message>
    <message>
        <source>The event needs a name.</source>
        <translation>Die Veranstaltung braucht einen Namen.</translation>
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
    <name>PrintQueue</name>
    <message>
        <source>sent as %1</source>
        <extracomment>Sends PDF bytes to the desk&apos;s printer; returns a job reference. Raises PrintProblem. Asks the print system about a sent job: pending, completed or unknown.</extracomment>
        <translation>gesendet als %1</translation>
    </message>
</context>
<context>
    <name>PrintQueueView</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>check-in</source>
        <extracomment>job reasons and states as shown (lupdate finds them here)</extracomment>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>Nachdruck</translation>
    </message>
    <message>
        <source>first badge</source>
        <translation>erstes Namensschild</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>wird gedruckt</translation>
    </message>
    <message>
        <source>sent to printer</source>
        <translation>an Drucker gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>gedruckt</translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation>Druckaufträge</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>Print problem</source>
        <translation>Druckproblem</translation>
    </message>
    <message>
        <source>%1, characters left out</source>
        <translation>%1, Zeichen weggelassen</translation>
    </message>
    <message>
        <source>%1 badges are waiting for a retry.</source>
        <translation>%1 Namensschilder warten auf einen neuen Versuch.</translation>
    </message>
    <message>
        <source>%1&apos;s badge was not printed: %2</source>
        <translation>Das Namensschild von %1 wurde nicht gedruckt: %2</translation>
    </message>
    <message>
        <source>The check-in is saved. When the printer is fixed, click “Retry failed”.</source>
        <translation>Der Check-in ist gespeichert. Sobald der Drucker wieder geht, auf „Fehlgeschlagene wiederholen“ klicken.</translation>
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
        <source>Problems found</source>
        <translation>Gefundene Probleme</translation>
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
        <source>Name</source>
        <translation>Name</translation>
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
        <source>Mark the {0} people who are not in this list as cancelled (nobody is deleted; leave unticked if this list only adds people)</source>
        <translation>Die {0} Personen, die nicht in dieser Liste stehen, als storniert markieren (niemand wird gelöscht; nicht ankreuzen, wenn diese Liste nur Personen hinzufügt)</translation>
    </message>
    <message>
        <source>Mark the {0} people who are not in this list as cancelled (nobody is deleted; untick if this list only adds people)</source>
        <translation type="vanished">Die {0} Personen, die nicht in dieser Liste stehen, als storniert markieren (niemand wird gelöscht; abwählen, wenn diese Liste nur Personen hinzufügt)</translation>
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
        <source>Type the name to import this row</source>
        <translation>Namen eingeben, um diese Zeile zu importieren</translation>
    </message>
    <message>
        <source>{0} row(s) have no name and are left out; the others are imported. To import such a row, type the name in its “Name” cell.</source>
        <translation>{0} Zeile(n) ohne Namen werden ausgelassen; die übrigen werden importiert. Um eine solche Zeile zu importieren, tragen Sie den Namen in ihre Zelle „Name“ ein.</translation>
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
        <source>Cancel most of the event?</source>
        <translation>Den Großteil der Veranstaltung stornieren?</translation>
    </message>
    <message>
        <source>This list would cancel {0} of the {1} people in the event (they are not in it). If the list only adds people, such as late registrations, keep them. Nobody is deleted.</source>
        <translation>Diese Liste würde {0} der {1} Personen der Veranstaltung stornieren (sie stehen nicht darin). Wenn die Liste nur Personen hinzufügt, etwa Nachmeldungen, behalten Sie sie. Niemand wird gelöscht.</translation>
    </message>
    <message>
        <source>Cancel {0} people</source>
        <translation>{0} Personen stornieren</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>{0} rows read. The import will add {1}, update {2} and cancel {3} people; {4} are unchanged. {5} row(s) will be left out, {6} warning(s).</source>
        <translation>{0} Zeilen gelesen. Der Import fügt {1} Personen hinzu, aktualisiert {2} und storniert {3}; {4} bleiben unverändert. {5} Zeile(n) werden ausgelassen, {6} Warnung(en).</translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>Success</source>
        <extracomment>what a screen reader says instead of the colour and symbol</extracomment>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Bereits eingecheckt</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Code rejected</source>
        <translation>Code abgelehnt</translation>
    </message>
    <message>
        <source>Not registered today</source>
        <translation>Heute nicht angemeldet</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Anmeldung storniert</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>Check-in rückgängig gemacht</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Nothing was scanned. Scan the badge again.</source>
        <extracomment>why a code was refused, in the desk&apos;s language (DoorResult.reason)</extracomment>
        <translation>Es wurde nichts gescannt. Scannen Sie das Namensschild noch einmal.</translation>
    </message>
    <message>
        <source>This is not a code of this event (“%1”). Scan the badge again or search by name.</source>
        <translation>Das ist kein Code dieser Veranstaltung („%1“). Scannen Sie das Namensschild noch einmal oder suchen Sie nach dem Namen.</translation>
    </message>
    <message>
        <source>This is not a badge code of checkin. Scan again or search by name.</source>
        <translation>Das ist kein Namensschild-Code von checkin. Noch einmal scannen oder nach dem Namen suchen.</translation>
    </message>
    <message>
        <source>This badge uses a code version this app does not know. Update checkin, or search the person by name.</source>
        <translation>Dieses Namensschild nutzt eine Code-Version, die dieses Programm nicht kennt. Aktualisieren Sie checkin oder suchen Sie die Person nach Namen.</translation>
    </message>
    <message>
        <source>This badge belongs to another event. Search the person by name and print a new badge.</source>
        <translation>Dieses Namensschild gehört zu einer anderen Veranstaltung. Suchen Sie die Person nach Namen und drucken Sie ein neues Namensschild.</translation>
    </message>
    <message>
        <source>This code is not valid: it was misread or made up. Scan again, or search the person by name.</source>
        <translation>Dieser Code ist ungültig: falsch gelesen oder ausgedacht. Noch einmal scannen oder die Person nach Namen suchen.</translation>
    </message>
    <message>
        <source>Check in &amp;anyway</source>
        <extracomment>the door&apos;s result on show (None: a message worded by the caller, or nothing)</extracomment>
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
        <source>Previous: %1</source>
        <translation>Zuvor: %1</translation>
    </message>
    <message>
        <source>Previous result: %1</source>
        <translation>Vorheriges Ergebnis: %1</translation>
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
        <source>Check-in undone: {name}</source>
        <translation>Check-in rückgängig gemacht: {name}</translation>
    </message>
    <message>
        <source>  (scanned twice — counted once)</source>
        <translation>  (zweimal gescannt – einmal gezählt)</translation>
    </message>
    <message>
        <source>No one in this event has the code “%1”. Search by name, or add the person as a walk-in.</source>
        <translation>Niemand in dieser Veranstaltung hat den Code „%1“. Suchen Sie nach dem Namen oder nehmen Sie die Person als Nachmeldung auf.</translation>
    </message>
    <message>
        <source>This person is no longer in the event.</source>
        <translation>Diese Person gehört nicht mehr zur Veranstaltung.</translation>
    </message>
    <message>
        <source>%1 was already checked in today at %2 at %3.</source>
        <translation>%1 wurde heute bereits um %2 an %3 eingecheckt.</translation>
    </message>
    <message>
        <source>%1’s registration was cancelled. Check in anyway if they may attend (this is logged).</source>
        <translation>Die Anmeldung von %1 wurde storniert. Trotzdem einchecken, wenn die Person teilnehmen darf (wird protokolliert).</translation>
    </message>
    <message>
        <source>%1 is not registered for %2. Check in anyway if they may attend (this is logged).</source>
        <translation>%1 ist für %2 nicht angemeldet. Trotzdem einchecken, wenn die Person teilnehmen darf (wird protokolliert).</translation>
    </message>
    <message>
        <source>Undone: the check-in of %1 at %2.</source>
        <translation>Rückgängig gemacht: der Check-in von %1 um %2.</translation>
    </message>
    <message>
        <source>a person</source>
        <translation>einer Person</translation>
    </message>
    <message>
        <source>This desk has no check-in to undo.</source>
        <translation>An diesem Schalter gibt es keinen Check-in zum Rückgängigmachen.</translation>
    </message>
    <message>
        <source>Welcome, %1!</source>
        <translation>Willkommen, %1!</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Name</source>
        <extracomment>While keys arrive at scanner speed, the visible search waits this long (ms). Result rows shown for a query.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>✔ Checked in {time} ({desk})</source>
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
        <translation>Programmpunkt, für den dieser Schalter zählt</translation>
    </message>
    <message>
        <source>Scans at this desk count for the chosen session</source>
        <translation>Scans an diesem Schalter zählen für den gewählten Programmpunkt</translation>
    </message>
    <message>
        <source>Places taken</source>
        <translation>Belegte Plätze</translation>
    </message>
    <message>
        <source>Add session…</source>
        <translation>Programmpunkt hinzufügen…</translation>
    </message>
    <message>
        <source>Counting for:</source>
        <translation>Zählt für:</translation>
    </message>
    <message>
        <source>Whole day</source>
        <translation>Ganzer Tag</translation>
    </message>
    <message numerus="yes">
        <source>%n here</source>
        <translation>
            <numerusform>%n anwesend</numerusform>
            <numerusform>%n anwesend</numerusform>
        </translation>
    </message>
    <message>
        <source>FULL %1 / %2</source>
        <translation>VOLL %1 / %2</translation>
    </message>
    <message>
        <source>%1 / %2 places</source>
        <translation>%1 / %2 Plätze</translation>
    </message>
    <message>
        <source>%1 is full: %2 of %3 places taken. Send people to another session or raise the capacity.</source>
        <translation>%1 ist voll: %2 von %3 Plätzen belegt. Schicken Sie Personen zu einem anderen Programmpunkt oder erhöhen Sie die Platzzahl.</translation>
    </message>
    <message>
        <source>Add session</source>
        <translation>Programmpunkt hinzufügen</translation>
    </message>
    <message>
        <source>Name of the session on %1:</source>
        <translation>Name des Programmpunkts am %1:</translation>
    </message>
    <message>
        <source>Places (0 = no limit):</source>
        <translation>Plätze (0 = unbegrenzt):</translation>
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
    <name>SharedEvents</name>
    <message>
        <source>&amp;Join shared event…</source>
        <translation>Gemeinsamer Veranstaltung bei&amp;treten…</translation>
    </message>
    <message>
        <source>&amp;Share this event…</source>
        <translation>Diese Veranstaltung &amp;teilen…</translation>
    </message>
    <message>
        <source>Join &amp;address</source>
        <translation>&amp;Adresse zum Beitreten</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <extracomment>the shared event&apos;s address (with any password, in memory only)</extracomment>
        <translation>&amp;Veranstaltung</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>No event open</source>
        <translation>Keine Veranstaltung geöffnet</translation>
    </message>
    <message>
        <source>Cannot join the shared event</source>
        <translation>Beitritt zur gemeinsamen Veranstaltung nicht möglich</translation>
    </message>
    <message>
        <source>Join shared event</source>
        <translation>Gemeinsamer Veranstaltung beitreten</translation>
    </message>
    <message>
        <source>Address of the shared event (from the first desk&apos;s Event ▸ Join address), e.g. postgresql://checkin@192.168.1.20/fachkonferenz:</source>
        <translation>Adresse der gemeinsamen Veranstaltung (am ersten Schalter unter Veranstaltung ▸ Adresse zum Beitreten), z. B. postgresql://checkin@192.168.1.20/fachkonferenz:</translation>
    </message>
    <message>
        <source>Name of this desk (each desk needs its own, e.g. Desk 2):</source>
        <translation>Name dieses Schalters (jeder Schalter braucht einen eigenen, z. B. Schalter 2):</translation>
    </message>
    <message>
        <source>Not an event address</source>
        <translation>Keine Veranstaltungsadresse</translation>
    </message>
    <message>
        <source>An event address starts with postgresql:// — see &quot;Several desks&quot; in the README.</source>
        <translation>Eine Veranstaltungsadresse beginnt mit postgresql:// – siehe „Several desks“ in der README.</translation>
    </message>
    <message>
        <source>Checked in at two desks</source>
        <translation>An zwei Schaltern eingecheckt</translation>
    </message>
    <message>
        <source>This desk stopped syncing</source>
        <translation>Dieser Schalter gleicht nicht mehr ab</translation>
    </message>
    <message>
        <source>Share this event</source>
        <translation>Diese Veranstaltung teilen</translation>
    </message>
    <message>
        <source>Address of the PostgreSQL database to share the event in (it is created if it does not exist), e.g. postgresql://postgres@localhost/fachkonferenz:</source>
        <translation>Adresse der PostgreSQL-Datenbank, in der die Veranstaltung geteilt wird (wird angelegt, falls sie fehlt), z. B. postgresql://postgres@localhost/fachkonferenz:</translation>
    </message>
    <message>
        <source>Cannot share the event</source>
        <translation>Veranstaltung kann nicht geteilt werden</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts, by menu</source>
        <translation>Tastenkürzel, nach Menü</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sync stopped (%1).</source>
        <translation>Abgleich angehalten (%1).</translation>
    </message>
    <message>
        <source>Connection to the event server</source>
        <translation>Verbindung zum Veranstaltungsserver</translation>
    </message>
    <message>
        <source>◌ Connecting to the event server…</source>
        <translation>◌ Verbinde mit dem Veranstaltungsserver…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Getrennt</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n wartet auf Versand</numerusform>
            <numerusform>%n warten auf Versand</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>letzter Abgleich %1</translation>
    </message>
    <message numerus="yes">
        <source>%n desk(s) active</source>
        <translation>
            <numerusform>%n Schalter aktiv</numerusform>
            <numerusform>%n Schalter aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set aside</source>
        <translation>
            <numerusform>%n zurückgestellt</numerusform>
            <numerusform>%n zurückgestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: check-ins of other desks appear here at once.</source>
        <translation>Verbunden: Check-ins anderer Schalter erscheinen hier sofort.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from the server failed the checks and were set aside (not applied); everything else was.</source>
        <translation>
            <numerusform>%n Datensatz vom Server hat die Prüfung nicht bestanden und wurde zurückgestellt (nicht übernommen); alles andere wurde übernommen.</numerusform>
            <numerusform>%n Datensätze vom Server haben die Prüfung nicht bestanden und wurden zurückgestellt (nicht übernommen); alles andere wurde übernommen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to checkin</source>
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
    <name>camera</name>
    <message>
        <source>Install zxing-cpp (pip install &apos;checkin[camera]&apos;) to scan with a camera.</source>
        <extracomment>Seconds between two frames that are decoded (the rest are only shown). The same code seen again within this many seconds is the same badge held up.</extracomment>
        <translation>Installieren Sie zxing-cpp (pip install &apos;checkin[camera]&apos;), um mit einer Kamera zu scannen.</translation>
    </message>
    <message>
        <source>No camera on a display without a screen.</source>
        <translation>Ohne Bildschirm keine Kamera.</translation>
    </message>
    <message>
        <source>Install PySide6-Addons (pip install &apos;checkin[sound]&apos;) for camera access.</source>
        <translation>Installieren Sie PySide6-Addons (pip install &apos;checkin[sound]&apos;) für den Kamerazugriff.</translation>
    </message>
    <message>
        <source>No camera was found. Connect one, or use a USB scanner.</source>
        <translation>Keine Kamera gefunden. Schließen Sie eine an oder nutzen Sie einen USB-Scanner.</translation>
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
