#!/bin/sh
# health.sh — the health scan and the coordinators' overview in the real
# terminal (issue #9). A member (milan) who presses L on the home screen is
# told that only a coordinator sees the overview. The lead (emre) opens his
# PLG's page: its Health section shows the baseline scan of last term and
# the group's signals; Z opens the scans, n the form: saving with a factor
# left unscored is refused at its field, then he scores every factor (one
# remark) and the scan is saved, shown with bars and the trend against the
# baseline; n again offers to change this term's scan instead of a second
# one. The coordinator (zoe) opens the Overview (L): the PLG's row shows
# the new scan average and its signals, weak ones marked "!"; s sorts by
# the scan; Enter opens the group's page.
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
TUI_SIZE=120x40
# score N — cycle the focused score field from "-" to N, then on to the next factor
score() {
	i=0
	while [ $i -lt "$1" ]; do
		tui_keys Right
		i=$((i + 1))
	done
	sleep 0.1
	tui_keys Tab Tab
	sleep 0.1
}
group="(SELECT id FROM grp WHERE name = 'PLG Rust in de klas')"
scans() { sql "SELECT count(*) FROM scan WHERE group_id = $group"; }
[ "$(scans)" = "1" ] || { echo "the demo lacks the PLG's baseline scan"; exit 1; }

# --- a member may not see the overview
run_as milan
expect "milan's home screen" "My groups"
tui_keys L
expect "L is refused with the reason" "Only a coordinator can see the overview of every group."
tui_keys q q q

# --- the lead fills in this term's scan
run_as emre
expect "emre's home screen" "My groups"
open_group "PLG Rust in de klas" G	# the group's life is below the roster
expect "the group page has a Health section" "Health"
expect "with the baseline scan" "Latest scan 2025-2026 II"
expect "and, for its lead, the signals" "Signals this school year"
expect "overdue agreements counted and marked weak" "Overdue 8!"
screen_line "Signals this school year" | grep -qF "Meetings 6/2" &&
	ok "meetings held against those expected so far" ||
	not_ok "meetings: [$(screen_line "Signals this school year")]"
tui_keys Z
expect "Z opens the scans" "Health scans"
expect "the baseline with its scores" "Een gerespecteerde trekker"
tui_keys n
expect "n opens the form" "Fill in the scan"
tui_keys F2
expect "saving with nothing scored is refused at a field" "Choose a score from 1 to 5."
[ "$(scans)" = "1" ] && ok "nothing saved yet" || not_ok "an incomplete scan was saved"
# enthusiasm 4 (with a remark), then 4 3 4 3 4 4 4 4 — the first field has the cursor
tui_keys Right Right Right Right Tab
type_text "Iedereen komt graag"
tui_keys Tab
score 4; score 3; score 4; score 3; score 4; score 4; score 4; score 4
tui_keys F2
expect "the scan is saved" "The scan is saved."
expect "shown as the latest, this term" "Latest scan 2026-2027 I: 3.8 on average"
expect "with the remark" "Iedereen komt graag"
expect "and the baseline below" "Earlier scans"
screen_line "Een gerespecteerde trekker" | grep -qF "4 ■■■■□ ↑" &&
	ok "a score as a bar with the trend since the baseline" ||
	not_ok "bar and trend: [$(screen_line "Een gerespecteerde trekker")]"
screen_line "Enthousiasme voor het thema" | grep -qF "4 ■■■■□ =" &&
	ok "an unchanged score shows =" ||
	not_ok "unchanged: [$(screen_line "Enthousiasme voor het thema")]"
# the factors in the configuration's order (the form's), not the keys' alphabet
first=$(tui_screen | grep -n -F -e "Enthousiasme voor het thema" | head -n 1 | cut -d: -f1)
later=$(tui_screen | grep -n -F -e "Diverse expertise" | head -n 1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$later" ] && [ "$first" -lt "$later" ] &&
	ok "the factors in the configuration's order" ||
	not_ok "order: enthusiasm at line ${first:-?}, diverse expertise at ${later:-?}"
[ "$(scans)" = "2" ] && ok "stored next to the baseline" || not_ok "scans: $(scans)"
[ "$(sql "SELECT sum(score) || ' ' || count(*) FROM scan_score WHERE scan_id =
    (SELECT max(id) FROM scan WHERE group_id = $group)")" = "34 9" ] &&
	ok "nine scores stored" || not_ok "scores: $(sql "SELECT * FROM scan_score")"
tui_keys n
expect "a second scan this term changes the first" "Change this term's scan"
tui_keys Escape
tui_keys q q q q q

# --- the coordinator's overview
run_as zoe
expect "zoe's home screen" "Overview"
tui_keys L
expect "L opens the overview" "active groups, computed at"
expect "every active group" "Werkgroep Anders organiseren"
row=$(screen_line "PLG Rust in de klas")
echo "$row" | grep -qF " 3.8 " && ok "the PLG's new scan average" || not_ok "row: [$row]"
echo "$row" | grep -qF " 8!" && ok "its overdue agreements marked weak" || not_ok "row: [$row]"
row=$(screen_line "PLG Startende leraren")
echo "$row" | grep -qF " 2.7!" && ok "a low scan average marked weak" || not_ok "row: [$row]"
tui_keys s
expect "s cycles the sort" "Sorted by weak."
i=0
while [ $i -lt 8 ] && ! tui_screen | grep -qF "Sorted by scan."; do
	tui_keys s
	sleep 0.1
	i=$((i + 1))
done
expect "sorted by the scan" "sorted by scan"
tui_screen | grep -A1 "Group" | tail -n 1 | grep -qF "PLG Startende leraren" &&
	ok "the lowest scan average first" ||
	not_ok "first row: [$(tui_screen | grep -A1 "Group" | tail -n 1)]"
tui_keys Enter
expect "Enter opens the group's page" "Learning or research question"
expect "the page of that group" "PLG Startende leraren"
tui_keys q q q q q

[ "$TUI_FAILED" -eq 0 ]
