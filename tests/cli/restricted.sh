#!/bin/sh
# restricted.sh — --restricted, leernet as an SSH forced command
# (command="leernet --restricted --user NAME"): only the account's command
# line counts. --user is required (64); the client's SSH_ORIGINAL_COMMAND is
# never run; LEERNET_* variables and TMPDIR are ignored; commands that write
# a file are refused (77); the TUI without a terminal refuses (69); and the
# binary can start no program but the external editor (fork + execv of
# /bin/sh), which a restricted login never starts (tests/tui/editor.sh).
# Each check of an ignored variable is paired with a run without
# --restricted that shows the variable does count there, so a check cannot
# pass for the wrong reason.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
LEERNET="$top_builddir/src/leernet"
. "$top_srcdir/tests/cli/lib.sh"

# --- the option and --user
run -- --help
check "--help mentions --restricted" 0 out "--restricted"
run -- --restricted check
check "--restricted without --user is a usage error" 64 err "--restricted needs --user"
run -- --restricted --user "" check
check "--restricted with an empty --user is a usage error" 64 err "--restricted needs --user"
run -- --restricted
check "--restricted without --user is refused before the TUI too" 64 err "needs --user"

run -- demo "$CLI_TMP/demo.db"
check "a demo database to work on" 0
DB="$CLI_TMP/demo.db"
run -- --restricted --user milan --database "$DB" groups --mine
check "--restricted --user milan runs a command as milan" 0 out "PLG"

# --- the client's command is never run
mkdir "$CLI_TMP/x"
SSH_ORIGINAL_COMMAND="rm -rf $CLI_TMP/x; touch $CLI_TMP/pwned; echo PWNED"
export SSH_ORIGINAL_COMMAND
run -- --restricted --user milan --database "$DB" check
check "a command runs with SSH_ORIGINAL_COMMAND set" 0 out "integriteit: in orde"
if grep -q PWNED "$CLI_TMP/out" "$CLI_TMP/err" || [ -e "$CLI_TMP/pwned" ] || [ ! -d "$CLI_TMP/x" ]; then
	not_ok "SSH_ORIGINAL_COMMAND was run by a command"
else
	ok "SSH_ORIGINAL_COMMAND is not run by a command"
fi
run -- --restricted --user milan --database "$DB"
check "the TUI with SSH_ORIGINAL_COMMAND set and no terminal refuses" 69 err "needs a terminal"
if grep -q PWNED "$CLI_TMP/out" "$CLI_TMP/err" || [ -e "$CLI_TMP/pwned" ] || [ ! -d "$CLI_TMP/x" ]; then
	not_ok "SSH_ORIGINAL_COMMAND was run by the TUI start"
else
	ok "SSH_ORIGINAL_COMMAND is not run by the TUI start"
fi
unset SSH_ORIGINAL_COMMAND

# --- LEERNET_TODAY (and every LEERNET_* variable) is ignored
run LEERNET_TODAY=not-a-date -- --database "$DB" check
check "without --restricted, LEERNET_TODAY is read (and refused when no date)" 64 \
	err "LEERNET_TODAY"
run LEERNET_TODAY=not-a-date -- --restricted --user milan --database "$DB" check
check "with --restricted, LEERNET_TODAY is not even read" 0 out "integriteit: in orde"
# Today shows in groups: the next meeting and the hours of this school year.
run -- --restricted --user milan --database "$DB" groups --format csv
cp "$CLI_TMP/out" "$CLI_TMP/groups-now.csv"
run LEERNET_TODAY=2099-01-01 -- --database "$DB" groups --format csv
cp "$CLI_TMP/out" "$CLI_TMP/groups-2099.csv"
run LEERNET_TODAY=2099-01-01 -- --restricted --user milan --database "$DB" groups --format csv
check "groups with --restricted and LEERNET_TODAY" 0
if cmp -s "$CLI_TMP/groups-now.csv" "$CLI_TMP/groups-2099.csv"; then
	not_ok "the control failed: LEERNET_TODAY=2099-01-01 changes nothing in groups"
elif cmp -s "$CLI_TMP/out" "$CLI_TMP/groups-now.csv"; then
	ok "with --restricted, groups shows the real today, not LEERNET_TODAY"
else
	not_ok "with --restricted, groups followed LEERNET_TODAY"
fi

# --- TMPDIR does not steer where a --demo copy goes
run TMPDIR="$CLI_TMP/nowhere" -- --demo check
check "without --restricted, --demo uses TMPDIR (which does not exist here)" 73 err "demo"
run TMPDIR="$CLI_TMP/nowhere" -- --restricted --user milan --demo check
check "with --restricted, --demo goes under /tmp whatever TMPDIR says" 0 \
	out "/tmp/leernet-demo-" out "integriteit: in orde"

# --- commands that write a file are refused
run -- --restricted --user zoe demo "$CLI_TMP/written.db"
check "demo FILE is refused with --restricted" 77 err "--restricted"
[ ! -e "$CLI_TMP/written.db" ] && ok "and the file is not written" || not_ok "demo FILE was written"
run -- --restricted --user zoe --database "$DB" demo "$CLI_TMP/written.db"
check "also with a database" 77
run -- --help
if grep -q "^  backup FILE" "$CLI_TMP/out"; then
	run -- --restricted --user zoe --database "$DB" backup "$CLI_TMP/backup.db"
	check "backup FILE is refused with --restricted" 77 err "--restricted"
	[ ! -e "$CLI_TMP/backup.db" ] && ok "and no backup is written" || not_ok "backup was written"
else
	ok "# skip there is no backup command (yet)"
fi

# --- the TUI needs a terminal
run -- --restricted --user milan --database "$DB"
check "the TUI without a terminal refuses with a clear message" 69 err "needs a terminal"

# --- what in the binary can start a program: only the external editor's
# fork + execv("/bin/sh") + waitpid (ui/ext_editor.c), which a restricted
# login never reaches (tests/tui/editor.sh shows C-x starts nothing there).
# Nothing that runs a command line by itself (system, popen, wordexp) and
# no other way to start a program may appear.
if command -v nm >/dev/null 2>&1 && nm -D --undefined-only "$LEERNET" > "$CLI_TMP/syms" 2>/dev/null; then
	sed 's/@.*//; s/.* //' "$CLI_TMP/syms" >"$CLI_TMP/names"
	bad=$(grep -xE 'system|popen|wordexp|vfork|_Fork|clone3?|posix_spawnp?' "$CLI_TMP/names" |
		tr '\n' ' ')
	bad="$bad$(grep -xE 'execl|execlp|execle|execve|execvp|execvpe|fexecve' "$CLI_TMP/names" |
		tr '\n' ' ')"
	[ -z "$bad" ] && ok "the binary calls nothing that starts a program but fork + execv" ||
		not_ok "the binary calls: $bad"
else
	ok "# skip nm is missing: cannot list the binary's calls"
fi

echo "$CLI_COUNT tests, $CLI_FAILED failed"
[ "$CLI_FAILED" -eq 0 ]
