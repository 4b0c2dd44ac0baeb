#!/bin/sh
# concurrency.sh — two people at once in real terminals: a screen shows
# another session's commit without a key being pressed, and a save against a
# theme someone else changed meanwhile is refused, keeps what was typed,
# shows the new values, and goes through on the second try.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
LEERNET="$top_builddir/src/leernet"
command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || { echo "tmux missing: skip"; exit 77; }

B_SOCKET="leernet-test-b-$$"
tmux_b() { "${TMUX_BIN:-tmux}" -L "$B_SOCKET" -f /dev/null "$@"; }
cleanup() { tmux_b kill-server 2>/dev/null; tui_cleanup; }
trap cleanup EXIT

db="$TUI_TMP/net.db"
export LEERNET_TODAY=2026-11-23
"$LEERNET" demo "$db" >/dev/null || { echo "demo failed"; exit 1; }
TUI_ENV="LEERNET_TODAY=2026-11-23"

# Ann's session (zoe, a coordinator) shows the theme catalogue
tui_start 100x30 "$LEERNET --database $db --user zoe"
expect "session A starts" "Mijn groepen"
tui_keys t
expect "session A shows the catalogue" "Academische school"

# live refresh: another process proposes a theme; A shows it without a key
"$LEERNET" --database "$db" --user emre propose --title "Aaa nieuw van Emre" >/dev/null ||
	not_ok "propose from the command line"
expect "A shows the other session's new theme within a second or two" "Aaa nieuw van Emre" 3

# both open the same theme's edit form
tui_keys Home Enter
expect "A opens the theme" "Voorgesteld door Emre Çelik"
tui_keys e
expect "A edits it" "Thema wijzigen"
tmux_b new-session -d -x 100 -y 30 "env LANG=C.UTF-8 LEERNET_TODAY=2026-11-23 $LEERNET --database $db --user emre; sleep 30"
i=0
while [ $i -lt 100 ] && ! tmux_b capture-pane -p -t 0 | grep -qF "Mijn groepen"; do sleep 0.05; i=$((i + 1)); done
tmux_b send-keys -t 0 t
sleep 0.5
tmux_b send-keys -t 0 Home Enter
sleep 0.5
tmux_b send-keys -t 0 e
sleep 0.5
tmux_b send-keys -t 0 C-u "Door Emre hernoemd" F2
i=0
while [ $i -lt 100 ] && ! tmux_b capture-pane -p -t 0 | grep -qF "Thema opgeslagen"; do sleep 0.05; i=$((i + 1)); done
if tmux_b capture-pane -p -t 0 | grep -qF "Thema opgeslagen"; then ok "B saves first"; else
	not_ok "B saves first"; tmux_b capture-pane -p -t 0; fi

# A saves its own change against the old version
tui_keys C-u "Door Zoë hernoemd" F2
expect "A's save is refused, saying who changed it" "Gewijzigd door Emre Çelik"
expect "A sees B's value at the field" "Door Emre hernoemd"
expect "A's typed text is kept" "Door Zoë hernoemd"
tui_keys F2
expect "the second F2 saves A's text over the new version" "Thema opgeslagen"
expect "the page shows A's title" "Door Zoë hernoemd"
title=$("$LEERNET" --database "$db" themes --format csv | grep -c "Door Zoë hernoemd")
[ "$title" = 1 ] && ok "the database has A's title once" || not_ok "database title count $title"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
