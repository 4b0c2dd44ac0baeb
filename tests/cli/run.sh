#!/bin/sh
# run.sh — the command line on real files: options, exit codes, messages,
# file modes, the demo, check, and refusals that leave files untouched.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
CONFIGS="$top_srcdir/tests/config"
. "$top_srcdir/tests/cli/lib.sh"

# --- help, version, usage errors
run -- --version
check "--version prints the version" 0 out "leernet 0."
run -- --help
check "--help prints usage and the commands" 0 out "Usage: leernet" out "check" out "demo FILE"
run -- --bogus
check "an unknown option is a usage error" 64 err "Try 'leernet --help'"
run -- frobnicate
check "an unknown command is a usage error" 64 err "unknown command 'frobnicate'"
run -- --demo --database x.db groups
check "--demo and --database conflict" 64 err "cannot be used together"

# --- the default database: created private under XDG_DATA_HOME
run -- check
check "check on a fresh default database" 0 out "integriteit: in orde" out "schemaversie 10"
db="$CLI_TMP/data/leernet/leernet.db"
[ "$(mode_of "$db")" = 600 ] && ok "the database file is 0600" || not_ok "database mode $(mode_of "$db")"
[ "$(mode_of "$CLI_TMP/data/leernet")" = 700 ] && ok "its directory is 0700" ||
	not_ok "directory mode $(mode_of "$CLI_TMP/data/leernet")"

# --- the demo network in a file
run -- demo "$CLI_TMP/demo.db"
check "demo FILE writes the demo network" 0 out "leernet --database"
run -- demo "$CLI_TMP/demo.db"
check "demo FILE refuses to overwrite" 73 err "bestaat al"
run -- --database "$CLI_TMP/demo.db" check
check "check passes on the demo" 0 out "integriteit: in orde"
run -- --database "$CLI_TMP/demo.db" groups
check "groups lists the demo groups" 0 out "PLG"
n=$(wc -l < "$CLI_TMP/out")
[ "$n" -ge 8 ] && ok "the demo has at least 8 groups ($n)" || not_ok "demo groups: $n"
run -- --database "$CLI_TMP/demo.db" --user emre groups --mine
check "groups --mine shows emre's groups" 0
mine=$(wc -l < "$CLI_TMP/out")
[ "$mine" -ge 2 ] && [ "$mine" -lt "$n" ] && ok "emre is in some but not all groups ($mine)" ||
	not_ok "groups --mine gave $mine of $n"
run -- --demo groups
check "--demo works with a command" 0 out "PLG"

# --- Dutch by default (the shipped config says language: nl); English on request
run LANG=C -- --database "$CLI_TMP/demo.db" check
check "messages are Dutch with language: nl, even in the C locale" 0 out "integriteit: in orde"
printf 'network:\n  name: Test\nlanguage: en\ngroup_types:\n  - key: plg\n    label: PLG\n' \
	> "$CLI_TMP/en.yaml"
run -- --config "$CLI_TMP/en.yaml" --database "$CLI_TMP/demo.db" check
check "language: en gives the English messages" 0 out "integrity: ok" out "schema version 10"
run LANG=nl_NL.UTF-8 -- --config "$CLI_TMP/missing.yaml" check
check "before a config is read, messages follow the locale (nl, not installed here)" 78 \
	err "missing.yaml"

# --- configuration errors: file:line:col, exit 78, no data touched
run -- --config "$CONFIGS/unknown-key.yaml" --database "$CLI_TMP/never.db" check
check "a bad config exits 78 with file:line:col" 78 err "unknown-key.yaml:"
[ ! -e "$CLI_TMP/never.db" ] && ok "a bad config creates no database" || not_ok "database created"
printf 'network:\n  name: Test\ngroup_types:\n  - key: plg\n    label: PLG\nkeys:\n  jump: [x]\n' \
	> "$CLI_TMP/badkey.yaml"
run -- --config "$CLI_TMP/badkey.yaml" --database "$CLI_TMP/never2.db" check
check "check reports an unknown action under keys at its line" 78 \
	err "badkey.yaml:7:3: onbekende actie \"jump\""
[ ! -e "$CLI_TMP/never2.db" ] && ok "and opens no database" || not_ok "database created"
run -- --config "$CLI_TMP/missing.yaml" check
check "a missing config file is an error" 78 err "missing.yaml"

# --- damaged, foreign and newer files are refused and left as they are
printf 'not a database\n' > "$CLI_TMP/junk.db"
sum=$(cksum < "$CLI_TMP/junk.db")
run -- --database "$CLI_TMP/junk.db" check
check "a damaged file exits 74" 74 err "beschadigd of geen leernet-database"
[ "$(cksum < "$CLI_TMP/junk.db")" = "$sum" ] && ok "the damaged file is untouched" ||
	not_ok "damaged file changed"
if command -v "${SQLITE3_BIN:-sqlite3}" >/dev/null 2>&1; then
	cp "$CLI_TMP/demo.db" "$CLI_TMP/newer.db"
	"${SQLITE3_BIN:-sqlite3}" "$CLI_TMP/newer.db" "PRAGMA user_version = 42;"
	sum=$(cksum < "$CLI_TMP/newer.db")
	run -- --database "$CLI_TMP/newer.db" check
	check "a newer schema is refused" 74 err "nieuwere leernet (schema 42"
	[ "$(cksum < "$CLI_TMP/newer.db")" = "$sum" ] && ok "the newer file is byte-for-byte untouched" ||
		not_ok "newer file changed"
fi
run -- --database "$CLI_TMP/nowhere/x.db" --read-only check
check "a missing database with --read-only is not created" 66 err "bestaat niet"

# --- read-only
run -- --database "$CLI_TMP/demo.db" --read-only check
check "--read-only opens and says so" 0 out "(alleen-lezen)"

# --- no terminal, dumb terminal
run -- --demo
check "the TUI without a terminal explains itself" 69 err "needs a terminal"

echo "$CLI_COUNT tests, $CLI_FAILED failed"
[ "$CLI_FAILED" -eq 0 ]
