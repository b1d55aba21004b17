<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppearancePage</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On top of the system&apos;s font size. Ctrl++ and Ctrl+- change it at any time, Ctrl+0 resets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No one checked in yet</source>
        <extracomment>Breakdowns are recomputed at most this often (they join every person of the day). A QPen object, not the enum: PySide6 6.12 leaks a reference to None on every ``setPen(Qt.PenStyle.NoPen)`` call, which crashes a long-running board. the board&apos;s size where the screen has room (a projector, a 1920×1080 monitor)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceActions</name>
    <message>
        <source>&amp;Attendance</source>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint badge</source>
        <extracomment>which printer the desk uses when it picked one by itself</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this person&apos;s badge again (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgePreview</name>
    <message>
        <source>Badge preview</source>
        <extracomment>the newest request not yet started (older ones are dropped unrendered) the request being rendered on the task pool, if any how many previews were actually rendered (tests count the dropped ones)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgesController</name>
    <message>
        <source>Badge</source>
        <extracomment>the names of this computer&apos;s print queues (a desk without a printer is offered one)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge &amp;panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprint selected badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges, &amp;templates and printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (handed out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-printed badge: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer was chosen for this desk: badges print on “%1”, the only printer on this computer. Change it in Badges ▸ Badges, templates and printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer is chosen for this desk yet. Which printer prints the badges here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges print on “%1”. Change it in Badges ▸ Badges, templates and printing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgesDialog</name>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers (and moderators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges</source>
        <extracomment>the label of each form row, by its field (worded by retranslate)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layout&apos;s own template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a badge when a person checks in for the first time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save for this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper / layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move right by (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down by (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for {desk}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the test page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test page sent ({ref}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save in the &amp;event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template is fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only people without a printed badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These badges will be handed out from boxes at the desk (record places)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When ticked, the desk shows each person where their badge waits (box and number) and marks it handed out at check-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print on the desk&apos;s printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First free label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places recorded: the desk shows where each badge waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No places recorded: check-in does not point to a box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} badges on {p} pages: {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Scan with camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the badge&apos;s code in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreWords</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project / group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF attendance list (.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name (first last)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name (last, first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as extra field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 portrait, one badge per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A7 landscape, one badge per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID-1 card (85.6 × 54 mm, card printers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 × A6 on A4, with cut marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 × A7 on A4, with cut marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 fold-over on A4 (2 per sheet, fold across the middle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery Zweckform L4785, 80 × 50 mm, 10 per A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery L7418, 86 × 55 mm, 10 per A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery 5395 (US Letter), 3⅜ × 2⅓ in, 8 per sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brother QL, 62 mm continuous roll, 100 mm per badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dymo 99014 labels, 54 × 101 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, No. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskHelp</name>
    <message>
        <source>How the desk works</source>
        <extracomment>the actions whose keys the page names: find, undo, walk_in, edit, day, reprint, board</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One field does everything (%1 goes back to it): type part of a name, an organisation or a ticket code, or scan a badge into it. A scanned badge is checked in at once and the field is emptied for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter checks in only a clear choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter checks in the one match, the exact full name of one person, or the row you picked with ↑/↓ or a click. When several people match, the desk says how many and checks in nobody: pick one with ↑/↓, then press Enter. A name nobody has stays in the field to be corrected. Escape clears it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in a field with text undoes the typing. In an empty field it undoes this desk&apos;s last check-in; the Door menu names whose check-in that is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone who is not on the list: %1 adds them and checks them in. %2 corrects the person on the card (the change is logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges and the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The badge panel shows the badge of the person on the card; %1 prints it again. Every print job waits in the queue below the panel; a failed job says why, and Retry failed sends it again once the printer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day picker next to the field (%1) says which event day counts. It starts on today&apos;s date; pick another day only to correct a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opens the live board: how many are here, by day and by session, for a second screen. It follows the day the desk counts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Desk &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the window and recorded with every check-in, e.g. “Desk 2” or “Entrance B”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play &amp;sounds for check-in results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play sounds for check-in results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>Type a name or scan a badge</source>
        <extracomment>a person whose badge should be printed (walk-in, corrected name, reprint) the person on the card changed (an Attendee, or None): the badge preview follows it the event day the desk counts for changed (ISO date), by the clock or by staff the session (workshop) this door counts for; None = the day itself the latest background rebuild of the index; an older one&apos;s result is dropped people added or corrected here while a rebuild runs (replayed onto the new index) what the results show: &quot;matches&quot;, &quot;none&quot;, &quot;latest&quot; or &quot;&quot; (worded by _results_title)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching attendees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the badge of the selected person (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in the selected person (Enter); undo with Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;walk-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone not on the list (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event has no participants yet. Import your participant list with File › Import participants… (Ctrl+I), then search or scan here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found — check the spelling, search by organisation, or add a walk-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>⚠ Possible duplicate: %n more with the same name and organisation, nothing else tells them apart. Ask which one this is.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>• The other: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no difference at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {theirs} (this card: {mine})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} people match “{text}” — pick one with ↑/↓, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one matches “{text}”. Check the spelling, try part of the name or the organisation, or add a walk-in (Ctrl+Shift+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} / {expected} checked in today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}&apos;s details were corrected. Print a new badge?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search also in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, organisation, project, email and ticket codes are always searched. Also search these imported columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in the selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event day check-ins count for (follows the clock; change it with Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a typo in the name or organisation (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in today</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
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
        <source>Participant lists (%1);;Spreadsheets (%2);;Text tables (%3);;All files (*)</source>
        <extracomment>%1 all supported files, %2 workbooks, %3 text tables (checkin.importing.formats)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participant list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file. Check the first rows below: if names look garbled or columns are jumbled, change the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sheet “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — a {0} export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}, column names in row {2}{3}. The first rows:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportHook</name>
    <message>
        <source>&amp;Import participants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create an event first, then import its participant list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {0} added, {1} updated, {2} unchanged, {3} cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed and nothing was changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import participants</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinAddressDialog</name>
    <message>
        <source>Join address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the next desk: start checkin, choose File ▸ Join shared event… and enter this address, or scan the code. Give each desk its own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join address as QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not part of this address. At the other desk, either add it to the address (postgresql://user:PASSWORD@…; checkin never saves it) or keep it in that computer&apos;s PostgreSQL password file (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeftOutNote</name>
    <message>
        <source>Not printable on the badge: %1 (left out)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveBoard</name>
    <message>
        <source>Live board — %1</source>
        <extracomment>(name, value, of (None: no limit), colour) the last breakdowns shown, by field</extracomment>
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
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects / groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of %1 expected</source>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>the theme and zoom the views were built for (a change rebuilds them) Help&apos;s pages, built when first opened (and refreshed on a language switch)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A complete copy of the event, with every check-in, safe while desks use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;walk-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit selected person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose event &amp;day…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with &amp;camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read badges with a webcam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search also &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How the desk works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About checkin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About checkin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;checkin %1&lt;/h3&gt;&lt;p&gt;The registration desk for conferences: import the participant list, search or scan at the door, print badges, count and export attendance.&lt;/p&gt;&lt;p&gt;Qt %2 · Python %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkin events (*.checkin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo check-in of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what each column holds. Columns you keep as extra fields can appear on badges, in search and in exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns and the fields they hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field of column {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mapping you chose last time for these columns is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns were recognised by their names; check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could be {0}, but “{1}” holds it. Kept as extra field until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could be {0}? Kept as extra field until you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attends %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column holds names yet: choose the column with the names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) could hold more than one thing; they are kept as extra fields until you choose (see “Check”).</source>
        <translation>
            <numerusform>%n column could hold more than one thing; it is kept as an extra field until you choose (see “Check”).</numerusform>
            <numerusform>%n columns could hold more than one thing; they are kept as extra fields until you choose (see “Check”).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name of the event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Days (YYYY-MM-DD, separated by commas):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language of lists and badges:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports, the attendance list and badge roles are written in this language, whatever language a desk uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Type a first or last name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <source>sent as %1</source>
        <extracomment>Sends PDF bytes to the desk&apos;s printer; returns a job reference. Raises PrintProblem. Asks the print system about a sent job: pending, completed or unknown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintQueueView</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-in</source>
        <extracomment>job reasons and states as shown (lupdate finds them here)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent to printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, characters left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 badges are waiting for a retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s badge was not printed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check-in is saved. When the printer is fixed, click “Retry failed”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Every row can be imported: no missing names, no duplicates, no malformed emails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading and checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the {0} people who are not in this list as cancelled (nobody is deleted; leave unticked if this list only adds people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name to import this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} row(s) have no name and are left out; the others are imported. To import such a row, type the name in its “Name” cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first {0} problems are listed; run &apos;checkin import --dry-run&apos; for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the other rows and leave out the {0} row(s) with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel most of the event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list would cancel {0} of the {1} people in the event (they are not in it). If the list only adds people, such as late registrations, keep them. Nobody is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel {0} people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} rows read. The import will add {1}, update {2} and cancel {3} people; {4} are unchanged. {5} row(s) will be left out, {6} warning(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultBanner</name>
    <message>
        <source>Success</source>
        <extracomment>what a screen reader says instead of the colour and symbol</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was scanned. Scan the badge again.</source>
        <extracomment>why a code was refused, in the desk&apos;s language (DoorResult.reason)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a code of this event (“%1”). Scan the badge again or search by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a badge code of checkin. Scan again or search by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This badge uses a code version this app does not know. Update checkin, or search the person by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This badge belongs to another event. Search the person by name and print a new badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code is not valid: it was misread or made up. Scan again, or search the person by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in &amp;anyway</source>
        <extracomment>the door&apos;s result on show (None: a message worded by the caller, or nothing)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admit this person today (written to the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in at {time} · {desk}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · admitted by staff (logged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in undone: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (scanned twice — counted once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one in this event has the code “%1”. Search by name, or add the person as a walk-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is no longer in the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already checked in today at %2 at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1’s registration was cancelled. Check in anyway if they may attend (this is logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not registered for %2. Check in anyway if they may attend (this is logged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: the check-in of %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk has no check-in to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, %1!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Name</source>
        <extracomment>While keys arrive at scanner speed, the visible search waits this long (ms). Result rows shown for a query.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Checked in {time} ({desk})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ Not registered today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
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
        <source>%1 is full: %2 of %3 places taken. Send people to another session or raise the capacity.</source>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings belong to this computer. Settings of the event itself are kept in the event file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedEvents</name>
    <message>
        <source>&amp;Join shared event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share this event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join &amp;address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <extracomment>the shared event&apos;s address (with any password, in memory only)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot join the shared event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join shared event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the shared event (from the first desk&apos;s Event ▸ Join address), e.g. postgresql://checkin@192.168.1.20/fachkonferenz:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this desk (each desk needs its own, e.g. Desk 2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an event address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event address starts with postgresql:// — see &quot;Several desks&quot; in the README.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in at two desks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk stopped syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the PostgreSQL database to share the event in (it is created if it does not exist), e.g. postgresql://postgres@localhost/fachkonferenz:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot share the event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts, by menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sync stopped (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the event server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◌ Connecting to the event server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n desk(s) active</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n set aside</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connected: check-ins of other desks appear here at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from the server failed the checks and were set aside (not applied); everything else was.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to checkin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the event of your conference, create a new one, or try the demo event with 200 participants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and open a demo event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an empty event file (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an existing .checkin file (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>Install zxing-cpp (pip install &apos;checkin[camera]&apos;) to scan with a camera.</source>
        <extracomment>Seconds between two frames that are decoded (the rest are only shown). The same code seen again within this many seconds is the same badge held up.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera on a display without a screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install PySide6-Addons (pip install &apos;checkin[sound]&apos;) for camera access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera was found. Connect one, or use a USB scanner.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Sorry, something went wrong. Your event is safe: every check-in is saved before it is shown. A report was written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Your event is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
