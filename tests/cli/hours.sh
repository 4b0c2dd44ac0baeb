#!/bin/sh
# hours.sh — "leernet hours" on the demo network (today 23-11-2026, school
# year 2026-2027): Milan's own statement, its total checked against a sum
# made here with the sqlite3 program from the attendance rows (present: the
# meeting's length or the minutes entered; late: the minutes entered or the
# length; excused and absent: nothing; only held meetings); the CSV header;
# who may see someone else's hours (Zoë the coordinator may, Hatice, an
# expert of Milan's PLG and no lead, may not; Bram sees only the group he
# leads); --group; --year refusing what is not one school year.
#
# The interface runs in English (a copy of the default config with
# language: en), so the test does not depend on the Dutch catalogue.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
SQLITE3=${SQLITE3_BIN:-sqlite3}
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23

command -v "$SQLITE3" >/dev/null 2>&1 || { echo "sqlite3 missing: skipped"; exit 77; }
cfg="$CLI_TMP/leernet.yaml"
sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
db="$CLI_TMP/demo.db"
run $TODAY -- --config "$cfg" demo "$db"
check "demo FILE for the hours tests" 0
D="--config $cfg --database $db"

# sql WHERE — credited minutes of milan's held meetings in 2026-2027 matching WHERE,
# as "minutes meetings", computed without leernet
sql() {
	"$SQLITE3" "$db" "
	SELECT coalesce(sum(CASE WHEN status IN ('present', 'late')
	    THEN min(coalesce(minutes, dur), dur) ELSE 0 END), 0), count(*)
	FROM (SELECT a.status, a.minutes, g.name AS grp,
	    (strftime('%s', m.ends_at) - strftime('%s', m.starts_at)) / 60 AS dur
	  FROM attendance a JOIN meeting m ON m.id = a.meeting_id
	  JOIN person p ON p.id = a.person_id LEFT JOIN grp g ON g.id = m.group_id
	  WHERE p.login = 'milan' AND m.status = 'held'
	  AND substr(m.starts_at, 1, 10) BETWEEN '2026-08-01' AND '2027-07-31' AND $1)" |
		tr '|' ' '
}
# hours MINUTES — as the statement shows them: one decimal, rounded half up
hours() { t=$((($1 * 10 + 30) / 60)); echo "$((t / 10)).$((t % 10))"; }
# rows — data lines of a CSV statement in the output
rows() { tail -n +2 "$CLI_TMP/out" | grep -c .; }

set -- $(sql 1)
ALL_MIN=$1 ALL_N=$2
[ "$ALL_N" -gt 0 ] && ok "milan has $ALL_N held meetings with attendance ($ALL_MIN minutes)" ||
	not_ok "no held meetings for milan in the demo"
set -- $(sql "g.name = 'PLG Rust in de klas'")
RUST_MIN=$1 RUST_N=$2

# --- one's own statement
run $TODAY -- $D --user milan hours
check "milan's own statement" 0 out "Hours statement — " out "Person: Milan Đorđević" \
	out "School year: 2026-2027" out "PLG Rust in de klas" out "present" \
	out "Total: $(hours "$ALL_MIN") hours"
n=$(grep -cE '^[^ ].*  [0-9]{2}-[0-9]{2}-2026  [0-9]{2}:[0-9]{2}–' "$CLI_TMP/out")
[ "$n" = "$ALL_N" ] && ok "one line per held meeting ($n)" ||
	not_ok "$n meeting lines, wanted $ALL_N"
grep -qE '^PLG Rust in de klas +'"$(hours "$RUST_MIN")"' +40$' "$CLI_TMP/out" &&
	ok "the PLG's total against its norm of 40" || not_ok "no PLG total line"
run $TODAY -- $D --user milan hours --year 2026-2027
check "--year 2026-2027 is this year" 0 out "Total: $(hours "$ALL_MIN") hours"
run $TODAY -- $D --user milan hours --year 2026
check "--year 2026 is the same year" 0 out "Total: $(hours "$ALL_MIN") hours"
run $TODAY -- $D --user milan hours --year 2025-2026
check "an earlier year holds nothing" 0 out "Total: 0.0 hours"
grep -q "PLG Rust" "$CLI_TMP/out" && not_ok "2025-2026 lists meetings" || ok "2025-2026 lists none"

# --- CSV: raw values
run $TODAY -- $D --user milan hours --format csv
check "--format csv" 0 \
	out "network,person,group,group_type,date,start,end,duration_minutes,role,status,credited_minutes"
[ "$(head -n 1 "$CLI_TMP/out" | tr -d '\r')" = \
	"network,person,group,group_type,date,start,end,duration_minutes,role,status,credited_minutes" ] &&
	ok "the CSV header is exact" || not_ok "the CSV header: $(head -n 1 "$CLI_TMP/out")"
[ "$(rows)" = "$ALL_N" ] && ok "one CSV row per held meeting" || not_ok "$(rows) CSV rows"
sum=$(tail -n +2 "$CLI_TMP/out" | awk -F, '{ s += $NF } END { print s + 0 }')
[ "$sum" = "$ALL_MIN" ] && ok "the CSV's credited minutes add up ($sum)" ||
	not_ok "CSV minutes $sum, wanted $ALL_MIN"
grep -qE '^[^,]+,Milan Đorđević,PLG Rust in de klas,plg,2026-[0-9]{2}-[0-9]{2},13:30,[0-9:]+,[0-9]+,member,' \
	"$CLI_TMP/out" && ok "a CSV row has ISO dates, minutes and the role key" ||
	not_ok "no raw PLG row in the CSV"

# --- --group
run $TODAY -- $D --user milan hours --group "PLG Rust in de klas" --format csv
check "--group filters" 0
[ "$(rows)" = "$RUST_N" ] && ok "--group: only the PLG's $RUST_N meetings" ||
	not_ok "--group gave $(rows) rows, wanted $RUST_N"
tail -n +2 "$CLI_TMP/out" | grep -v ',PLG Rust in de klas,' | grep -q . &&
	not_ok "--group lets other groups through" || ok "--group lets no other group through"
run $TODAY -- $D --user milan hours --group "Geen groep die bestaat"
check "--group of an unknown group (65)" 65

# --- who may see someone else's hours
run $TODAY -- $D --user hatice hours --person milan
check "a member who leads none of milan's groups is refused (65)" 65 err "hours"
[ -s "$CLI_TMP/out" ] && not_ok "a refusal printed a statement" || ok "a refusal prints nothing"
run $TODAY -- $D --user zoe hours --person milan
check "the coordinator sees milan's statement" 0 out "Person: Milan Đorđević" \
	out "Total: $(hours "$ALL_MIN") hours"
run $TODAY -- $D --user bram hours --person milan --format csv
check "a lead sees milan's hours" 0
tail -n +2 "$CLI_TMP/out" | grep -v ',Projectgroep Techniekkisten,' | grep -q . &&
	not_ok "a lead sees rows of groups he does not lead" ||
	ok "a lead sees only the rows of the group he leads"
run $TODAY -- $D --user bram hours --person milan --group "PLG Rust in de klas"
check "a lead asking for another group (65)" 65
run $TODAY -- $D --user milan hours --person nobody-at-all
check "an unknown person (65)" 65 err "nobody-at-all"
run $TODAY -- $D --user a-stranger hours
check "a visitor has no statement (65)" 65

# --- the command line
run $TODAY -- $D --user milan hours --year 2026-2028
check "--year 2026-2028 is not one school year (64)" 64 err "school year" err "2026-2028"
run $TODAY -- $D --user milan hours --year volgend
check "--year of words (64)" 64 err "volgend"
run $TODAY -- $D --user milan hours --format pdf
check "--format pdf (64)" 64
run $TODAY -- $D --user milan hours extra
check "an unexpected argument (64)" 64 err "extra"
run -- --help
check "--help names the hours command" 0 out "hours [--person LOGIN]"

# --- a late arrival the lead adjusted, and a meeting called off afterwards
milan="(SELECT id FROM person WHERE login = 'milan')"
held="(SELECT a.meeting_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id
	WHERE a.person_id = $milan AND a.status = 'present' AND m.status = 'held'
	AND m.starts_at >= '2026-08-01' ORDER BY m.starts_at"
"$SQLITE3" "$db" "UPDATE attendance SET status = 'late', minutes = 100
	WHERE person_id = $milan AND meeting_id = $held LIMIT 1);
	UPDATE meeting SET status = 'cancelled' WHERE id = $held LIMIT 1 OFFSET 1);" ||
	not_ok "changing the demo's attendance"
set -- $(sql 1)
[ "$1" -lt "$ALL_MIN" ] && [ "$2" = $((ALL_N - 1)) ] &&
	ok "late with 100 minutes and a cancelled meeting: $1 minutes, $2 meetings" ||
	not_ok "the changed attendance: $1 minutes, $2 meetings"
run $TODAY -- $D --user milan hours
check "late counts the adjusted minutes, a cancelled meeting nothing" 0 out "late" \
	out "Total: $(hours "$1") hours"
run $TODAY -- $D --user milan hours --format csv
check "the late row in the CSV" 0 out ",member,late,100"
[ "$(rows)" = "$2" ] && ok "a cancelled meeting is left out" || not_ok "$(rows) CSV rows, wanted $2"

[ "$CLI_FAILED" = 0 ]
