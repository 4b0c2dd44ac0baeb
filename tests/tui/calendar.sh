#!/bin/sh
# calendar.sh — the meeting calendar in the real terminal (issue #5).
# A lead (emre, PLG Rust in de klas) opens the Calendar, moves through days,
# weeks and months and between the month, week and agenda views; plans a
# meeting in the Christmas holiday, sees the warning before it is saved and
# plans it anyway; plans a series that skips the spring holiday, sees the
# preview, creates it; takes attendance at a held meeting with one key per
# member and sees a member's hours go up on the group's page. A member
# (milan) answers a date poll the lead proposed, and the lead picks the date,
# which becomes a meeting.
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
tui_need_tmux
tui_need_sqlite3
tui_demo_en 2026-11-23
TUI_SIZE=110x34
group="(SELECT id FROM grp WHERE name = 'PLG Rust in de klas')"

# A held meeting of the group without attendance yet, the Wednesday before "today".
sql "INSERT INTO meeting (group_id, starts_at, ends_at, place, working_form, status)
    SELECT $group, '2026-11-18T13:30', '2026-11-18T16:30', 'De Brug', 'intervision', 'held'"

run_as emre
expect "the home screen" "My groups"

# --- the group's page shows each member's hours to its lead
tui_keys g
expect "the groups" "PLG Rust in de klas"
tui_keys Down Down Enter
expect "the group's page has a meetings section" "Meetings this school year"
expect "and an hours column for the lead" "Hours"
hours_before=$(screen_line "Milan" | awk '{print $NF}')
case "$hours_before" in
[0-9]*.[0-9]) ok "Milan's hours are shown ($hours_before)" ;;
*) not_ok "Milan's hours are shown: [$(screen_line Milan)]" ;;
esac

# --- moving through the calendar
tui_keys c
expect "c on the group's page opens its calendar" "November 2026 — PLG Rust in de klas"
tui_keys Escape Escape c
expect "c opens my calendar" "November 2026 — my groups and the network"
expect "today is selected" "Monday 23-11-2026"
expect "ISO week numbers" "48 23"
tui_keys j
expect "j: a week on" "Monday 30-11-2026"
tui_keys ']'
expect "]: a day on" "Tuesday 01-12-2026"
tui_keys '['
expect "[: a day back" "Monday 30-11-2026"
tui_keys NPage
expect "PageDown: a month on" "December 2026 — my groups"
expect "the day a month on, in the holiday" "Wednesday 30-12-2026  ·  Kerstvakantie"
tui_keys PPage PPage
expect "PageUp twice: October" "October 2026 — my groups"
tui_keys T
expect "T: today" "Monday 23-11-2026"
tui_keys w
expect "w: the week view" "Week 48, 23–29 November 2026"
tui_keys w
expect "w: the agenda" "Agenda from Monday 23-11-2026"
expect "the agenda lists the group's next meeting" "We 25-11-2026  13:30–16:30  PLG Rust in de klas"
tui_keys w
expect "w: back to the month" "November 2026 — my groups"

# --- plan a meeting in the Christmas holiday: warned before it is saved
tui_keys :
expect "the go-to-date form" "Date (empty: today)"
tui_keys C-u
type_text "23-12-2026"
tui_keys Enter
expect "at the typed date" "Wednesday 23-12-2026  ·  Kerstvakantie"
tui_keys n
expect "n: the form to plan a meeting" "Plan a meeting"
expect "on the selected day" "23-12-2026"
choose Group "PLG Rust in de klas"
focus Start
type_text "14:00"
focus End
type_text "16:00"
focus Place
type_text "Stadskantoor"
tui_keys F2
expect "the holiday is named before saving" "school holiday: Kerstvakantie"
expect "and F2 again plans anyway" "F2 again plans it anyway"
n=$(sql "SELECT count(*) FROM meeting WHERE starts_at = '2026-12-23T14:00'")
[ "$n" = 0 ] && ok "nothing saved after the warning" || not_ok "saved at the warning ($n)"
tui_keys F2
expect "planned after the second F2" "Planned on 23-12-2026."
n=$(sql "SELECT count(*) FROM meeting WHERE starts_at = '2026-12-23T14:00'
    AND ends_at = '2026-12-23T16:00' AND place = 'Stadskantoor' AND group_id = $group")
[ "$n" = 1 ] && ok "the meeting is in the database" || not_ok "the meeting is missing ($n)"
expect "and in the calendar" "1 meeting"

# --- a series every week on Monday, three times, from 15-02-2027: 22-02 is in the spring holiday
tui_keys :
tui_keys C-u
type_text "15-02-2027"
tui_keys Enter
expect "at 15-02-2027" "Monday 15-02-2027"
tui_keys N
expect "N: the series form" "Plan a series"
choose Group "PLG Rust in de klas"
focus Start
type_text "15:00"
focus End
type_text "17:00"
focus Every
tui_keys C-u
type_text "1"
focus Number
tui_keys C-u
type_text "3"
tui_keys F2
expect "the preview" "Series preview"
expect "three meetings" "3 meetings, 15:00–17:00"
expect "the first date" "15-02-2027"
expect "the holiday Monday skipped" "22-02-2027  skipped: Voorjaarsvakantie"
expect "the series goes on after it" "08-03-2027"
tui_keys F2
expect "created" "Planned a series of 3 meetings."
n=$(sql "SELECT count(DISTINCT series_id) || ':' || count(*) FROM meeting WHERE group_id = $group
    AND starts_at IN ('2027-02-15T15:00', '2027-03-01T15:00', '2027-03-08T15:00')")
[ "$n" = "1:3" ] && ok "three meetings of one series" || not_ok "series in the database: $n"

# --- E: the month shown as an iCalendar file
tui_keys E
expect "E: the export form" "Export to a calendar program"
focus File
type_text "$TUI_TMP/february.ics"
tui_keys F2
expect "written" "written to $TUI_TMP/february.ics"
n=$(grep -c '^BEGIN:VEVENT' "$TUI_TMP/february.ics" 2>/dev/null)
m=$(sql "SELECT count(*) FROM meeting m WHERE substr(m.starts_at, 1, 7) = '2027-02' AND (m.group_id IS NULL
    OR m.group_id IN (SELECT group_id FROM membership WHERE person_id = (SELECT id FROM person
    WHERE login = 'emre') AND start_on <= '2027-02-28' AND (end_on IS NULL OR end_on >= '2027-02-01')))")
[ -n "$n" ] && [ "$n" = "$m" ] && [ "$n" -gt 2 ] && ok "the month's $n meetings in the file" ||
	not_ok "the file has [$n] events, the month [$m]"
grep -q '^BEGIN:VTIMEZONE' "$TUI_TMP/february.ics" && ok "with its time zone" || not_ok "no VTIMEZONE"

# --- attendance at the held meeting of 18-11-2026, one key per member
tui_keys :
tui_keys C-u
type_text "18-11-2026"
tui_keys Enter
expect "at 18-11-2026" "Wednesday 18-11-2026  ·  1 meeting"
tui_keys Enter
expect "Enter opens the meeting" "Time: 13:30–16:30 (3.0 hours)"
expect "held" "Status: held"
tui_keys b
expect "b: the attendance list" "0 of 8 taken"
tui_keys 1 1 1 1 1 4 3
expect "seven taken" "7 of 8 taken: present 5 · late 0 · excused 1 · absent 1"
expect "present earns the length" "present          3.0"
n=$(sql "SELECT group_concat(a.status, ',') FROM attendance a JOIN meeting m ON m.id = a.meeting_id
    JOIN person p ON p.id = a.person_id WHERE m.starts_at = '2026-11-18T13:30' AND p.name LIKE 'Milan%'")
[ "$n" = present ] && ok "Milan present in the database" || not_ok "Milan: [$n]"
tui_keys Escape Escape Escape Escape
expect "back home" "My groups"
tui_keys g
expect "the groups again" "PLG Rust in de klas"
tui_keys Down Down Enter
expect "the group's page again" "Meetings this school year"
hours_after=$(screen_line "Milan" | awk '{print $NF}')
want=$(echo "$hours_before" | awk '{printf "%.1f", $1 + 3}')
[ "$hours_after" = "$want" ] && ok "Milan's hours went up by 3 ($hours_before → $hours_after)" ||
	not_ok "Milan's hours: $hours_before → $hours_after, wanted $want"

# --- a date poll: the lead proposes two slots
tui_keys u
expect "u: the group's date polls" "No date polls yet"
tui_keys n
expect "the poll form" "Propose a date poll"
type_text "Extra bijeenkomst"
tui_keys Tab
type_text "03-02-2027 15:00-17:00"
tui_keys Enter
type_text "04-02-2027 15.30-17.30"
tui_keys F2
expect "the poll is open" "open for answers"
tui_keys q
tui_wait_gone "Emre Çelik" 5 || true

# the member answers for himself
run_as milan
expect "milan's home" "My groups"
tui_keys c u
expect "his polls" "Extra bijeenkomst"
tui_keys Enter
expect "the grid" "03-02-2027 15:00–17:00"
tui_keys 1 3
expect "his answers are saved" "1 yes, 2 maybe, 3 no for the selected slot."
n=$(sql "SELECT group_concat(a.answer, ',') FROM poll_answer a JOIN poll_slot s ON s.id = a.slot_id
    JOIN person p ON p.id = a.person_id WHERE p.name LIKE 'Milan%' ORDER BY s.starts_at")
[ "$n" = "yes,no" ] && ok "yes for the first slot, no for the second" || not_ok "answers: [$n]"
tui_keys k Enter
expect "a member cannot pick the date" "Only the lead of the group or a coordinator picks the date."
tui_keys q

# the lead picks the first slot: it becomes a meeting, the answers stay
run_as emre
expect "emre's home" "My groups"
tui_keys c u Enter
expect "the grid for the lead" "Enter picks it as the date"
tui_keys Enter
expect "the picked date is a planned meeting" "Time: 15:00–17:00 (2.0 hours)"
n=$(sql "SELECT p.status || ':' || (m.starts_at = '2027-02-03T15:00') || ':' ||
    (SELECT count(*) FROM poll_answer a JOIN poll_slot s ON s.id = a.slot_id WHERE s.poll_id = p.id)
    FROM poll p JOIN meeting m ON m.id = p.meeting_id WHERE p.title = 'Extra bijeenkomst'")
[ "$n" = "closed:1:2" ] && ok "the poll is closed, its meeting planned, the answers kept" ||
	not_ok "poll after picking: [$n]"
tui_keys q

[ "$TUI_FAILED" -eq 0 ] || exit 1
echo "calendar: ok ($TUI_COUNT checks)"
