#!/bin/sh
# people_flow.sh — the end-to-end test of issue #4, in one continuous flow
# in the real terminal: a coordinator (zoe) finds a person by typing part
# of a name with an accent, opens her, adds her to a group (group picker,
# role, first day), opens that group from her page, ends another member's
# membership there, and checks the roster: the other member is gone from
# the current members and listed among the former members (v) with the
# interval, and the person added is a current member.
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
. "$top_srcdir/tests/tui/lib.sh"
trap tui_cleanup EXIT
tui_need_tmux
tui_demo_en 2026-11-23

tui_start 100x30 "$LEERNET --config $cfg --database $db --user zoe"
expect "the coordinator starts at home" "My groups"

# --- find her by part of her name, with the accent
tui_keys p
expect "p opens the people list" "Showing: active people"
tui_keys /
type_text "Anaï"
expect "the search field shows the accented text" "Search: Anaï"
expect "the person with the accent is listed" "Anaïs Dubois"
expect_gone "and nobody else (Anouk)" "Anouk Jansen"
tui_keys Enter Enter
expect "Enter opens her page" "Email: a.dubois@cbs-zonnespoor.example"
expect "with her one current group" "Current groups (1)"

# --- add her to a group: picker, role, first day
tui_keys +
expect "+ asks which group" "to which group?"
type_text "Rust"
expect "the picker finds the group as you type" "PLG Rust in de klas"
tui_keys Enter
expect "the group chosen, the role follows" "‹ Deelnemer ›"
tui_keys Right
expect "Right offers another role" "‹ Expert ›"
tui_keys Left Tab C-u
type_text "16-11-2026"
tui_keys F2
expect "she is added with the role and the first day" \
	"is in PLG Rust in de klas as Deelnemer from 16-11-2026"
expect "her page counts the group" "Current groups (2)"
expect "and lists it with role and date" "PLG Rust in de klas — Deelnemer — since 16-11-2026"

# --- open that group from her page (the first of her groups, by name)
tui_keys Up Up Enter
expect "Enter on the membership opens the group" "Learning or research question"
tui_screen | grep -q '^ PLG Rust in de klas *$' && ok "it is the group she joined" ||
	not_ok "the wrong group opened"
expect "its roster counts her" "Members (9)"
case "$(row 'Anaïs Dubois')" in
*Deelnemer*"since 16-11-2026"*) ok "she is on the roster with role and first day" ;;
*) not_ok "her row: $(row 'Anaïs Dubois')" ;;
esac

# --- end another member's membership: Jurriën, the fourth row
# Emre (lead), Anaïs, Anouk, Jurriën, …
tui_keys Home Down Down Down x
expect "x asks the last day of the selected member, not hers" \
	"Jurriën Post, Deelnemer since 02-09-2026"
tui_keys C-u
type_text "20-11-2026"
tui_keys Enter
expect "the membership ends" "The membership of Jurriën Post ends on 20-11-2026."
expect "the roster counts one fewer" "Members (8)"
[ -z "$(row 'Jurriën Post')" ] && ok "Jurriën is gone from the current roster" ||
	not_ok "Jurriën still listed: $(row 'Jurriën Post')"
case "$(row 'Anaïs Dubois')" in
*"since 16-11-2026"*) ok "the person added is a current member" ;;
*) not_ok "Anaïs on the current roster: $(row 'Anaïs Dubois')" ;;
esac

# --- the former members
tui_keys v
expect "v shows the former members" "Former members (2)"
case "$(row 'Jurriën Post')" in
*Deelnemer*"02-09-2026 – 20-11-2026"*) ok "Jurriën is a former member, with the interval" ;;
*) not_ok "former row: $(row 'Jurriën Post')" ;;
esac
[ -z "$(row 'Anaïs Dubois')" ] && ok "Anaïs, still a member, is not among the former" ||
	not_ok "Anaïs listed as former: $(row 'Anaïs Dubois')"
tui_keys v v
expect "v twice more is the current roster again" "Members (8)"
case "$(row 'Anaïs Dubois')" in
*"since 16-11-2026"*) ok "and she is on it" ;;
*) not_ok "Anaïs on the roster: $(row 'Anaïs Dubois')" ;;
esac

# --- back on her page the group is still hers
tui_keys Escape
expect "Esc goes back to her page" "Current groups (2)"
tui_keys q q q q
[ "$(tui_status)" = 0 ] && ok "the session ends with 0" || not_ok "exit status"

echo "$TUI_COUNT tests, $TUI_FAILED failed"
[ "$TUI_FAILED" -eq 0 ]
