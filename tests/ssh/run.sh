#!/bin/sh
# run.sh — leernet behind a real sshd, as the forced command of a key line
# restrict,pty,command="leernet --restricted ... --user milan" (doc/ssh.md).
#
# A private sshd on 127.0.0.1 with a throw-away host key, client key and
# authorized_keys; the client runs in a private tmux server and asks for a
# command of its own. The home screen must be milan's, in Dutch, with his
# name intact; the client's command must never run; q must end the
# connection, not drop into a shell; without a terminal leernet must refuse.
#
# Skips (77) when sshd, ssh, ssh-keygen or tmux is missing or sshd cannot
# start here. Every wait is bounded; sshd, tmux and the files go at exit.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
SSHD=/usr/sbin/sshd

skip() { echo "ssh: skip: $*"; exit 77; }
[ -x "$SSHD" ] || skip "$SSHD is missing (Debian: openssh-server)"
for p in ssh ssh-keygen "${TMUX_BIN:-tmux}" timeout; do
	command -v "$p" >/dev/null 2>&1 || skip "$p is missing"
done

LEERNET="$(cd "$top_builddir/src" && pwd)/leernet"
CONFIG="$(cd "$top_srcdir/data" && pwd)/leernet.yaml"
T=$(mktemp -d "${TMPDIR:-/tmp}/leernet-ssh-XXXXXX")
SSHD_PID=""
PRIVSEP_MADE=""
COUNT=0
FAILED=0

# the server's socket lives in $T, so it goes with it
tmux_() { "${TMUX_BIN:-tmux}" -S "$T/tmux.sock" -f /dev/null "$@"; }

cleanup() {
	tmux_ kill-server 2>/dev/null
	if [ -n "$SSHD_PID" ]; then
		kill "$SSHD_PID" 2>/dev/null
		i=0
		while [ $i -lt 50 ] && kill -0 "$SSHD_PID" 2>/dev/null; do
			sleep 0.1
			i=$((i + 1))
		done
		kill -9 "$SSHD_PID" 2>/dev/null
	fi
	[ -n "$PRIVSEP_MADE" ] && rmdir "$PRIVSEP_MADE" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

ok() { COUNT=$((COUNT + 1)); printf 'ok %d - %s\n' "$COUNT" "$1"; }
not_ok() {
	COUNT=$((COUNT + 1))
	FAILED=$((FAILED + 1))
	printf 'not ok %d - %s\n' "$COUNT" "$1"
	echo "--- screen:"
	tmux_ capture-pane -p -t 0 2>/dev/null | sed 's/^/    /'
	echo "--- sshd log (last lines):"
	tail -n 15 "$T/sshd.log" 2>/dev/null | sed 's/^/    /'
}

screen() { tmux_ capture-pane -p -t 0 2>/dev/null; }

# wait_for TEXT [SECONDS] — until TEXT is on the screen.
wait_for() {
	i=0
	while [ $i -lt $(( ${2:-10} * 10 )) ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

expect() { if wait_for "$2" "${3:-10}"; then ok "$1"; else not_ok "$1 (wanted: $2)"; fi; }

# --- keys, a database, the forced command
ssh-keygen -q -t ed25519 -N '' -C leernet-test-host -f "$T/host_key" ||
	skip "ssh-keygen cannot make a host key"
ssh-keygen -q -t ed25519 -N '' -C leernet-test-milan -f "$T/milan_key" ||
	skip "ssh-keygen cannot make a client key"
"$LEERNET" --config "$CONFIG" demo "$T/demo.db" >/dev/null || { echo "leernet demo failed"; exit 1; }

# LEERNET_TODAY=not-a-date would stop leernet at once (64) if it were read.
forced="env LEERNET_TODAY=not-a-date $LEERNET --restricted --config $CONFIG"
forced="$forced --database $T/demo.db --user milan"
printf 'restrict,pty,command="%s" %s\n' "$forced" "$(cat "$T/milan_key.pub")" > "$T/authorized_keys"

if [ "$(id -u)" -eq 0 ]; then
	LOGIN=root
	# sshd running as root wants its privilege-separation directory
	if [ ! -d /run/sshd ]; then
		mkdir -m 0755 /run/sshd 2>/dev/null || skip "cannot create /run/sshd"
		PRIVSEP_MADE=/run/sshd
	fi
else
	LOGIN=$(id -un)
fi

# --- a private sshd on a free high port (a few tries when a port is taken)
start_sshd() {
	cat > "$T/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $1
HostKey $T/host_key
AuthorizedKeysFile $T/authorized_keys
PidFile $T/sshd.pid
StrictModes no
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin forced-commands-only
AcceptEnv LANG LC_*
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
EOF
	: > "$T/sshd.log"
	"$SSHD" -D -f "$T/sshd_config" -E "$T/sshd.log" &
	SSHD_PID=$!
	i=0
	while [ $i -lt 50 ]; do
		grep -q "Server listening on 127.0.0.1 port $1" "$T/sshd.log" && return 0
		kill -0 "$SSHD_PID" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	kill "$SSHD_PID" 2>/dev/null
	wait "$SSHD_PID" 2>/dev/null
	SSHD_PID=""
	return 1
}

PORT=""
for try in 1 2 3 4 5; do
	p=$(( 20000 + ($$ * 7 + try * 1237) % 40000 ))
	if start_sshd "$p"; then
		PORT=$p
		break
	fi
	grep -q "Address already in use" "$T/sshd.log" || break
done
if [ -z "$PORT" ]; then
	reason=$(grep -v '^debug' "$T/sshd.log" | tail -n 1)
	skip "sshd cannot start here: ${reason:-no reason given}"
fi

SSH="ssh -F /dev/null -i $T/milan_key -p $PORT -o IdentitiesOnly=yes -o IdentityAgent=none"
SSH="$SSH -o BatchMode=yes -o ConnectTimeout=5 -o StrictHostKeyChecking=no"
SSH="$SSH -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"

# --- without a terminal (ssh -T): a clear refusal, and no command of ours
timeout 20 $SSH -T "$LOGIN@127.0.0.1" "sh -c 'touch $T/pwned2'" \
	< /dev/null > "$T/out" 2> "$T/err"
st=$?
# sshd may refuse this account here (a locked password with UsePAM no): not our failure
if [ "$st" = 255 ] && grep -q "not allowed because" "$T/sshd.log"; then
	skip "$(grep -m 1 -o "User .* not allowed because.*" "$T/sshd.log")"
fi
if [ "$st" = 69 ] && grep -qF "needs a terminal" "$T/err"; then
	ok "ssh -T: leernet refuses without a terminal (69, with a message)"
else
	not_ok "ssh -T: status $st, stderr: $(head -n 3 "$T/err")"
fi
[ ! -e "$T/pwned2" ] && ok "ssh -T: the client's command was not run" || not_ok "pwned2 exists"

# --- the full-screen interface through ssh -tt, asking for a command of our own
# A client LANG for a locale this host may lack: leernet keeps Dutch and UTF-8.
tmux_ new-session -d -x 100 -y 30 \
	"$SSH -tt -o SetEnv=LANG=nl_NL.UTF-8 $LOGIN@127.0.0.1 'sh -c \"touch $T/pwned\"'; \
	echo \$? > $T/status; sleep 30" || skip "tmux cannot start a session"

expect "over ssh, the home screen shows milan, his name intact" "Milan Đorđević" 15
expect "it speaks Dutch" "Mijn groepen"
if screen | grep -qF "leernet: "; then
	not_ok "no error on the screen"
else
	ok "no error on the screen"
fi
[ ! -e "$T/pwned" ] && ok "the client's command was not run" || not_ok "the client's command ran"
tmux_ send-keys -t 0 q
i=0
while [ $i -lt 100 ] && [ ! -s "$T/status" ]; do
	sleep 0.1
	i=$((i + 1))
done
st=$(cat "$T/status" 2>/dev/null)
[ "$st" = 0 ] && ok "q ends the connection, leernet's status 0 is ssh's" ||
	not_ok "q ends the connection (ssh status: ${st:-still connected})"
sleep 0.3
if screen | grep -qE '[$#] *$'; then
	not_ok "no shell prompt after leernet"
else
	ok "no shell prompt after leernet"
fi
[ ! -e "$T/pwned" ] && ok "still no trace of the client's command" || not_ok "the client's command ran"
grep -q "Accepted publickey for $LOGIN" "$T/sshd.log" &&
	ok "sshd took the key (as the log says)" || not_ok "sshd log lacks the accepted key"

echo "$COUNT tests, $FAILED failed"
[ "$FAILED" -eq 0 ]
