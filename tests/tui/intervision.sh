#!/bin/sh
# intervision.sh — intervision notes in the real terminal (issue #6).
# A lead (emre, PLG Rust in de klas) writes an incident-method note on a held
# meeting without one: roles, a section for the group, a section private to
# its author, two agreements with owners from the roster and due dates, and
# finishes it with the next contributor and chair. Another member (milan)
# finds it by a word of the group's section and reads that section, but not
# the private one, which his search does not find either (its author's
# does). A coordinator who is not in the group (zoe) sees that the session
# took place — date, method — and none of its text. The group's next session
# starts with a look-back that lists the two agreements; text typed in it
# survives a SIGKILL of the program after autosave: opening the meeting again
# offers the draft with the text.
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
# chosen DESCRIPTION LABEL WANTED — tui_choose LABEL WANTED, reported as DESCRIPTION
chosen() { if tui_choose "$2" "$3"; then ok "$1"; else not_ok "$1 (wanted $2 ‹ $3 ›)"; fi; }

# The two held intervision meetings of the group without a note: the one the
# note is written on and the group's next session. Made here when the demo
# has none.
group="(SELECT id FROM grp WHERE name = 'PLG Rust in de klas')"
for day in 2026-10-28 2026-11-11; do
	sql "INSERT INTO meeting (group_id, starts_at, ends_at, working_form, status)
	    SELECT $group, '${day}T13:30', '${day}T16:30', 'intervision', 'held'
	    WHERE NOT EXISTS (SELECT 1 FROM meeting WHERE group_id = $group
	    AND starts_at LIKE '$day%' AND status <> 'cancelled')"
	[ "$(sql "SELECT count(*) FROM note n JOIN meeting m ON m.id = n.meeting_id
	    WHERE m.group_id = $group AND m.starts_at LIKE '$day%'")" = 0 ] ||
		{ echo "the demo has a note on $day already"; exit 1; }
done
[ "$(sql "SELECT count(*) FROM meeting WHERE group_id = $group AND starts_at > '2026-10-29'
    AND starts_at < '2026-11-11'")" = 0 ] || { echo "a meeting between the two sessions"; exit 1; }

# --- (a) the lead writes an incident-method note
run_as emre
expect "the lead starts at home" "My groups"
tui_keys i
expect "i opens the intervision screen" "Sessions of my groups"
expect "the sessions list the date, group, method and status" \
	"16-09-2026 PLG Rust in de klas"
case "$(screen_line "16-09-2026")" in
*Incidentmethode*"Milan Đorđević"*final*)
	ok "a finished session shows method, contributor, status" ;;
*) not_ok "session row: $(screen_line "16-09-2026")" ;;
esac
case "$(screen_line "28-10-2026")" in
*"PLG Rust in de klas"*—*) ok "the held meeting without a note is listed to write" ;;
*) not_ok "meeting without a note: $(screen_line "28-10-2026")" ;;
esac
tui_keys Down Enter
expect "Enter on a session without a note starts one" "Start an intervision note"
expect "the method comes from the config" "‹ Incidentmethode ›"
expect "who writes is the minute-taker unless changed" "‹ Emre Çelik ›"
tui_keys Tab
chosen "the contributor is chosen from the roster" "Contributor" "Jurriën Post"
tui_keys Tab
chosen "so is the chair" "Chair" "Emre Çelik"
tui_keys F2
expect "F2 starts the draft: the writing screen" "Phases of Incidentmethode"
expect "for the meeting chosen" "Date: 28-10-2026 13:30"
expect "with the roles" \
	"Contributor: Jurriën Post   Chair: Emre Çelik   Minute-taker: Emre Çelik"
expect "it opens with the look-back" "Look-back: agreements of earlier sessions"
expect "every phase has a row" "7. Evaluatie"
# the last row is the last phase (no agreements yet): up to the first
tui_keys End Up Up Up Up Up Up Enter
expect "Enter on a phase opens the editor on it" "1 of 7: Casus kiezen (group)"
type_text "Jurriën brengt een casus in: de zandloperregel bij het nakijken werkt niet."
tui_keys F2
expect "F2 keeps the text: the row shows it" "de zandloperregel"
tui_keys Down Enter
expect "the next phase opens" "2 of 7: Probleem schetsen (group)"
type_text "Hij vertelt ook over slaapgebrek door de drukte thuis."
tui_keys F2
expect "the second phase shows its text" "over slaapgebrek"
tui_keys P
expect "P makes the section private to its author" "private: author"
case "$(screen_line "2. Probleem schetsen")" in
*"private: author"*) ok "the privacy is shown on the section's line" ;;
*) not_ok "privacy on the line: $(screen_line "2. Probleem schetsen")" ;;
esac
case "$(screen_line "1. Casus kiezen")" in
*"private"*) not_ok "the first section changed too: $(screen_line "1. Casus kiezen")" ;;
*) ok "the other sections stay the group's" ;;
esac
tui_keys n
expect "n adds an agreement" "New agreement"
type_text "Nakijkafspraken op papier zetten"
tui_keys Tab
chosen "its owner comes from the roster" "Owner" "Jurriën Post"
tui_keys Tab
type_text "11-11-2026"
tui_keys F2
expect "the agreement is added" "Agreement added: Nakijkafspraken op papier zetten"
tui_keys n
expect "n adds another" "New agreement"
type_text "Stilteteken uitproberen in groep zes"
tui_keys Tab
chosen "another owner" "Owner" "Milan Đorđević"
tui_keys Tab
type_text "25-11-2026"
tui_keys F2
expect "the second agreement is added" "Agreement added: Stilteteken uitproberen"
case "$(screen_line "Nakijkafspraken op papier")" in
*"Jurriën Post"*"due 11-11-2026"*) ok "the agreement shows its owner and due date" ;;
*) not_ok "agreement row: $(screen_line "Nakijkafspraken op papier")" ;;
esac
tui_keys D
expect "D asks for the next contributor and chair" "Finish the note"
chosen "the next contributor" "Next contributor" "Milan Đorđević"
tui_keys Tab
chosen "the next chair" "Next chair" "Jurriën Post"
tui_keys F2
expect "F2 finishes the note" "The note is final; the group can read it now."
expect "the note's page follows" "Status: final"
expect "with the next roles" "Next session: contributor Milan Đorđević, chair Jurriën Post"
expect "its author reads the private section" "over slaapgebrek"
expect "which is marked" "(private: only the author)"
expect "and the agreements" "Agreements (2)"
[ "$(sql "SELECT n.status FROM note n JOIN meeting m ON m.id = n.meeting_id
    WHERE m.starts_at LIKE '2026-10-28%' AND m.group_id = $group")" = final ] &&
	ok "the database has the final note" || not_ok "the note is not final in the database"
tui_keys Escape
expect "Esc goes back to the sessions" "Sessions of my groups"
case "$(screen_line "28-10-2026")" in
*Incidentmethode*"Jurriën Post"*2*final*)
	ok "the session now shows method, contributor, 2 open, final" ;;
*) not_ok "session row after: $(screen_line "28-10-2026")" ;;
esac
tui_keys /
type_text "slaapgebrek"
expect "the author finds a word of her private section" "Found in the notes you may read"
expect "with the hit in context" "over slaapgebrek door"
tui_keys Escape q q q
[ "$(tui_status)" = 0 ] && ok "the lead's session ends with 0" || not_ok "lead exit status"

# --- (b, e) a member of the group: search, then read
run_as milan
expect "the member starts at home" "My groups"
tui_keys i
expect "i opens the intervision screen" "Sessions of my groups"
tui_keys /
type_text "slaapgebrek"
expect "a word only in the private section is not found" "Nothing found."
tui_keys Escape /
type_text "zandloper"
expect "a word of the group's section is found, as a prefix" "Found in the notes you may read"
case "$(screen_line "zandloperregel")" in
*"28-10-2026"*"PLG Rust in de klas"*"Casus kiezen"*) ok "the hit names date, group and phase" ;;
*) not_ok "hit row: $(screen_line "zandloperregel")" ;;
esac
tui_keys Enter Enter
expect "Enter ends the search, Enter again opens the note" "Status: final"
expect "the member reads the group's section" "de zandloperregel bij het nakijken"
expect "the private section is marked" "(private: only the author)"
expect "and not readable" "not visible to you"
expect_gone "its text is nowhere" "slaapgebrek"
expect "the agreements are listed" \
	"Stilteteken uitproberen in groep zes — Milan Đorđević, due 25-11-2026, open"
tui_keys Escape
expect "Esc goes back to the hits" "Found in the notes you may read"
tui_keys f
expect "f shows my agreements" "My follow-up agreements"
expect "with the new one" "Stilteteken uitproberen in groep zes"
case "$(screen_line "Nieuw lid Anouk")" in
*overdue*) ok "an agreement past its due date is marked overdue" ;;
*) not_ok "overdue: $(screen_line "Nieuw lid Anouk")" ;;
esac
case "$(screen_line "Stilteteken")" in
*overdue*) not_ok "one due later is not overdue: $(screen_line "Stilteteken")" ;;
*) ok "one due later is not overdue" ;;
esac
tui_keys f
expect "f goes back to the sessions" "Sessions of my groups"
tui_keys q q q
[ "$(tui_status)" = 0 ] && ok "the member's session ends with 0" || not_ok "member exit status"

# --- (c) a coordinator, not in the group: that it took place, not what was said
run_as zoe
expect "the coordinator starts at home" "My groups"
tui_keys i
expect "i opens the intervision screen" "Sessions of my groups"
tui_keys m
expect "m shows every group's sessions" "Sessions of all groups"
case "$(screen_line "28-10-2026")" in
*"PLG Rust in de klas"*Incidentmethode*final*) ok "the session is listed with its method" ;;
*) not_ok "coordinator row: $(screen_line "28-10-2026")" ;;
esac
tui_keys Enter
expect "Enter opens the session" "Date: 28-10-2026 13:30   Method: Incidentmethode"
expect "which says what she may know" \
	"You can see that this session took place, but not what was said."
expect_gone "no section's text" "zandloper"
expect_gone "no phases" "Casus kiezen"
expect_gone "no agreements" "Stilteteken"
tui_keys Escape /
type_text "zandloper"
expect "her search finds nothing" "Nothing found."
tui_keys Escape q q q
[ "$(tui_status)" = 0 ] && ok "the coordinator's session ends with 0" ||
	not_ok "coordinator exit status"

# --- (d, f) the next session: the look-back; a draft that survives SIGKILL
run_as emre
expect "the lead starts again" "My groups"
tui_keys i
expect "the sessions" "Sessions of my groups"
tui_keys Home Enter
expect "the next session starts a note" "Start an intervision note"
expect "the contributor named last time is offered" "‹ Milan Đorđević ›"
case "$(screen_line "Chair")" in
*"‹ Jurriën Post ›"*) ok "and the chair named last time" ;;
*) not_ok "chair offered: $(screen_line "Chair")" ;;
esac
tui_keys F2
expect "the writing screen for the next session" "Date: 11-11-2026 13:30"
expect "its look-back lists the first agreement" "Nakijkafspraken op papier zetten"
expect "and the second" "Stilteteken uitproberen in groep zes"
case "$(screen_line "Stilteteken uitproberen")" in
*open*"Milan Đorđević"*"due 25-11-2026"*) ok "each with its owner and due date" ;;
*) not_ok "look-back row: $(screen_line "Stilteteken uitproberen")" ;;
esac
tui_keys End Up Up Up Up Up Up Enter
expect "the first phase opens in the editor" "1 of 7: Casus kiezen (group)"
type_text "Deze tekst overleeft een harde stop van het programma."
sleep 5	# autosave: at most every 3 s, on the idle tick
pkill -KILL -f "^$LEERNET --config $cfg --database $db --user emre" &&
	ok "the program is killed with SIGKILL" || not_ok "no program to kill"
[ "$(tui_status)" = 137 ] && ok "it died of SIGKILL" || not_ok "exit status after SIGKILL"
run_as emre
expect "the lead starts once more" "My groups"
tui_keys i
case "$(screen_line "11-11-2026")" in
*draft*) ok "the session shows the draft" ;;
*) not_ok "draft row: $(screen_line "11-11-2026")" ;;
esac
tui_keys Home Enter
expect "opening the meeting offers the draft" "You have a draft of this note from"
expect "with the text typed before the kill" "Deze tekst overleeft een harde stop"
tui_keys e
expect "e continues writing" "Phases of Incidentmethode"
expect "the look-back is still there" "Stilteteken uitproberen in groep zes"
expect "and the text" "Deze tekst overleeft"
tui_keys Escape Escape q q q
[ "$(tui_status)" = 0 ] && ok "the last session ends with 0" || not_ok "last exit status"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
