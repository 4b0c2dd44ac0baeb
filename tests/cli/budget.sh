#!/bin/sh
# budget.sh — "leernet budget" on the demo network (today 23-11-2026): the
# coordinator's list of the school year exactly, with the totals per status
# in euros; --year, --status and --format csv (amounts as 1250.50); a lead
# sees the requests of his groups only, a follower none, a visitor is
# refused (65); a request filed and decided later shows up with the totals
# moved, in cents exactly; a read-only database still lists; bad options
# are usage errors (64).
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
umask 022

cfg="$CLI_TMP/leernet.yaml"
sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
db="$CLI_TMP/demo.db"
run $TODAY -- --config "$cfg" demo "$db"
check "demo FILE for the budget tests" 0
D="--config $cfg --database $db"

# same DESCRIPTION — the output is exactly $CLI_TMP/want
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
lines() { grep -c . "$CLI_TMP/$1"; }

# --- the coordinator's list of this school year, exactly
cat > "$CLI_TMP/want" <<'END'
Budget requests — Leernetwerk Regio Midden
School year: 2026-2027 (01-08-2026 – 31-07-2027)

Date        Group                           Requested by  Purpose                                         Cost  Status    Decided     Remark
09-11-2026  PLG Rust in de klas             Emre Çelik    Twee middagen met een gedragsspecialist…  € 1.800,00  open
15-10-2026  Projectgroep Techniekkisten     Bram de Jong  Materiaal voor tien techniekkisten        € 3.450,75  declined  22-10-2026  Materiaal valt niet onder het budget voor special…
30-09-2026  Tussenschools leernetwerk Rek…  Emre Çelik    Studiemiddag met een rekenspecialist ov…    € 950,00  approved  08-10-2026  Akkoord; deel de presentatie graag met het hele n…

Totals of the school year:
Open: 1 request, € 1.800,00
Approved: 1 request, € 950,00
Declined: 1 request, € 3.450,75
Asked in all: 3 requests, € 6.200,75
END
run $TODAY -- $D --user zoe budget
same "zoe's budget requests of 2026-2027"

# --- another school year; a status
run $TODAY -- $D --user zoe budget --year 2025-2026
check "--year 2025-2026" 0 out "School year: 2025-2026 (01-08-2025 – 31-07-2026)" \
	out "14-12-2025  PLG Startende leraren" out "Approved: 1 request, € 1.200,00" \
	out "Asked in all: 1 request, € 1.200,00"
grep -q "PLG Rust" "$CLI_TMP/out" && not_ok "--year 2025-2026 lists this year's" ||
	ok "--year 2025-2026 leaves this year's out"
run $TODAY -- $D --user zoe budget --year 2027-2028
check "a year without requests" 0 out "No budget requests in this school year." \
	out "Asked in all: 0 requests, € 0,00"
run $TODAY -- $D --user zoe budget --status declined
check "--status declined" 0 out "Status: declined" out "Projectgroep Techniekkisten" \
	out "Declined: 1 request, € 3.450,75" out "Open: 1 request, € 1.800,00"
[ "$(grep -c -- '-2026  ' "$CLI_TMP/out")" = 1 ] && ok "--status declined: one row" ||
	not_ok "--status declined: $(grep -c -- '-2026  ' "$CLI_TMP/out") rows"

# --- CSV: raw values, amounts with a decimal point
run $TODAY -- $D --user zoe budget --format csv
check "--format csv" 0 \
	out "id,group,requested_by,requested_on,purpose,specialist,cost,needed_on,status,decided_by,decided_on,remark" \
	out ',2026-11-09,Twee middagen met een gedragsspecialist over de-escalatie in de klas,"Bureau Rustpunt, Karin Mulders",1800.00,2027-01-08,open,,,' \
	out ",Projectgroep Techniekkisten,Bram de Jong,2026-10-15,Materiaal voor tien techniekkisten,Techniekwinkel Van Dijk,3450.75,2026-11-09,declined,Zoë van Ĳsselstein,2026-10-22,"
[ "$(lines out)" = 4 ] && ok "csv: a header and three rows" || not_ok "csv: $(lines out) lines"
grep -q '€\|Totals' "$CLI_TMP/out" && not_ok "csv has euro signs or totals" ||
	ok "csv has plain amounts and no totals"
run $TODAY -- $D --user zoe budget --format csv --status approved --year 2025-2026
check "csv of last year's approved" 0 out ",1200.00,"
[ "$(lines out)" = 2 ] && ok "csv: one row" || not_ok "csv: $(lines out) lines"

# --- who sees what
run $TODAY -- $D --user emre budget
check "a lead sees his groups' requests" 0 out "Only the requests of your groups are shown." \
	out "PLG Rust in de klas" out "Tussenschools leernetwerk Rek" \
	out "Asked in all: 2 requests, € 2.750,00"
grep -q "Techniekkisten" "$CLI_TMP/out" && not_ok "emre sees another group's request" ||
	ok "not another group's"
run $TODAY -- $D --user sanne budget
check "a follower sees none" 0 out "No budget requests in this school year." \
	out "Asked in all: 0 requests, € 0,00"
run $TODAY -- $D --user nobody budget
check "a visitor is refused" 65 err "Only people known in the network can see budget requests."
[ -s "$CLI_TMP/out" ] && not_ok "the visitor got output" || ok "and gets no output"

# --- a new request, decided: the totals follow, in cents
group="(SELECT id FROM grp WHERE name = 'PLG Rust in de klas')"
"$SQLITE3" "$db" "INSERT INTO budget_request (group_id, requested_by, requested_on, purpose,
    cost_cents, status, decided_on, remark) VALUES ($group, NULL, '2026-11-20', 'Boeken',
    1, 'approved', '2026-11-21', NULL), ($group, NULL, '2026-11-21', 'Zaalhuur', 99999,
    'open', NULL, NULL)" || not_ok "inserting requests"
run $TODAY -- $D --user zoe budget
check "totals add up in cents" 0 out "Open: 2 requests, € 2.799,99" \
	out "Approved: 2 requests, € 950,01" out "Asked in all: 5 requests, € 7.200,75" \
	out "20-11-2026  PLG Rust in de klas             –             Boeken"

# --- a read-only database still lists
run $TODAY -- $D --read-only --user zoe budget --status open
check "--read-only lists" 0 out "Zaalhuur"

# --- usage errors
run $TODAY -- $D --user zoe budget --year 2027-2026
check "--year 2027-2026 is a usage error" 64 err "--year: a school year such as 2026-2027"
run $TODAY -- $D --user zoe budget --status maybe
check "--status maybe is a usage error" 64 err "--status: open, approved or declined"
run $TODAY -- $D --user zoe budget --format xml
check "--format xml is a usage error" 64
run $TODAY -- $D --user zoe budget extra
check "an extra argument is a usage error" 64 err "unexpected argument 'extra'"
run $TODAY -- $D --user zoe budget --colour
check "an unknown option is a usage error" 64

echo "1..$CLI_COUNT"
[ "$CLI_FAILED" = 0 ]
