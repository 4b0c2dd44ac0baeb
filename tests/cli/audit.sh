#!/bin/sh
# audit.sh — "leernet audit" and "leernet backup" on real files.
#
# audit: coordinators only; a non-coordinator (or a visitor) gets exit 77
# (EX_NOPERM), not 65: being refused the whole command is not bad input.
# backup: a copy while another process keeps writing, made private (0600),
# consistent (its audit log matches its rows), passing "check"; an existing
# target is never overwritten (73).
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
. "$top_srcdir/tests/cli/lib.sh"
TODAY=LEERNET_TODAY=2026-11-23

# lines FILE — the number of lines of FILE in CLI_TMP.
lines() { grep -c '' "$CLI_TMP/$1"; }

run $TODAY -- demo "$CLI_TMP/demo.db"
check "demo FILE for the audit tests" 0
D="--database $CLI_TMP/demo.db"

# --- audit: who may, formats, filters
run -- $D --user zoe audit --format csv
check "a coordinator reads the log as CSV" 0 out "at,login,name,action,entity,entity_id,summary"
cp "$CLI_TMP/out" "$CLI_TMP/all.csv"
cr=$(printf '\r')
[ "$(grep -c "$cr\$" "$CLI_TMP/all.csv")" = "$(lines all.csv)" ] &&
	ok "every CSV line ends in CRLF" || not_ok "CSV line ends"
rows=$(($(lines all.csv) - 1))
[ "$rows" -gt 200 ] && ok "the demo's log is longer than one page ($rows rows)" ||
	not_ok "only $rows rows in the demo's log"
grep -q ',demo,demo,insert,theme,[0-9]*,Mobiel leren' "$CLI_TMP/all.csv" &&
	ok "a row says who, what and the theme's title" || not_ok "no theme row with its title"
run -- $D --user zoe audit
check "a coordinator reads the log as text" 0 out "Samenvatting" out "Mobiel leren"
[ "$(lines out)" = $((rows + 1)) ] && ok "text: one header and every row, over several pages" ||
	not_ok "text has $(lines out) lines for $rows rows"
[ "$(grep -c 'Samenvatting' "$CLI_TMP/out")" = 1 ] && ok "the header is printed once" ||
	not_ok "the header is repeated"
[ "$(awk '{ print index($0, "demo") }' "$CLI_TMP/out" | sort -u | grep -vc '^0$')" = 1 ] &&
	ok "the columns line up across pages" || not_ok "columns shift between pages"

run -- $D --user emre audit
check "a member may not read the log: 77" 77
[ ! -s "$CLI_TMP/out" ] && ok "and gets nothing on stdout" || not_ok "output for a member"
run -- $D --user nobody-here audit --format csv
check "a visitor may not either: 77" 77

run -- $D --user zoe propose --title "Logboek proef" --type plg
check "a change for the log" 0
run -- $D --user zoe audit --format csv
check "the log after a change" 0
sed -n 2p "$CLI_TMP/out" | grep -q ",zoe,Zoë van Ĳsselstein,insert,theme,[0-9]*,Logboek proef" &&
	ok "the newest row comes first, with login, name and title" ||
	not_ok "newest row: $(sed -n 2p "$CLI_TMP/out")"

run -- $D --user zoe audit --user zoe --format csv
check "--user filters by the person's login" 0 out "Logboek proef"
[ "$(lines out)" = 2 ] && ok "only zoe's one change" || not_ok "zoe's rows: $(lines out)"
run -- $D --user zoe audit --user demo --format csv
check "--user for a login nobody has lists what was done under it" 0
[ "$(($(lines out) - 1))" = "$rows" ] && ok "every demo row, nothing else" ||
	not_ok "demo rows: $(lines out)"
run -- $D --user zoe audit --since 2999-01-01
check "--since after everything" 0 out "Geen wijzigingen gevonden."
run -- $D --user zoe audit --since "$(date +%d-%m-%Y)" --format csv
check "--since today (dd-mm-jjjj)" 0 out "Logboek proef"
run -- $D --user zoe audit --since 31-02-2026
check "--since a date that does not exist: 65" 65 err "31-02-2026"
run -- $D --user zoe audit --format xml
check "an unknown format: 64" 64
run -- $D --user zoe audit extra
check "an argument too many: 64" 64

# --- backup
run -- $D backup
check "backup without FILE: 64" 64
run -- $D backup "$CLI_TMP/copy.db"
check "backup writes and checks a copy" 0 out "copy.db" out "integriteit in orde"
[ "$(mode_of "$CLI_TMP/copy.db")" = 600 ] && ok "the copy is 0600" ||
	not_ok "copy mode $(mode_of "$CLI_TMP/copy.db")"
run -- --database "$CLI_TMP/copy.db" check
check "the copy passes check" 0 out "integriteit: in orde"
cksum < "$CLI_TMP/copy.db" > "$CLI_TMP/copy.sum"
run -- $D backup "$CLI_TMP/copy.db"
check "an existing FILE: 73" 73 err "copy.db"
cksum < "$CLI_TMP/copy.db" | cmp -s - "$CLI_TMP/copy.sum" && ok "and it is left as it was" ||
	not_ok "the existing file changed"
run -- $D backup "$CLI_TMP/no/such/dir/copy.db"
check "a directory that does not exist: 73" 73
run -- $D --read-only backup "$CLI_TMP/ro.db"
check "backup from a read-only session" 0

# While another process keeps proposing themes, take copies: each is whole.
rm -f "$CLI_TMP/stop" "$CLI_TMP/writer.err"
(
	n=0
	while [ ! -e "$CLI_TMP/stop" ] && [ "$n" -lt 400 ]; do
		n=$((n + 1))
		env LANG=C.UTF-8 XDG_CONFIG_HOME="$CLI_TMP/noconfig" "$LEERNET" $D --user zoe \
			propose --title "Achtergrond $n" --type plg \
			> /dev/null 2>> "$CLI_TMP/writer.err" ||
			echo "propose $n failed" >> "$CLI_TMP/writer.err"
	done
	echo "$n" > "$CLI_TMP/writer.n"
) &
writer=$!
sleep 0.3
for i in 1 2 3; do
	run -- $D backup "$CLI_TMP/busy$i.db"
	check "backup $i while another process writes" 0
	run -- --database "$CLI_TMP/busy$i.db" check
	check "copy $i passes check" 0
	run -- --database "$CLI_TMP/busy$i.db" themes --search Achtergrond --format csv
	made=$(($(lines out) - 1))
	run -- --database "$CLI_TMP/busy$i.db" --user zoe audit --user zoe --format csv
	logged=$(grep -c ',Achtergrond [0-9]*' "$CLI_TMP/out")
	[ "$made" = "$logged" ] && ok "copy $i is consistent: $made themes, $logged in its log" ||
		not_ok "copy $i: $made themes but $logged logged"
	sleep 0.2
done
touch "$CLI_TMP/stop"
wait "$writer"
[ ! -s "$CLI_TMP/writer.err" ] &&
	ok "the writer never failed ($(cat "$CLI_TMP/writer.n") changes)" ||
	not_ok "writer: $(head -3 "$CLI_TMP/writer.err")"
run -- $D themes --search Achtergrond --format csv
[ "$made" -gt 0 ] && [ "$made" -le "$(($(lines out) - 1))" ] &&
	ok "the last copy holds writes made during the test, not more than the database" ||
	not_ok "last copy $made themes, database $(($(lines out) - 1))"

echo "$CLI_COUNT tests, $CLI_FAILED failed"
[ "$CLI_FAILED" -eq 0 ]
