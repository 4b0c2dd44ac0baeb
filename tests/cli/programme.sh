#!/bin/sh
# programme.sh — "leernet programme DATE" on the demo network (today
# 23-11-2026): the knowledge-sharing day's programme as aligned text and as
# Markdown, exactly; the day typed the Dutch way and as ISO; any known
# person may print it, a visitor may not; a day without a network-wide
# meeting, a day that does not exist and bad options; a meeting without
# slots says so; a slot's product taken back to draft leaves the printed
# programme.
#
# The demo's dates move with the school year: the day is read from the
# database. The interface runs in English (a copy of the default config
# with language: en).
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
SQLITE3=${SQLITE3_BIN:-sqlite3}
. "$top_srcdir/tests/cli/lib.sh"
command -v "$SQLITE3" >/dev/null 2>&1 || { echo "sqlite3 missing: skip"; exit 77; }
TODAY=LEERNET_TODAY=2026-11-23

cfg="$CLI_TMP/leernet.yaml"
sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
db="$CLI_TMP/demo.db"
run $TODAY -- --config "$cfg" demo "$db"
check "demo FILE for the programme tests" 0
D="--config $cfg --database $db"
sql() { "$SQLITE3" -cmd ".timeout 5000" "$db" "$1"; }

day=$(sql "SELECT substr(starts_at, 1, 10) FROM meeting WHERE group_id IS NULL
    AND title LIKE 'Kennisdeeldag%'")
[ "$day" = 2027-04-12 ] && ok "the knowledge-sharing day is on 12-04-2027" ||
	not_ok "the knowledge-sharing day: [$day]"
nlday=$(echo "$day" | awk -F- '{ print $3 "-" $2 "-" $1 }')
start=$(sql "SELECT substr(starts_at, 1, 10) FROM meeting WHERE group_id IS NULL
    AND title LIKE 'Startbijeenkomst%'")

# same DESCRIPTION — the output is $CLI_TMP/want exactly
same() {
	if [ "$STATUS" != 0 ]; then
		not_ok "$1 (status $STATUS)"
		return
	fi
	if cmp -s "$CLI_TMP/want" "$CLI_TMP/out"; then
		ok "$1"
	else
		not_ok "$1 (differs)"
		diff "$CLI_TMP/want" "$CLI_TMP/out" | sed 's/^/    /' | head -20
	fi
}

# --- exactly, as text
cat > "$CLI_TMP/want" <<EOF
Kennisdeeldag: groepen delen hun opbrengsten
$nlday, 13:00–17:00, Hogeschool Midden, aula

Time         Room         Group                                   Product                                                   Kind             Leads
13:30–14:00  Lokaal 1.01  Tussenschools leernetwerk Rekenen       Lessenserie automatiseren van de tafels                   lesson series    Emre Çelik
13:30–14:00  Lokaal 1.02  PLG Startende leraren                   Handreiking begeleiding startende leraren                 guide            Mariska Groen
14:15–14:45  Aula         Werkgroep Zij-instromers                Handreiking formatief evalueren met zij-instromers        guide
14:15–14:45  Lokaal 1.01  Onderzoeksgroep Academische werkplaats  Onderzoeksrapport: leraren als onderzoekers in de school  research report  Ingrid Bakker, Saskia Veenstra
EOF
run $TODAY -- $D --user milan programme "$nlday"
same "the programme as text, the day typed the Dutch way"
run $TODAY -- $D --user sanne programme "$day" --format text
same "the same for a follower, the day as ISO"

# --- exactly, as Markdown
cat > "$CLI_TMP/want" <<EOF
# Kennisdeeldag: groepen delen hun opbrengsten

$nlday, 13:00–17:00, Hogeschool Midden, aula

| Time | Room | Group | Product | Kind | Leads |
|---|---|---|---|---|---|
| 13:30–14:00 | Lokaal 1.01 | Tussenschools leernetwerk Rekenen | Lessenserie automatiseren van de tafels | lesson series | Emre Çelik |
| 13:30–14:00 | Lokaal 1.02 | PLG Startende leraren | Handreiking begeleiding startende leraren | guide | Mariska Groen |
| 14:15–14:45 | Aula | Werkgroep Zij-instromers | Handreiking formatief evalueren met zij-instromers | guide |  |
| 14:15–14:45 | Lokaal 1.01 | Onderzoeksgroep Academische werkplaats | Onderzoeksrapport: leraren als onderzoekers in de school | research report | Ingrid Bakker, Saskia Veenstra |
EOF
run $TODAY -- $D --user zoe programme --format md "$day"
same "the programme as Markdown"

# a | in a cell is escaped, so the Markdown table keeps its columns
sql "UPDATE programme_slot SET room = 'Aula | podium' WHERE room = 'Aula'"
run $TODAY -- $D --user zoe programme --format md "$day"
check "a | in a cell is escaped" 0 out "| 14:15–14:45 | Aula \\| podium | Werkgroep Zij-instromers |"

# --- a product taken back to draft leaves the printed programme, the slot stays
sql "UPDATE product SET status = 'draft', published_on = NULL
    WHERE title = 'Lessenserie automatiseren van de tafels'"
run $TODAY -- $D --user milan programme "$day"
check "a draft product is not printed" 0 out "Tussenschools leernetwerk Rekenen"
grep -q "Lessenserie automatiseren" "$CLI_TMP/out" && not_ok "the draft's title is printed" ||
	ok "the draft's title is left out"

# --- a network-wide meeting without slots
run $TODAY -- $D --user milan programme "$start"
check "a meeting without presentations" 0 out "Startbijeenkomst van het netwerk" \
	out "No presentations planned yet."

# --- refusals
run $TODAY -- $D --user milan programme 13-04-2027
check "no network-wide meeting that day: 65" 65 err "there is no network-wide meeting on 13-04-2027"
run $TODAY -- $D --user milan programme 31-02-2027
check "a day that does not exist: 64" 64 err "is not a date"
run $TODAY -- $D --user milan programme
check "no DATE: 64" 64 err "usage: leernet programme DATE"
run $TODAY -- $D --user milan programme "$day" --format csv
check "an unknown format: 64" 64 err "unknown format 'csv' (text or md)"
run $TODAY -- $D --user milan programme "$day" "$day"
check "two days: 64" 64 err "unexpected argument"
run $TODAY -- $D --user nobody-known programme "$day"
check "a visitor may not read it: 65" 65 err "Only people known in the network"
[ -s "$CLI_TMP/out" ] && not_ok "a visitor gets nothing printed" || ok "a visitor gets nothing printed"
run $TODAY -- $D --read-only --user milan programme "$day"
check "a read-only database is fine for reading" 0 out "Kennisdeeldag"


[ "$CLI_FAILED" = 0 ]
