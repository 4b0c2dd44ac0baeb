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
