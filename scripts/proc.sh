# Process helpers shared by scripts/stack.sh and scripts/cluster.sh (sourced,
# not run): is a pid alive, wait for a condition, stop a pid file's process.

# Is process $1 running? A zombie is not: a process killed with -9 whose
# parent (init, after stack.sh exited) has not reaped it yet still answers
# kill -0, and must not stop a restart or make stop wait for it.
running() {
	kill -0 "$1" 2>/dev/null || return 1
	case "$(ps -o stat= -p "$1" 2>/dev/null)" in Z*|"") return 1 ;; esac
}

# Is the process in pid file $1 alive?
alive() { [ -f "$1" ] && running "$(cat "$1" 2>/dev/null)"; }

# Wait up to $2 tenths of a second for command $1 to succeed.
wait_for() {
	local i=0
	until eval "$1" >/dev/null 2>&1; do
		i=$((i + 1))
		[ "$i" -ge "$2" ] && return 1
		sleep 0.1
	done
}

# Send TERM to the pid in file $1 and wait until it is gone.
stop_pid() {
	local f=$1 pid i=0
	alive "$f" || { rm -f "$f"; return 0; }
	pid=$(cat "$f" 2>/dev/null) || return 0
	kill -TERM "$pid" 2>/dev/null || true
	while running "$pid"; do
		i=$((i + 1))
		if [ "$i" -ge 300 ]; then kill -KILL "$pid" 2>/dev/null || true; fi
		sleep 0.1
	done
	rm -f "$f"
}

