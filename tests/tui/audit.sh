#!/bin/sh
# audit.sh — the audit log in the real terminal: a coordinator finds it on
# the home screen and with A, sees the newest change first, filters by kind
# and opens a theme from it; anyone else does not see it in the menu and
# gets the reason on the status line when pressing A.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
LEERNET="$top_builddir/src/leernet"
command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || { echo "tmux missing: skip"; exit 77; }

db="$TUI_TMP/net.db"
LEERNET_TODAY=2026-11-23 "$LEERNET" demo "$db" >/dev/null || { echo "demo failed"; exit 1; }
LEERNET_TODAY=2026-11-23 "$LEERNET" --database "$db" --user zoe propose \
	--title "Nieuwste wijziging" --type plg >/dev/null || { echo "propose failed"; exit 1; }
TUI_ENV="LEERNET_TODAY=2026-11-23"

tui_start 110x30 "$LEERNET --database $db --user emre"
expect "a member starts at home" "Mijn groepen"
tui_screen | grep -qF "Logboek" && not_ok "the menu offers a member the log" ||
	ok "the menu does not offer a member the log"
tui_keys A
expect "A tells a member why not" "coördinator"
tui_keys t
expect "and the member can go on" "Belangstelling"
tui_keys q q
[ "$(tui_status)" = 0 ] && ok "the member's session ends with 0" || not_ok "member exit status"

tui_start 110x30 "$LEERNET --database $db --user zoe"
expect "the coordinator starts at home" "Mijn groepen"
expect "the menu offers the coordinator the log" "Logboek"
tui_keys A
expect "A opens the log" "Samenvatting"
expect "the newest change first, with its summary" "Nieuwste wijziging"
tui_screen | grep -F "Nieuwste wijziging" | grep -qF "Zoë van Ĳsselstein" &&
	ok "who made it, by name" || not_ok "no name on the newest row"
tui_keys f
expect "f shows one kind of row" "Soort: theme"
tui_keys f
expect "f again, the next kind" "Soort: interest"
tui_keys f f f f f f
expect "round to every kind again" "Soort: alle"
tui_keys G
expect "End goes to the oldest rows: the demo's first organisations" "organisation"
tui_keys '<' Enter
expect "Enter on a theme's row opens the theme" "Voorgesteld door Zoë van Ĳsselstein"
tui_keys Escape
expect "back in the log" "Samenvatting"
tui_keys q q q
[ "$(tui_status)" = 0 ] && ok "the coordinator's session ends with 0" ||
	not_ok "coordinator exit status"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
