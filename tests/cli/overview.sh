#!/bin/sh
# overview.sh — "leernet overview" on the demo network (today 23-11-2026):
# the csv's signals per active group exactly (the columns that the demo's
# updates do not move: those belong to another part of the demo), the text
# table with its weak marks and the scan's term, --sort weak and --sort scan
# put the weakest first, a member is refused with the reason (77), bad
# options are usage errors (64). The interface runs in English.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23
umask 022

cfg="$CLI_TMP/leernet.yaml"
sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
db="$CLI_TMP/demo.db"
run $TODAY -- --config "$cfg" demo "$db"
check "demo FILE for the overview tests" 0
D="--config $cfg --database $db"

# csv: group .. overdue, left, scan average and term (not months since update, weak)
run $TODAY -- $D --user zoe overview --format csv
check "overview --format csv" 0 out "group,type,held,expected,meetings_pct"
tr -d '\r' <"$CLI_TMP/out" | cut -d, -f1-8,10-12 >"$CLI_TMP/got.csv"
cat >"$CLI_TMP/want.csv" <<'CSV'
group,type,held,expected,meetings_pct,attendance_pct,hours_pct,overdue,left,scan_average,scan_term
Onderzoeksgroep Academische werkplaats,onderzoek,3,1.7,176,100,81,0,1,,
Onderzoeksgroep Eigenaarschap in de onderbouw,onderzoek,3,1.6,188,87,41,0,0,,
PLG Rust in de klas,plg,6,2.3,261,96,136,8,1,2.7,2025-2026 II
PLG Startende leraren,plg,4,2.8,143,86,49,5,0,2.7,2026-2027 I
Projectgroep De wereld in de klas,project,2,1.4,143,92,51,0,0,,
Projectgroep Techniekkisten,project,2,1.3,154,94,99,0,0,,
Tussenschools leernetwerk Rekenen,leernetwerk,2,1.4,143,95,92,0,0,,
Werkgroep Anders organiseren,werkgroep,3,1.6,188,87,90,0,1,,
CSV
if diff -u "$CLI_TMP/want.csv" "$CLI_TMP/got.csv" >"$CLI_TMP/diff"; then
	ok "overview csv: the signals of every active group"
else
	cat "$CLI_TMP/diff" >"$CLI_TMP/out"
	not_ok "overview csv differs"
fi
if grep -q "Zij-instromers\|Begrijpend lezen" "$CLI_TMP/got.csv"; then
	not_ok "overview csv lists a closed or forming group"
else
	ok "overview csv: only active groups"
fi
if tr -d '\r' <"$CLI_TMP/out" | grep -q '^PLG Startende leraren,.*,hours overdue .*scan$'; then
	ok "overview csv names the weak signals"
else
	not_ok "overview csv lacks the weak signals of PLG Startende leraren"
fi

run $TODAY -- $D --user zoe overview
check "overview as text" 0 out "Meetings" out "Attendance" out "Scan" \
	out "8 active groups; \"!\" marks a weak signal"
if grep -q '^PLG Rust in de klas .* 8! .* 2\.7! *2025-2026 II ' "$CLI_TMP/out"; then
	ok "overview text marks weak signals with ! and shows the scan's term"
else
	not_ok "overview text: PLG Rust in de klas row"
fi
if grep -q '^PLG Startende leraren .* 49%! ' "$CLI_TMP/out"; then
	ok "overview text: hours below the norm are weak"
else
	not_ok "overview text: PLG Startende leraren hours"
fi

run $TODAY -- $D --user zoe overview --sort weak --format csv
check "overview --sort weak" 0
if [ "$(sed -n 2p "$CLI_TMP/out" | cut -d, -f1)" = "PLG Startende leraren" ]; then
	ok "--sort weak: the group with most weak signals first"
else
	not_ok "--sort weak: first row"
fi
run $TODAY -- $D --user zoe overview --sort scan --format csv
first=$(sed -n 2p "$CLI_TMP/out" | cut -d, -f11)
last=$(tr -d '\r' <"$CLI_TMP/out" | tail -n 1 | cut -d, -f11)
if [ "$first" = "2.7" ] && [ -z "$last" ]; then
	ok "--sort scan: lowest average first, groups without a scan last"
else
	not_ok "--sort scan: first '$first', last '$last'"
fi

run $TODAY -- $D --user milan overview
check "a member may not see the overview (77, like the audit log)" 77 err "Only a coordinator can see the overview"
if [ -s "$CLI_TMP/out" ]; then not_ok "refused overview printed something"; else ok "nothing printed when refused"; fi
run $TODAY -- $D --user zoe overview --sort colour
check "--sort with an unknown signal" 64 err "--sort"
run $TODAY -- $D --user zoe overview --format xml
check "--format xml" 64
run $TODAY -- $D --user zoe overview extra
check "an extra argument" 64 err "unexpected argument"

[ "$CLI_FAILED" -eq 0 ]
