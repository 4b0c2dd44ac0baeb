#!/bin/sh
# themes.sh — the theme catalogue and group formation on the command line:
# themes, interest, propose, register, withdraw, groups and form, on the demo
# network and on a fresh database, with CSV compared byte for byte (less the
# CR of each CRLF, checked apart) against tests/cli/expected/.
#
# Exit statuses: 64 for a wrong command line, 65 for refused data (unknown
# or ambiguous theme, a date that does not exist, an end before the start,
# rules, a second registration, access).
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
EXPECTED="$top_srcdir/tests/cli/expected"
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23

# same DESCRIPTION FILE — stdout has CRLF line ends and, without the CRs, is FILE.
same() {
	if [ "$STATUS" != 0 ]; then
		not_ok "$1 (status $STATUS)"
		return
	fi
	cr=$(printf '\r')
	if [ "$(grep -c "$cr\$" "$CLI_TMP/out")" != "$(grep -c '' "$CLI_TMP/out")" ]; then
		not_ok "$1 (a line does not end in CRLF)"
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

# candidates — how many lines of stderr that look like "  ID  NAME" (candidates).
candidates() { grep -cE '^  [0-9]+  ' "$CLI_TMP/err"; }

# --- the demo network: the catalogue as CSV, stable under a fixed today
run $TODAY -- demo "$CLI_TMP/demo.db"
check "demo FILE for the theme tests" 0
D="--database $CLI_TMP/demo.db"
run $TODAY -- $D themes --format csv
same "themes --format csv on the demo" "$EXPECTED/demo-themes.csv"
run $TODAY -- $D themes
check "themes as text marks a ready theme" 0 out "6/5 ✓" out "Mobiel leren"
run $TODAY -- $D themes --status gathering --sort interest --format csv
check "themes --status gathering" 0 out "gathering,werkgroep,6,3,yes"
[ "$(grep -c '' "$CLI_TMP/out")" = 3 ] && ok "only the two gathering themes (and the header)" ||
	not_ok "gathering themes: $(cat "$CLI_TMP/out")"
run $TODAY -- $D themes --search wereld --format csv
check "themes --search finds a word by its start" 0 out "Internationalisering en wereldburgerschap"
run $TODAY -- $D interest "mobiel leren" --format csv
check "interest by a title in another case" 0 out "person_id,name,organisation,function"
run $TODAY -- $D interest 4
check "interest by number" 0 out "Jasper Koning"
run $TODAY -- $D groups --theme "Gedrag in de klas" --format csv
check "groups --theme by title" 0 out ",PLG Rust in de klas,plg,active,"
run $TODAY -- $D groups --type plg --status active
check "groups --type --status as text" 0 out "PLG Startende leraren" out "18/40"
run $TODAY -- $D --user emre groups --mine --format csv
check "groups --mine" 0 out "Emre Çelik"
run $TODAY -- $D groups --search rekenen --format csv
check "groups --search" 0 out "Tussenschools leernetwerk Rekenen"

# --- naming a theme: unknown, ambiguous, close matches
run $TODAY -- $D interest "Begr"
check "a unique prefix names a theme" 0
run $TODAY -- $D interest Be
check "an ambiguous prefix is refused (65)" 65 err "  7  Begeleiding startende leraren" \
	err "  12  Begrijpend lezen"
run $TODAY -- $D interest "xyzzy"
check "an unknown theme is refused (65)" 65 err "xyzzy"
[ "$(candidates)" = 0 ] && ok "no candidates for nonsense" ||
	not_ok "candidates: $(cat "$CLI_TMP/err")"
run $TODAY -- $D interest "wereld internationaal"
check "an unknown theme lists close matches (65)" 65 \
	err "  1  Internationalisering en wereldburgerschap"
run $TODAY -- $D interest "leren"
check "words of titles are offered" 65 err "Gepersonaliseerd leren" err "Mobiel leren"
run $TODAY -- $D groups --theme nothing-like-it
check "groups --theme unknown (65)" 65

# --- usage errors (64)
run $TODAY -- $D themes --format xml
check "--format xml is a usage error" 64 err "xml"
run $TODAY -- $D groups --format xml
check "groups --format xml is a usage error" 64
run $TODAY -- $D themes --sort size
check "an unknown sort order is a usage error" 64
run $TODAY -- $D themes --status done
check "an unknown status is a usage error" 64
run $TODAY -- $D groups --bogus
check "an unknown option is a usage error" 64 err "--bogus"
run $TODAY -- $D groups --type
check "a missing option value is a usage error" 64 err "--type"
run $TODAY -- $D interest
check "interest without a theme is a usage error" 64
run $TODAY -- $D --user zoe propose --description "no title"
check "propose without --title is a usage error" 64 err "--title"
run $TODAY -- $D --user zoe propose --title X --type nope
check "propose with an unknown type is a usage error" 64 err "plg"

# --- a fresh database with a few people (made with sqlite3)
SQLITE=${SQLITE3_BIN:-sqlite3}
if ! command -v "$SQLITE" >/dev/null 2>&1; then
	echo "ok # SKIP the fresh-database tests need sqlite3"
	echo "$CLI_COUNT tests, $CLI_FAILED failed"
	[ "$CLI_FAILED" -eq 0 ]
	exit
fi
F="--database $CLI_TMP/fresh.db"
run $TODAY -- $F check
check "a fresh database" 0
"$SQLITE" "$CLI_TMP/fresh.db" <<'EOF'
INSERT INTO organisation (id, name, kind) VALUES (1, 'OBS "De Vonk", Vechtstad', 'school');
INSERT INTO organisation (id, name, kind) VALUES (2, 'Stichting Kompas', 'board');
INSERT INTO person (id, name, email, organisation_id, function, login, coordinator) VALUES
 (1, 'Carla Coördinator', 'carla@kompas.example', 2, 'other', 'carla', 1),
 (2, 'Anna de Wit', 'anna@vonk.example', 1, 'teacher', 'anna', 0),
 (3, 'Bart Jansen', 'bart@vonk.example', 1, 'teacher', 'bart', 0),
 (4, 'Chris Öztürk', 'chris@vonk.example', 1, 'researcher', 'chris', 0),
 (5, 'Dina Bakker', 'dina@vonk.example', 1, 'director', NULL, 0);
EOF
run $TODAY -- $F --user anna propose --title "Formatief evalueren" \
	--description "Feedback die leerlingen verder helpt" --type plg --orientation exploring
check "propose prints the new theme's number" 0 out "1"
run $TODAY -- $F --user visitor propose --title "Niet van hier"
check "a visitor may not propose (65)" 65
run $TODAY -- $F --user anna propose --title ""
check "an empty title is refused (65)" 65
run $TODAY -- $F --user anna register "formatief evalueren" --manager-agreed \
	--remark 'past in mijn POP, "echt"'
check "anna registers herself" 0 out "Anna de Wit"
run $TODAY -- $F --user anna register "Formatief evalueren"
check "a second registration is refused (65)" 65
run $TODAY -- $F --user bart register Formatief --remark "=1+1"
check "bart registers with a formula-like remark" 0
run $TODAY -- $F --user bart register Formatief --person chris
check "only a coordinator registers someone else (65)" 65
run $TODAY -- $F --user visitor register Formatief
check "a visitor cannot register (65)" 65
run $TODAY -- $F --user carla register Formatief --person chris
check "the coordinator registers chris" 0 out "Chris Öztürk"
run $TODAY -- $F --user carla register Formatief --person dina@vonk.example --manager-agreed
check "the coordinator registers dina by email" 0 out "Dina Bakker"
run $TODAY -- $F --user carla register Formatief --person nobody
check "an unknown person is refused (65)" 65 err "nobody"
run $TODAY -- $F themes --format csv
same "themes --format csv shows ready=yes" "$EXPECTED/fresh-themes.csv"
run $TODAY -- $F interest 1 --format csv
same "interest --format csv: quoting, neutralised formula" "$EXPECTED/fresh-interest.csv"
run $TODAY -- $F --user carla withdraw Formatief --person chris
check "withdraw someone else's registration" 0
run $TODAY -- $F --user carla withdraw Formatief --person chris
check "withdrawing twice is refused (65)" 65
run $TODAY -- $F --user chris register Formatief
check "chris registers again himself" 0
run $TODAY -- $F --user bart propose --title "Formatief toetsen" --type werkgroep
check "a second theme with the same start" 0 out "2"
run $TODAY -- $F interest Formatief
check "now the prefix is ambiguous (65)" 65 err "  1  Formatief evalueren" \
	err "  2  Formatief toetsen"

# --- forming a group
run $TODAY -- $F --user anna form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-07-2027 --lead anna --all-registered
check "only a coordinator forms a group (65)" 65
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 31-02-2027 --end 01-07-2027 --lead anna --all-registered
check "a date that does not exist is refused (65)" 65 err "31-02-2027"
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-11-2026 --lead anna --all-registered
check "an end before the start is refused (65)" 65
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-02-2027 --lead anna --all-registered
check "shorter than the type's minimum is refused (65)" 65 err "6"
run $TODAY -- $F --user carla form - --type project --name "Projectgroep X" \
	--start 23-11-2026 --end 01-07-2027 --lead anna
check "a project group needs --proposal (65)" 65
run $TODAY -- $F --user carla form - --type onderzoek --name "Onderzoek X" \
	--start 23-11-2026 --end 01-07-2027 --lead anna --proposal P-1
check "a research group runs at least a year (65)" 65 err "12"
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-07-2027 --lead nobody
check "an unknown lead is refused (65)" 65 err "nobody"
run $TODAY -- $F --user carla form - --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-07-2027 --lead anna --all-registered
check "--all-registered needs a theme (64)" 64
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-07-2027
check "form without --lead is a usage error (64)" 64 err "--lead"
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg --name "PLG Formatief" \
	--start 23-11-2026 --end 01-07-2027 --lead anna --hours many
check "--hours must be a number (64)" 64
run $TODAY -- $F groups --format csv
check "no group was formed by the refusals" 0
[ "$(grep -c '' "$CLI_TMP/out")" = 1 ] && ok "the group list is still empty" ||
	not_ok "groups after refusals: $(cat "$CLI_TMP/out")"
run $TODAY -- $F --user carla form "Formatief evalueren" --type plg \
	--name "PLG Formatief evalueren" --start 23-11-2026 --end 2027-07-01 --lead anna \
	--lead anna --all-registered --rhythm "eens per maand een woensdagmiddag" \
	--question "Hoe geven we feedback die werkt?"
check "the coordinator forms a PLG from the theme" 0 out "1"
run $TODAY -- $F --user carla form - --type plg --name "PLG Klein" --start 23-11-2026 \
	--end 2027-07-01 --lead bart
check "fewer people than the threshold is only a warning" 0 err "4"
run $TODAY -- $F groups --theme "Formatief evalueren" --format csv
same "groups --theme --format csv" "$EXPECTED/fresh-groups.csv"
run $TODAY -- $F themes --format csv --status formed
check "the theme is formed now" 0 out "1,Formatief evalueren,formed,plg,4,4,no,1,Anna de Wit"
run $TODAY -- $F groups
check "groups as text" 0 out "PLG Formatief evalueren" out "0/40"
run $TODAY -- $F --user anna groups --mine --format csv
check "groups --mine on the fresh database" 0 out "PLG Formatief evalueren"
[ "$(grep -c '' "$CLI_TMP/out")" = 2 ] && ok "anna is in one group" ||
	not_ok "anna's groups: $(cat "$CLI_TMP/out")"
run $TODAY -- $F --read-only --user carla register "Formatief toetsen"
check "a read-only database refuses writes (74)" 74

echo "$CLI_COUNT tests, $CLI_FAILED failed"
[ "$CLI_FAILED" -eq 0 ]
