#!/bin/sh
# notes.sh — "leernet notes" on the demo network: the sessions list, export
# as text and Markdown, and search, each for a member (who reads), a
# contributor-private section (only the contributor reads), a coordinator
# who is no member (the session, never its text), and a follower and a
# stranger (nothing: anyone may follow a group). The demo notes come from data/demo/notes.tsv: the first note
# of "PLG Rust in de klas" (16-09-2026, incident method) has Milan as its
# contributor; Hatice is an expert of the group, Sanne follows it, Bram is
# in another group, Zoë is the coordinator.
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23

cfg="$CLI_TMP/leernet.yaml"
sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
run $TODAY -- --config "$cfg" demo "$CLI_TMP/demo.db"
check "demo FILE for the notes tests" 0
D="--config $cfg --database $CLI_TMP/demo.db"

# absent TEXT — stdout lacks TEXT (a fixed string)
absent() { ! grep -qF -- "$1" "$CLI_TMP/out"; }
# the first CSV field of the first line of stdout that holds TEXT
field1() { grep -F -- "$1" "$CLI_TMP/out" | head -n 1 | cut -d, -f1; }

# --- list
run $TODAY -- $D --user milan notes list
check "notes list as a member shows the group's sessions" 0 out "PLG Rust in de klas" \
	out "Incidentmethode" out "Milan Đorđević" out "final"
run $TODAY -- $D --user milan notes list --format csv
check "notes list --format csv" 0 \
	out "meeting,starts_at,group,method,method_label,contributor,status,open_agreements,may_read" \
	out ",2026-09-16T13:30,PLG Rust in de klas,incident,Incidentmethode,Milan Đorđević,final,3,1"
M=$(field1 "2026-09-16T13:30")
NONOTE=$(grep -E '^[0-9]+,[^,]*,PLG Rust in de klas,,,,,' "$CLI_TMP/out" | head -n 1 | cut -d, -f1)
case "$M" in
'' | *[!0-9]*) not_ok "the first Rust note's meeting number from the list: '$M'"; M=0 ;;
*) ok "the first Rust note is meeting $M" ;;
esac
[ -n "$NONOTE" ] && ok "a held session without a note is listed ($NONOTE)" ||
	not_ok "no session without a note in the list"
run $TODAY -- $D --user bram notes list
check "notes list as a stranger" 0
absent "PLG Rust in de klas" && ok "a stranger does not see the Rust sessions" ||
	not_ok "a stranger sees the Rust sessions"
run $TODAY -- $D --user sanne notes list --format csv
check "notes list as a follower" 0
absent "PLG Rust in de klas" && ok "a follower does not see the sessions (who brought a case)" ||
	not_ok "a follower sees the Rust sessions"
run $TODAY -- $D --user zoe notes list
absent "PLG Rust in de klas" && ok "a coordinator's own list holds no other group" ||
	not_ok "a coordinator (no member) lists the Rust sessions without --all"
run $TODAY -- $D --user zoe notes list --all --format csv
check "notes list --all as a coordinator: every session with a note, none readable" 0 \
	out "$M,2026-09-16T13:30,PLG Rust in de klas,incident,Incidentmethode,Milan Đorđević,final,3,0" \
	out ",PLG Startende leraren,balint,Balintmethode,"
! grep -q ",1$(printf '\r')\$" "$CLI_TMP/out" && ok "no session is readable for the coordinator" ||
	not_ok "a session is readable for the coordinator"
run $TODAY -- $D --user nobody notes list
check "notes list as a visitor" 0 out "No intervision sessions found."

# --- export
run $TODAY -- $D --user milan notes export "$M"
check "notes export as a member (the contributor)" 0 out "PLG Rust in de klas" \
	out "Method: Incidentmethode" out "Contributor: Milan Đorđević" out "1. Casus kiezen" \
	out "instructietafel" out "Agreements" out "rekengegevens van J." \
	out "Milan merkt dat hij J. al bij binnenkomst"
run $TODAY -- $D --user hatice notes export "$M"
check "notes export as another member" 0 out "instructietafel" \
	out "6. Wat de inbrenger meeneemt" out "(private)"
absent "binnenkomst" && ok "the contributor's private section is only (private)" ||
	not_ok "another member reads the contributor's private section"
run $TODAY -- $D --user milan notes export "$M" --format md
check "notes export --format md has Markdown headings" 0 out "# Intervision PLG Rust in de klas" \
	out "## 1. Casus kiezen" out "## Agreements" out "- **Method:** Incidentmethode" \
	out "instructietafel"
run $TODAY -- $D --user zoe notes export "$M"
if [ "$STATUS" = 65 ]; then
	ok "a coordinator (no member) is refused the note"
else
	check "a coordinator (no member) sees the head" 0 out "PLG Rust in de klas" \
		out "Method: Incidentmethode" \
		out "(no text: you were not a member of the group on that day)"
fi
absent "instructietafel" && absent "rekengegevens" && absent "Casus kiezen" &&
	ok "a coordinator reads no text, no agreement, no phase" ||
	not_ok "a coordinator reads note content"
run $TODAY -- $D --user sanne notes export "$M" --format md
check "a follower may not see the session (65)" 65
absent "instructietafel" && absent "Milan" && ok "a follower reads nothing of it" ||
	not_ok "a follower reads the session"
run $TODAY -- $D --user bram notes export "$M"
check "a stranger may not see the session (65)" 65 \
	err "Only members of the group on the meeting's date can read its note."
[ ! -s "$CLI_TMP/out" ] && ok "nothing printed for a stranger" || not_ok "output for a stranger"
run $TODAY -- $D --user nobody notes export "$M"
check "a visitor may not see the session (65)" 65
run $TODAY -- $D --user milan notes export "$NONOTE"
check "a session without a note (65)" 65 err "has no note"
run $TODAY -- $D --user milan notes export 99999
check "no such meeting (65)" 65
run $TODAY -- $D --user milan notes export
check "notes export without a meeting (64)" 64 err "usage: leernet notes"
run $TODAY -- $D --user milan notes export vier
check "notes export with a word for a number (64)" 64 err "vier"
run $TODAY -- $D --user milan notes export "$M" --format csv
check "notes export --format csv (64)" 64 err "csv"
run $TODAY -- $D --user milan notes export "$M" 2
check "notes export with two meetings (64)" 64 err "unexpected argument '2'"

# --- search
run $TODAY -- $D --user milan notes search instructietafel
check "notes search finds a word for a member" 0 out "[instructietafel]" \
	out "PLG Rust in de klas" out "16-09-2026"
run $TODAY -- $D --user milan notes search instructieta --format csv
check "notes search --format csv, a word by its start" 0 \
	out "meeting,starts_at,group,phase,snippet" \
	out "$M,2026-09-16T13:30,PLG Rust in de klas,Advies van elke deelnemer,"
run $TODAY -- $D --user bram notes search instructietafel
check "notes search finds nothing for a stranger" 0 out "No notes found."
absent "instructietafel" && ok "no hit shown to a stranger" || not_ok "a stranger's hit"
run $TODAY -- $D --user zoe notes search instructietafel --format csv
check "notes search as a coordinator (no member)" 0
[ "$(grep -c '' "$CLI_TMP/out")" = 1 ] && ok "no hits for a coordinator, only the header" ||
	not_ok "a coordinator's hits: $(cat "$CLI_TMP/out")"
run $TODAY -- $D --user milan notes search binnenkomst
check "the contributor finds their private section" 0 out "[binnenkomst]"
run $TODAY -- $D --user hatice notes search binnenkomst
check "another member does not find it" 0 out "No notes found."
run $TODAY -- $D --user milan notes search
check "notes search without words (64)" 64

# --- the command line
run $TODAY -- $D --user milan notes
check "notes without a subcommand (64)" 64 err "usage: leernet notes"
run $TODAY -- $D --user milan notes read 1
check "an unknown subcommand (64)" 64 err "read"
run $TODAY -- $D --user milan notes list --format md
check "notes list --format md (64)" 64
run $TODAY -- $D --user milan notes search teken --all
check "--all only for list (64)" 64 err "--all"
run -- --help
check "--help names the notes command" 0 out "notes export MEETING"

[ "$CLI_FAILED" = 0 ]
