# lib.sh — helpers for command-line tests on real files.

CLI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/leernet-cli-XXXXXX")
CLI_FAILED=0
CLI_COUNT=0
trap 'rm -rf "$CLI_TMP"' EXIT

# run [ENV=VAL...] -- ARGS... — run leernet, keep stdout, stderr and status.
run() {
	envs=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	env -u LANGUAGE LANG=C.UTF-8 XDG_CONFIG_HOME="$CLI_TMP/noconfig" \
		XDG_DATA_HOME="$CLI_TMP/data" $envs "$LEERNET" "$@" \
		> "$CLI_TMP/out" 2> "$CLI_TMP/err" < /dev/null
	STATUS=$?
}

ok() { CLI_COUNT=$((CLI_COUNT + 1)); printf 'ok %d - %s\n' "$CLI_COUNT" "$1"; }
not_ok() {
	CLI_COUNT=$((CLI_COUNT + 1))
	CLI_FAILED=$((CLI_FAILED + 1))
	printf 'not ok %d - %s\n' "$CLI_COUNT" "$1"
	echo "    status: $STATUS"
	sed 's/^/    out: /' "$CLI_TMP/out" | head -20
	sed 's/^/    err: /' "$CLI_TMP/err" | head -20
}

# check DESCRIPTION STATUS [out|err TEXT]...
check() {
	desc=$1
	want=$2
	shift 2
	if [ "$STATUS" != "$want" ]; then
		not_ok "$desc (status $STATUS, wanted $want)"
		return
	fi
	while [ $# -ge 2 ]; do
		if ! grep -qF -- "$2" "$CLI_TMP/$1"; then
			not_ok "$desc ($1 lacks: $2)"
			return
		fi
		shift 2
	done
	ok "$desc"
}

mode_of() { stat -c %a "$1"; }
