#!/bin/sh
# run.sh — end-to-end tests of the full-screen interface in a real terminal.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
LEERNET="$top_builddir/src/leernet"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || { echo "tmux missing: skip"; exit 77; }
TUI_ENV="LEERNET_TEST=1"

# --- the home screen of the demo, in Dutch, at 80x24
tui_start 80x24 "$LEERNET --demo"
expect "home screen shows the coordinator with her accented name" "Zoë van Ĳsselstein (coördinator)"
expect "home screen speaks Dutch" "Mijn groepen"
expect "home screen has the menu" "Thema's"
expect "the hint bar shows the help key" "? hulp"
# the name and the role line up: the title's right edge is the last column
line=$(tui_screen | grep -F 'Zoë van Ĳsselstein' | head -n 1)
case "$line" in
*"(coördinator)") ok "title is right-aligned by display width" ;;
*) not_ok "title is right-aligned by display width: [$line]" ;;
esac

# --- each screen opens and closes
tui_keys c
expect "key c opens the calendar" "mijn groepen en het netwerk"
tui_keys Escape
expect_gone "Esc closes the calendar" "mijn groepen en het netwerk"
tui_keys i
expect "key i opens the intervision sessions" "Bijeenkomsten van mijn groepen"
tui_keys Escape
expect_gone "Esc closes them" "Bijeenkomsten van mijn groepen"
tui_keys p
expect "key p opens the people" "Getoond: actieve mensen"
tui_keys Escape
expect_gone "Esc closes the people" "Getoond: actieve mensen"
tui_keys t
expect "key t opens the theme catalogue" "Belangstelling"
tui_keys Escape
expect "Esc closes it" "Mijn groepen"
tui_keys g
expect "key g opens the groups" "Volgende"
tui_keys Escape
expect "Esc closes it" "Mijn groepen"
tui_keys c
expect "a menu key opens its screen" "mijn groepen en het netwerk"
tui_keys g
expect "a menu key works from any screen" "Volgende"
tui_keys H
expect "H goes home" "Mijn groepen"
tui_keys Home Down Down Enter
expect "Enter opens the selected menu item (Kalender)" "Kalender"
tui_keys q
expect "q goes back to home" "Mijn groepen"

# --- help generated from the key table
tui_keys '?'
expect "? shows the help" "Toetsen"
expect "help lists a bound key with its action" "open de themacatalogus"
tui_keys Escape
expect "Esc leaves help" "Mijn groepen"

# --- resize to 60x20 and back
tmux_ resize-window -t 0 -x 60 -y 20
sleep 0.3
expect "after resizing to 60x20 the home screen is redrawn" "Mijn groepen"
width=$(tui_screen | LC_ALL=C.UTF-8 wc -L)
[ "$width" -le 60 ] && ok "nothing is drawn past column 60" || not_ok "nothing past column 60 ($width)"
tmux_ resize-window -t 0 -x 30 -y 10
expect "below the minimum size it says so" "te klein"
tmux_ resize-window -t 0 -x 80 -y 24
expect "back at 80x24 the home screen returns" "Mijn groepen"

# --- q exits 0 and the demo copy is removed
tui_keys q
st=$(tui_status)
[ "$st" = 0 ] && ok "q exits with status 0" || not_ok "q exits with status 0 (got '$st')"
left=$(ls "$TUI_TMP/run" 2>/dev/null | wc -l)
[ "$left" -eq 0 ] && ok "the demo copy is removed at exit" || not_ok "demo copy left behind: $(ls "$TUI_TMP/run")"

# --- SIGTERM restores the terminal and cleans up
tui_start 80x24 "$LEERNET --demo"
expect "second start shows the home screen" "Mijn groepen"
pkill -TERM -f "^$LEERNET --demo\$" 2>/dev/null || true
st=$(tui_status)
[ "$st" = 143 ] && ok "SIGTERM ends the program cleanly (143)" || not_ok "SIGTERM exit status '$st'"
left=$(ls "$TUI_TMP/run" 2>/dev/null | wc -l)
[ "$left" -eq 0 ] && ok "SIGTERM removes the demo copy" || not_ok "demo copy left after SIGTERM"

# --- an unknown TERM falls back to a close entry
TUI_ENV="TERM=xterm-kitty"
tui_start 80x24 "$LEERNET --demo"
expect "TERM=xterm-kitty falls back and starts" "Mijn groepen"
tui_keys q
TUI_ENV="LEERNET_TEST=1"

# --- a locale that is not installed: C.UTF-8 and still Dutch, names intact
TUI_ENV="LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8"
tui_start 80x24 "$LEERNET --demo --user milan"
expect "missing nl_NL locale still shows Đorđević correctly" "Milan Đorđević"
expect "and still speaks Dutch" "Mijn groepen"
tui_keys q
TUI_ENV="LEERNET_TEST=1"

# --- a read-only copy: a visible banner, no change offered
"$LEERNET" demo "$TUI_TMP/ro.db" >/dev/null
tui_start 80x24 "$LEERNET --database $TUI_TMP/ro.db --read-only"
expect "a read-only database shows a banner" "Alleen-lezen"
tui_keys q

# --- an unknown login: a clear message, a catalogue to look at, no changes
tui_start 100x24 "$LEERNET --demo --user nobody"
expect "an unknown login is told so" "niet bekend in dit netwerk"
tui_keys t
expect "the visitor sees the catalogue" "Academische school"
hints=$(tui_screen | tail -n 1)
case "$hints" in
*"nieuw"*|*"belangstelling"*) not_ok "the visitor's hint bar offers no changes: $hints" ;;
*) ok "the visitor's hint bar offers no changes" ;;
esac
tui_keys n
expect "pressing n anyway explains why not" "Alleen mensen die bekend zijn"
tui_keys q q

# --- a staff member sees no coordinator keys on a theme's page
tui_start 100x24 "$LEERNET --demo --user milan"
expect "milan starts" "Milan Đorđević"
tui_keys t Enter
expect "milan opens a theme" "Aanmeldingen"
hints=$(tui_screen | tail -n 1)
case "$hints" in
*"groep vormen"*|*"archiveren"*) not_ok "no coordinator keys for staff: $hints" ;;
*"belangstelling"*) ok "staff see their own keys, not the coordinator's" ;;
*) not_ok "hint bar: $hints" ;;
esac
tui_keys F
expect "pressing F anyway explains why not" "Alleen een coördinator kan een groep vormen"
tui_keys q q q

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
