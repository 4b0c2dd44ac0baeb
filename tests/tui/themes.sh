#!/bin/sh
# themes.sh — a coordinator in the real terminal: open Themes, propose a
# theme, register four people, see it become ready, form a PLG from it, and
# find the group in Groups with its members.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
LEERNET="$top_builddir/src/leernet"
command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || { echo "tmux missing: skip"; exit 77; }

db="$TUI_TMP/net.db"
LEERNET_TODAY=2026-11-23 "$LEERNET" demo "$db" >/dev/null || { echo "demo failed"; exit 1; }
TUI_ENV="LEERNET_TODAY=2026-11-23"

tui_start 100x30 "$LEERNET --database $db --user zoe"
expect "the coordinator starts at home" "Mijn groepen"
tui_keys t
expect "t opens the theme catalogue" "Belangstelling"
expect "the catalogue shows a demo theme with its proposer" "Lotte Brouwer"

# propose
tui_keys n
expect "n opens the propose form" "Thema voorstellen"
tui_keys F2
expect "an empty title is refused at the field" "verplicht"
tui_keys "Taalbeleid in de bovenbouw" Tab "Hoe maken we taalbeleid zichtbaar in de les?" F2
expect "the proposed theme is in the list" "Taalbeleid in de bovenbouw"
expect "and a message says so" "Thema voorgesteld"

# find it by typing, open it
tui_keys / t a a l b
expect "search as you type narrows the list" "Zoeken: taalb"
tui_keys Enter Enter
expect "Enter opens the theme's page" "Voorgesteld door Zoë van Ĳsselstein"
expect "no interest yet" "Belangstelling: 0 van 4"

# register four people: three by login (R), and herself (r)
for who in emre milan sanne; do
	tui_keys R
	expect "R asks whom to register ($who)" "Login of e-mail"
	tui_keys "$who" Tab Space F2
	expect "$who is registered" "Aangemeld:"
done
tui_keys R "nobody-here" F2
expect "an unknown login is refused at the field" "niemand"
tui_keys Escape
tui_keys r
expect "r asks the coordinator's own registration details" "Je belangstelling aanmelden"
tui_keys Space F2
expect "four registrations make the theme ready" "klaar om een groep te vormen"
expect "the registration list shows Milan" "Milan Đorđević"

# form a PLG
tui_keys F
expect "F opens the form-group form" "Een groep vormen"
expect "the registered members are preselected" "[x] Milan Đorđević"
# fields: type, name, question, orientation, start, end
tui_keys Tab Tab Tab Tab Tab "01-02-2027" F2
expect "too short for a PLG is refused at the field" "minstens 6 maanden"
tui_keys C-u "30-06-2028" F2
expect "a group without a lead is refused at the leads" "minstens één trekker"
# the cursor is on the leads now: tick the first (Emre Çelik)
tui_keys Space F2
expect "forming succeeds" "Groep gevormd: Taalbeleid in de bovenbouw"
expect "the theme is now formed" "Status: gevormd"

# the group in Groups
tui_keys g
expect "g opens the groups" "Volgende"
tui_keys / t a a l b Enter
expect "the new group is listed with its five members" "Taalbeleid in de bovenbouw"
line=$(tui_screen | grep -F "Taalbeleid in de bovenbouw" | head -n 1)
case "$line" in
*" 4 "*|*"    4"*) ok "the group counts the four registered people" ;;
*) not_ok "member count in: $line" ;;
esac
tui_keys Enter
expect "its page shows the overview" "in oprichting"
tui_keys S
expect "S makes it active" "De groep is nu actief"
tui_keys q q q q
st=$(tui_status)
[ "$st" = 0 ] && ok "q leaves with status 0" || not_ok "exit status '$st'"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
