#!/bin/sh
# people.sh — people, rosters and snapshots on the command line, on the demo
# network with a fixed today: "people" with its search, "roster" in every
# format compared byte for byte with tests/cli/expected/, the roster of an
# earlier date, who may export it, and "snapshot" (what it holds and what it
# must never hold).
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
EXPECTED="$top_srcdir/tests/cli/expected"
SQLITE3=${SQLITE3_BIN:-sqlite3}
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23

# same DESCRIPTION FILE — stdout (CRs removed) is FILE byte for byte.
same() {
	if [ "$STATUS" != 0 ]; then
		not_ok "$1 (status $STATUS)"
		return
	fi
	tr -d '\r' < "$CLI_TMP/out" > "$CLI_TMP/out.lf"
	if cmp -s "$CLI_TMP/out.lf" "$2"; then
		ok "$1"
	else
		not_ok "$1 (differs from $(basename "$2"))"
		diff "$2" "$CLI_TMP/out.lf" | sed 's/^/    /' | head -20
	fi
}
# lines — how many lines stdout has.
lines() { grep -c '' "$CLI_TMP/out"; }

run $TODAY -- demo "$CLI_TMP/demo.db"
check "demo FILE for the people tests" 0
D="--database $CLI_TMP/demo.db"

# --- people
run $TODAY -- $D --user zoe people --search "zoe" --format csv
check "people --search finds Zoë without typing the ë" 0 out "Zoë van Ĳsselstein"
run $TODAY -- $D --user zoe people --search "Jurriën" --format csv
check "people --search with the accent typed" 0 out "Jurriën Post"
[ "$(lines)" = 2 ] && ok "only Jurriën (and the header)" || not_ok "Jurriën alone: $(lines) lines"
run $TODAY -- $D --user zoe people --search "regenboog" --format csv
check "people --search on the organisation" 0 out "Milan Đorđević"
run $TODAY -- $D --user zoe people --organisation "obs de brug"
check "people --organisation by name in another case" 0 out "Emre Çelik"
if grep -q "Milan" "$CLI_TMP/out"; then not_ok "--organisation lists someone of another school"
else ok "--organisation lists only that school"; fi
run $TODAY -- $D --user zoe people --organisation "Nergens"
check "an unknown organisation is a data error" 65 err "Nergens"
run $TODAY -- $D --user nobody people
check "a visitor sees nobody" 65 err "bekend"
run $TODAY -- $D --user zoe people --format xml
check "an unknown format is a usage error" 64

# --- rosters, exactly
for f in text csv vcard emails; do
	run $TODAY -- $D --user emre roster "PLG Rust in de klas" --format $f
	same "roster --format $f as the lead" "$EXPECTED/roster-rust.$f"
done
run $TODAY -- $D --user emre roster "PLG Rust in de klas" --format vcard
cr=$(printf '\r')
[ "$(grep -c "$cr\$" "$CLI_TMP/out")" = "$(lines)" ] && ok "vCard lines end in CRLF" ||
	not_ok "vCard lines end in CRLF"
run $TODAY -- $D --user zoe roster "PLG Rust in de klas" --at 2026-10-01 --format csv
check "roster --at an earlier date" 0 out "Jurriën Post"
if grep -q "Anouk Jansen" "$CLI_TMP/out"; then not_ok "--at lists someone who joined later"
else ok "--at leaves out who joined later"; fi
run $TODAY -- $D --user zoe roster "PLG Rust in de klas" --at 31-02-2026
check "a date that does not exist" 65
run $TODAY -- $D --user milan roster "PLG Rust in de klas" --format emails
check "a member may take the addresses" 0 out "@"
run $TODAY -- $D --user nobody roster "PLG Rust in de klas"
check "a visitor may not export a roster" 65 err "exporteren"
run $TODAY -- $D --user zoe roster "Bestaat niet"
check "an unknown group" 65

# --- snapshot
run $TODAY -- $D --user emre snapshot "$CLI_TMP/snap.db" --group "PLG Rust in de klas"
check "snapshot of the lead's group" 0 out "--read-only"
[ "$(mode_of "$CLI_TMP/snap.db")" = 600 ] && ok "the snapshot is private (0600)" ||
	not_ok "snapshot mode $(mode_of "$CLI_TMP/snap.db")"
q() { "$SQLITE3" "$CLI_TMP/snap.db" "$1"; }
[ "$(q 'SELECT count(*) FROM note')" = 0 ] && ok "no intervision notes in the snapshot" ||
	not_ok "notes in the snapshot"
[ "$(q 'SELECT count(*) FROM note_section')" = 0 ] && ok "no note text in the snapshot" ||
	not_ok "note text in the snapshot"
[ "$(q 'SELECT count(*) FROM audit')" = 0 ] && ok "no audit log in the snapshot" ||
	not_ok "audit log in the snapshot"
[ "$(q 'SELECT count(*) FROM grp')" = 1 ] && ok "one group in the snapshot" ||
	not_ok "groups in the snapshot: $(q 'SELECT name FROM grp')"
[ "$(q "SELECT count(*) FROM person WHERE id NOT IN (SELECT person_id FROM membership)
	AND login <> 'emre'")" = 0 ] && ok "nobody from outside the group" ||
	not_ok "other people in the snapshot"
if grep -a -q "Jasper Koning" "$CLI_TMP/snap.db"; then
	not_ok "another group's member lingers in the file's bytes"
else
	ok "another group's member is not in the file's bytes"
fi
run $TODAY -- --read-only --database "$CLI_TMP/snap.db" --user emre roster "PLG Rust" --format csv
check "the snapshot opens read-only and lists the roster" 0 out "Emre Çelik"
run $TODAY -- $D --user emre snapshot "$CLI_TMP/snap.db"
check "a snapshot never overwrites a file" 73
run $TODAY -- $D --user milan snapshot "$CLI_TMP/other.db" --group "PLG Startende leraren"
check "a stranger to the group gets no snapshot of it" 65
[ -e "$CLI_TMP/other.db" ] && not_ok "a refused snapshot left a file" ||
	ok "a refused snapshot leaves no file"
run $TODAY -- $D --restricted --user emre snapshot "$CLI_TMP/r.db"
check "snapshot is refused in restricted mode" 77

[ "$CLI_FAILED" = 0 ]
