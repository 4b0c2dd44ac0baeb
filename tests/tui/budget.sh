#!/bin/sh
# budget.sh — budget requests in the real terminal (issue #9).
# A member (milan) sees the group's requests at the end of its page, is not
# offered n on its list and is refused when he tries. The lead (emre) opens
# the group's page, presses B and files a budget request of "1.250,50" (a
# cost with three decimals is refused at its field first). The coordinator
# (zoe) opens Budget requests from the home menu (B), sees the request open
# with the year's totals, approves it with a remark (J); the totals move;
# [ and ] change the school year. Back as emre, the group's page shows the
# request approved with the remark, e on it says a decided request cannot
# be changed, and Enter shows it in full.
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
TUI_SIZE=110x50
requests() { sql "SELECT count(*) FROM budget_request WHERE group_id = $group"; }
group="(SELECT id FROM grp WHERE name = 'PLG Rust in de klas')"
before=$(requests)

# --- a member may read, not ask
run_as milan
expect "milan's home screen" "My groups"
open_group "PLG Rust in de klas"
tui_keys G
expect "a member sees the group's budget requests" "€ 1.800,00  open  Twee middagen"
tui_keys B
expect "B opens the group's requests" "Showing: all requests, every school year"
tui_screen | tail -n 1 | grep -qF "n new" && not_ok "a member is offered n" ||
	ok "a member is not offered n"
tui_keys n
expect "a member who tries is told why not" "Only a lead of the group can ask for budget."
[ "$(requests)" = "$before" ] && ok "nothing was filed by the member" ||
	not_ok "the member filed a request"
tui_keys q q q q q q

# --- the lead files a request of 1.250,50
run_as emre
expect "emre's home screen" "My groups"
open_group "PLG Rust in de klas"
tui_keys B
expect "B opens the group's requests" "Showing: all requests, every school year"
tui_keys n
expect "n opens the form" "Ask for budget"
focus "Purpose"
type_text "Workshop mediation in de klas"
focus "Specialist"
type_text "Bureau Vrede, Jan de Wit"
focus "Cost in euros"
type_text "1.250,505"
focus "Date needed"
type_text "15-01-2027"
tui_keys F2
expect "three decimals are refused at the field" "at most two decimals"
[ "$(requests)" = "$before" ] && ok "nothing filed with a bad cost" ||
	not_ok "a request with a bad cost was filed"
focus "Cost in euros"
tui_keys BSpace
tui_keys F2
expect "the request is filed" "Budget request filed: € 1.250,50"
expect "and listed, open" "Workshop mediation in de klas"
screen_line "Workshop mediation" | grep -qF "€ 1.250,50" && ok "with its cost" ||
	not_ok "the cost in the list: [$(screen_line "Workshop mediation")]"
[ "$(sql "SELECT cost_cents || ' ' || status || ' ' || needed_on FROM budget_request
    WHERE purpose = 'Workshop mediation in de klas'")" = "125050 open 2027-01-15" ] &&
	ok "stored as 125050 cents, open, needed on 15-01-2027" ||
	not_ok "stored: $(sql "SELECT * FROM budget_request WHERE purpose LIKE 'Workshop%'")"
tui_keys q q q q q q

# --- the coordinator approves it with a remark
run_as zoe
expect "zoe's home screen" "Budget requests"
tui_keys B
expect "B opens every group's requests" "School year 2026-2027"
expect "the open ones first" "Showing: open requests"
expect "the request is there" "Workshop mediation"
expect "with the year's totals" "Open: 2 · € 3.050,50"
expect "approved and declined too" "Approved: 1 · € 950,00"
tui_keys Down
sleep 0.2
tui_keys Up
sleep 0.2
# select the new request (the newest is first)
tui_keys J
expect "J opens the decision" "Decide on a budget request"
expect "naming the request" "PLG Rust in de klas: € 1.250,50"
focus "Decision"
choose "Decision" "approve" 10
focus "Remark"
type_text "Akkoord, graag een verslag."
tui_keys F2
expect "approved" "The budget request is approved."
expect "the totals moved" "Open: 1 · € 1.800,00   Approved: 2 · € 2.200,50"
expect_gone "no longer among the open ones" "Workshop mediation"
tui_keys f
expect "f: the decided ones" "Showing: decided requests"
expect "the approved request with its remark" "Akkoord, graag een"
[ "$(sql "SELECT status || ' ' || decided_on || ' ' || (SELECT login FROM person
    WHERE id = decided_by) FROM budget_request
    WHERE purpose = 'Workshop mediation in de klas'")" = "approved 2026-11-23 zoe" ] &&
	ok "stored as approved by zoe today" || not_ok "the decision was not stored"
tui_keys '['
expect "[ goes to the school year before" "School year 2025-2026"
tui_keys ']'
expect "] back" "School year 2026-2027"
tui_keys q q q q q

# --- the lead sees the decision on the group's page
run_as emre
expect "emre's home screen again" "My groups"
open_group "PLG Rust in de klas"
tui_keys G
expect "the page's section has the request" "€ 1.250,50  approved  Workshop mediation"
expect "with the decision's remark" "Akkoord, graag een verslag."
tui_keys B
expect "the group's list" "Showing: all requests, every school year"
screen_line "Workshop mediation" | grep -qF "approved" && ok "approved in the list" ||
	not_ok "approved in the list: [$(screen_line "Workshop mediation")]"
tui_keys e
expect "a decided request cannot be changed" "a decided request cannot be changed"
tui_keys Enter
expect "Enter shows it in full" "approved by Zoë van Ĳsselstein on 23-11-2026"
tui_keys q q q q q q

echo "1..$TUI_COUNT"
[ "$TUI_FAILED" = 0 ]
