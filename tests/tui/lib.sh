# lib.sh — drive the real leernet in a real terminal with tmux.
#
# Each test run gets a private tmux server (its own socket), a fixed size,
# and its own temporary directory; tui_cleanup removes them all.

TUI_SOCKET="leernet-test-$$"
TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/leernet-tui-XXXXXX")
TUI_FAILED=0
TUI_COUNT=0

tmux_() { "${TMUX_BIN:-tmux}" -L "$TUI_SOCKET" -f /dev/null "$@"; }

tui_cleanup() {
	tmux_ kill-server 2>/dev/null || true
	rm -rf "$TUI_TMP"
}

# tui_start COLSxLINES command... — start the program in a new session.
tui_start() {
	size=$1
	shift
	tmux_ kill-server 2>/dev/null || true
	# A new session must not reach the old server while it is still going
	# away ("server exited unexpectedly" on a loaded machine): wait for its
	# socket to disappear.
	sock="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TUI_SOCKET"
	i=0
	while [ -S "$sock" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	# Each run leaves its exit status in $TUI_TMP/status.
	rm -f "$TUI_TMP/status"
	mkdir -p "$TUI_TMP/run"
	tmux_ new-session -d -x "${size%x*}" -y "${size#*x}" \
		"env LANG=C.UTF-8 TMPDIR=$TUI_TMP/run $TUI_ENV sh -c '$*; echo \$? > $TUI_TMP/status; sleep 30'"
}

tui_screen() { tmux_ capture-pane -p -t 0 2>/dev/null; }

# tui_wait TEXT [SECONDS] — wait until TEXT is on the screen.
tui_wait() {
	i=0
	limit=$(( ${2:-10} * 20 ))
	while [ $i -lt $limit ]; do
		if tui_screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# tui_wait_gone TEXT — wait until TEXT is no longer on the screen.
tui_wait_gone() {
	i=0
	while [ $i -lt 200 ]; do
		tui_screen | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

tui_keys() { tmux_ send-keys -t 0 "$@"; }

tui_status() {
	i=0
	while [ $i -lt 100 ] && [ ! -s "$TUI_TMP/status" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	cat "$TUI_TMP/status" 2>/dev/null
}

ok() { TUI_COUNT=$((TUI_COUNT + 1)); printf 'ok %d - %s\n' "$TUI_COUNT" "$1"; }
not_ok() {
	TUI_COUNT=$((TUI_COUNT + 1))
	TUI_FAILED=$((TUI_FAILED + 1))
	printf 'not ok %d - %s\n' "$TUI_COUNT" "$1"
	echo "--- screen:"
	tui_screen | sed 's/^/    /'
	echo "---"
}

# expect DESCRIPTION TEXT — the screen shows TEXT (waiting a little).
expect() { if tui_wait "$2" "${3:-10}"; then ok "$1"; else not_ok "$1 (wanted: $2)"; fi; }
expect_gone() { if tui_wait_gone "$2"; then ok "$1"; else not_ok "$1 (still there: $2)"; fi; }

# --- the setup and helpers most tests share (after lib.sh, each test sets
# its trap, then calls tui_need_tmux, perhaps tui_need_sqlite3, then tui_demo_en)

# tui_need_tmux — skip the test (exit 77) when there is no tmux to run it in.
tui_need_tmux() {
	command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || { echo "tmux missing: skip"; exit 77; }
}

# tui_need_sqlite3 — skip the test (exit 77) without the sqlite3 shell; sets SQLITE3.
tui_need_sqlite3() {
	SQLITE3=${SQLITE3_BIN:-sqlite3}
	command -v "$SQLITE3" >/dev/null 2>&1 || { echo "sqlite3 missing: skip"; exit 77; }
}

# tui_demo_en TODAY — an English copy of the default config ($cfg, language: en,
# so a test does not depend on the Dutch catalogue) and the demo database ($db)
# made on TODAY; sets LEERNET, and TUI_ENV so that the program runs on TODAY.
tui_demo_en() {
	LEERNET="$top_builddir/src/leernet"
	db="$TUI_TMP/net.db"
	cfg="$TUI_TMP/leernet.yaml"
	sed 's/^language: .*/language: en/' "$top_srcdir/data/leernet.yaml" >"$cfg"
	grep -q '^language: en' "$cfg" || { echo "no language key in the default config"; exit 1; }
	LEERNET_TODAY=$1 "$LEERNET" --config "$cfg" demo "$db" >/dev/null ||
		{ echo "demo failed"; exit 1; }
	TUI_ENV="LEERNET_TODAY=$1"
}

# run_as USER — start the program as USER on $db with $cfg, in a $TUI_SIZE terminal.
run_as() {
	tui_start "${TUI_SIZE:?set TUI_SIZE (COLSxLINES) before run_as}" \
		"$LEERNET --config $cfg --database $db --user $1"
}

# sql STATEMENT — run STATEMENT on the test's database $db.
sql() { "$SQLITE3" "$db" "$1"; }

# type_text TEXT — type TEXT literally (no key names).
type_text() { tmux_ send-keys -t 0 -l "$1"; }

# screen_line TEXT — the line of the screen that holds TEXT (first match).
screen_line() { tui_screen | grep -F -- "$1" | head -n 1; }

# row NAME — a row of a roster: two spaces, then the name.
row() { tui_screen | grep -E "^  $1 " | head -n 1; }

# focus LABEL — Tab through a form until the field LABEL has the cursor (›).
focus() {
	i=0
	while [ $i -lt 15 ]; do
		tui_screen | grep -qF -- "› $1" && return 0
		tui_keys Tab
		sleep 0.1
		i=$((i + 1))
	done
	not_ok "no field $1 in the form"
	return 1
}

# tui_choose LABEL WANTED [TRIES] — cycle the choice field on the line with LABEL
# to ‹ WANTED › (at most TRIES presses of Right, 25 by default); quietly.
tui_choose() {
	i=0
	while [ $i -lt "${3:-25}" ]; do
		screen_line "$1" | grep -qF "‹ $2 ›" && return 0
		tui_keys Right
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# choose LABEL WANTED [TRIES] — tui_choose, reported as a test.
choose() {
	if tui_choose "$@"; then
		ok "$1: $2"
	else
		not_ok "$1: no choice $2"
		return 1
	fi
}

# open_group NAME [KEY...] — from the home screen: the groups list, search, that
# group's page; then press the KEYs there (G: down to the group's life).
open_group() {
	tui_keys g
	tui_wait "Search:" || { not_ok "the groups list"; return 1; }
	tui_keys /
	type_text "$1"
	tui_keys Enter
	sleep 0.3
	tui_keys Enter
	tui_wait "Learning or research question" || { not_ok "the page of $1"; return 1; }
	shift
	[ $# -eq 0 ] || tui_keys "$@"
}
