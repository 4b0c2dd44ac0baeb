#!/bin/sh
# roster.sh — a group's roster in the real terminal. A lead (emre) opens his
# group and sees the members with their roles, the followers apart; adds a
# person found by typing part of a name with an accent; is refused a second,
# overlapping membership; ends another member's membership, who then is gone
# from the current roster, listed among the former members (v), and back on
# the roster of a date before the end (@); appoints a new lead in his place.
# Meanwhile a plain member (jurrien) watches the same page in a second
# terminal: it shows the lead's change without a key, offers no + x o, and
# pressing + says why. In English (language: en) so that the catalogue can
# change without breaking this test; the role labels come from the config.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
tui_need_tmux

# the member's terminal: a second tmux server
B_SOCKET="leernet-test-b-$$"
tmux_b() { "${TMUX_BIN:-tmux}" -L "$B_SOCKET" -f /dev/null "$@"; }
b_screen() { tmux_b capture-pane -p -t 0 2>/dev/null; }
b_keys() { tmux_b send-keys -t 0 "$@"; }
b_expect() {
	i=0
	while [ $i -lt $(( ${3:-10} * 20 )) ]; do
		if b_screen | grep -qF -- "$2"; then ok "$1"; return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	not_ok "$1 (wanted: $2)"
	echo "--- member's screen:"
	b_screen | sed 's/^/    /'
}
cleanup() { tmux_b kill-server 2>/dev/null; tui_cleanup; }
trap cleanup EXIT

tui_demo_en 2026-11-23

hints() { tui_screen | tail -n 1; }

# --- the member opens the group first and stays on its page
tmux_b new-session -d -x 100 -y 30 "env LANG=C.UTF-8 LEERNET_TODAY=2026-11-23 \
$LEERNET --config $cfg --database $db --user jurrien; sleep 30"
b_expect "the member starts at home" "My groups"
b_keys g
b_expect "the member opens the groups" "Next"
b_keys / R u s t
b_expect "the member searches it" "Search: Rust"
b_keys Enter Enter
b_expect "the member sees the roster" "Members (8)"

# --- the lead opens his group
tui_start 100x40 "$LEERNET --config $cfg --database $db --user emre"
expect "the lead starts at home" "My groups"
tui_keys g
expect "g opens the groups" "Next"
tui_keys / R u s t Enter
expect "search finds the group" "PLG Rust in de klas"
tui_keys Enter
expect "the group's page shows the roster under the overview" "Members (8)"
expect "the overview is still there" "Learning or research question"
case "$(row 'Emre Çelik')" in
*Trekker*"since 02-09-2026"*) ok "the lead is listed as Trekker with the Dutch since-date" ;;
*) not_ok "the lead's row: $(row 'Emre Çelik')" ;;
esac
case "$(row 'Hatice Yıldız')" in
*Expert*) ok "an expert has the config's label" ;;
*) not_ok "the expert's row: $(row 'Hatice Yıldız')" ;;
esac
expect "followers have their own heading" "Followers (2)"
lead=$(tui_screen | grep -nE '^  Emre Çelik ' | cut -d: -f1)
member=$(tui_screen | grep -nE '^  Jurriën Post ' | cut -d: -f1)
expert=$(tui_screen | grep -nE '^  Hatice Yıldız ' | cut -d: -f1)
heading=$(tui_screen | grep -n 'Followers (2)' | cut -d: -f1)
follower=$(tui_screen | grep -nE '^  Sanne de Vries +Volger' | cut -d: -f1)
if [ -n "$lead" ] && [ -n "$member" ] && [ -n "$expert" ] && [ -n "$heading" ] &&
    [ -n "$follower" ] && [ "$lead" -lt "$member" ] && [ "$member" -lt "$expert" ] &&
    [ "$expert" -lt "$heading" ] && [ "$heading" -lt "$follower" ]; then
	ok "leads, then members, then experts; the followers apart below"
else
	not_ok "order of lead $lead, member $member, expert $expert, followers $heading/$follower"
fi
case "$(hints)" in
*"+ add member"*"x end membership"*"o role"*"v former"*"@ as of"*) ok "the lead is offered + x o" ;;
*) not_ok "the lead's hints: $(hints)" ;;
esac

# --- add a person found by typing part of a name with an accent
tui_keys +
expect "+ opens the person picker" "Search:"
tui_keys "Anaï"
expect "typing finds the person with the accent" "Anaïs Dubois"
tui_keys Enter
expect "Enter picks her and asks role and first day" "Add to the roster"
expect "the role is member by default" "‹ Deelnemer ›"
expect "the first day is today by default" "23-11-2026"
tui_keys F2
expect "she is added" "Anaïs Dubois joins as Deelnemer from 23-11-2026."
expect "the roster counts her" "Members (9)"
case "$(row 'Anaïs Dubois')" in
*Deelnemer*"since 23-11-2026"*) ok "her row shows role and since-date" ;;
*) not_ok "her row: $(row 'Anaïs Dubois')" ;;
esac
b_expect "the member's page shows her without a key being pressed" "Anaïs Dubois" 3

tui_keys + "anais" Enter
expect "typing without the accent finds her too" "Add to the roster"
tui_keys F2
expect "a second, overlapping membership is refused with the store's reason" "overlaps"
tui_keys Escape
expect "Esc leaves the form" "Members (9)"

# --- end another member's membership
# Emre, Anaïs, Anouk, Jurriën, Li Wěi, Milan, Naima, Noël: the eighth row
tui_keys Home Down Down Down Down Down Down Down x
expect "x asks the last day of the selected membership" \
	"Noël Lambrechts, Deelnemer since 02-09-2026"
tui_keys C-u "01-09-2026" Enter
expect "a last day before the start is refused" "the end date is before the start date"
tui_keys C-u "15-11-2026" Enter
expect "the membership ends" "The membership of Noël Lambrechts ends on 15-11-2026."
expect "the roster counts one fewer" "Members (8)"
[ -z "$(row 'Noël Lambrechts')" ] && ok "Noël is gone from the current roster" ||
	not_ok "Noël still listed: $(row 'Noël Lambrechts')"

tui_keys v
expect "v shows the former members" "Former members (2)"
case "$(row 'Noël Lambrechts')" in
*"02-09-2026 – 15-11-2026"*) ok "Noël is a former member, with the interval" ;;
*) not_ok "former row: $(row 'Noël Lambrechts')" ;;
esac
case "$(hints)" in
*"end membership"*) not_ok "x is offered among former members: $(hints)" ;;
*) ok "among former members there is nothing to end" ;;
esac
tui_keys v
expect "v again shows every interval" "Members over time"
tui_keys v
expect "and once more the current roster" "Members (8)"

tui_keys @
expect "@ asks a date" "Roster as of a date"
tui_keys "10-11-2026" Enter
expect "the roster as of a date says so" "Members as of 10-11-2026 (8)"
case "$(row 'Noël Lambrechts')" in
*"02-09-2026 – 15-11-2026"*) ok "before the end Noël is on the roster" ;;
*) not_ok "Noël as of 10-11-2026: $(row 'Noël Lambrechts')" ;;
esac
[ -z "$(row 'Anaïs Dubois')" ] && ok "Anaïs, who joined later, is not" ||
	not_ok "Anaïs listed before she joined"
tui_keys @ C-u Enter
expect "an empty date is today again" "Members (8)"

# --- appoint a new lead in the lead's place
# Emre, Anaïs, Anouk, Jurriën, Li Wěi, Milan: the sixth row
tui_keys Home Down Down Down Down Down o
expect "o asks the new role of the selected member" "Milan Đorđević, Deelnemer since 02-09-2026"
expect "the new role offered is lead" "‹ Trekker ›"
expect "the current lead can be replaced" "[ ] Emre Çelik"
tui_keys Tab Tab Space F2
expect "Milan replaces Emre" "Milan Đorđević replaces Emre Çelik as lead from 23-11-2026."
case "$(row 'Milan Đorđević')" in
*Trekker*) ok "Milan is listed as Trekker" ;;
*) not_ok "Milan's row: $(row 'Milan Đorđević')" ;;
esac
case "$(row 'Emre Çelik')" in
*Deelnemer*) ok "Emre is a member now" ;;
*) not_ok "Emre's row: $(row 'Emre Çelik')" ;;
esac
case "$(hints)" in
*"add member"*) not_ok "no longer a lead, Emre is still offered +: $(hints)" ;;
*) ok "no longer a lead, Emre is not offered + x o" ;;
esac
# --- E: the roster shown, to a private file; never over an existing one
tui_keys E
expect "E asks how to export the roster" "Export the roster"
tui_keys Tab
tui_keys -l "$TUI_TMP/roster.csv"
tui_keys F2
expect "the roster is written" "written to $TUI_TMP/roster.csv"
if grep -q '^name,email,organisation,function,role,start_on,end_on' "$TUI_TMP/roster.csv" &&
	grep -q '^Milan Đorđević,m.dordevic@obs-regenboog.example,.*,lead,2026-11-23,' \
	"$TUI_TMP/roster.csv"; then
	ok "the file is the CSV roster with Milan as lead"
else
	not_ok "the exported file: $(head -3 "$TUI_TMP/roster.csv" 2>&1)"
fi
[ "$(stat -c %a "$TUI_TMP/roster.csv" 2>/dev/null)" = 600 ] && ok "the export is private" ||
	not_ok "export mode $(stat -c %a "$TUI_TMP/roster.csv" 2>/dev/null)"
tui_keys E Tab
tui_keys -l "$TUI_TMP/roster.csv"
tui_keys F2
expect "an existing file is never overwritten" "already exists"
tui_keys Escape
tui_keys q q q q
st=$(tui_status)
[ "$st" = 0 ] && ok "the lead's session ends with 0" || not_ok "exit status '$st'"

# --- the plain member
case "$(b_screen | tail -n 1)" in
*"add member"*|*"end membership"*|*"o role"*)
	not_ok "the member is offered + x o: $(b_screen | tail -n 1)" ;;
*"v former"*) ok "the member's hint bar offers no + x o" ;;
*) not_ok "the member's hints: $(b_screen | tail -n 1)" ;;
esac
b_keys +
b_expect "+ tells the member why not" \
	"Only a lead of the group or a coordinator can change its roster."
b_keys v
b_expect "the member can look at the former members" "Former members (2)"
b_keys x
b_expect "x tells the member why not, too" \
	"Only a lead of the group or a coordinator can change its roster."
b_keys v v
b_expect "back on the current roster" "Members (8)"
b_screen | grep -qE '^  Milan Đorđević +Trekker' && ok "the member's page shows the new lead" ||
	not_ok "the member's page does not show Milan as lead"
b_keys q q q q

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
