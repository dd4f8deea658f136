# Shared by scripts/setup-engines.sh and test-images/build.sh: paths and small helpers.
# Expects ROOT (repo root) to be set by the caller.

STATE="${EDGEMEC_ENGINES_DIR:-$ROOT/.mec/engines}"
CONTAINERS_CONF="$STATE/containers.conf"
ENGINES_ENV="$STATE/engines.env"
PODMAN_HOSTS=(edge1 edge2)
PODMAN_SOCK_SUFFIX="/podman-edge1/podman.sock"

# unix socket paths must stay below 108 bytes (sun_path); when the repo lives deep, the sockets
# move to /run/edgemec/<hash of the state dir>/ and everything else stays under .mec/engines/.
if (( ${#STATE} + ${#PODMAN_SOCK_SUFFIX} > 100 )); then
    SOCK_DIR="/run/edgemec/$(printf '%s' "$STATE" | sha256sum | cut -c1-12)"
    SHORT_SOCKS=1
else
    SOCK_DIR="$STATE"
    SHORT_SOCKS=0
fi

podman_sock() {
    if ((SHORT_SOCKS)); then echo "$SOCK_DIR/podman-$1.sock"; else echo "$STATE/podman-$1/podman.sock"; fi
}
if ((SHORT_SOCKS)); then DOCKER_SOCK="$SOCK_DIR/docker.sock"; else DOCKER_SOCK="$STATE/docker/docker.sock"; fi

log() { echo "[setup-engines] $*"; }
die() { echo "[setup-engines] ERROR: $*" >&2; exit 1; }

# True when an engine answers GET /_ping on the unix socket (Docker and Podman both serve it).
api_ping() {
    [[ -S "$1" ]] && curl -sf --max-time 2 --unix-socket "$1" http://engine/_ping >/dev/null 2>&1
}

# Polls readiness (bounded, 60 s) instead of sleeping a guessed time; dies with the log tail
# when the daemon exits early.
wait_ready() {
    local sock=$1 label=$2 pid=$3 logf=$4 i
    for ((i = 0; i < 600; i++)); do
        if api_ping "$sock"; then log "$label: ready (pid $pid)"; return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -20 "$logf" >&2 || true
            die "$label exited during start-up, see $logf"
        fi
        sleep 0.1
    done
    tail -20 "$logf" >&2 || true
    die "$label not ready on unix://$sock after 60 s, see $logf"
}

# Prints the pid recorded in $1 when that process is alive and its command line contains $2
# (guards against a recycled pid).
alive_pid() {
    local pidfile=$1 pattern=$2 pid
    [[ -f "$pidfile" ]] || return 1
    pid=$(cat "$pidfile" 2>/dev/null) || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern" || return 1
    echo "$pid"
}

stop_pid() {
    local pidfile=$1 pattern=$2 label=$3 pid i
    if ! pid=$(alive_pid "$pidfile" "$pattern"); then
        log "$label: not running"
        rm -f "$pidfile"
        return 0
    fi
    log "$label: stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$label: still alive after 30 s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
    log "$label: stopped"
}

status_line() {
    local label=$1 pid=$2 sock=$3 state
    if [[ -n "$pid" ]] && api_ping "$sock"; then state="running, API ready"
    elif [[ -n "$pid" ]]; then state="running, API NOT answering"
    else state="stopped"; fi
    printf '[setup-engines] %-13s %-26s pid=%-8s unix://%s\n' "$label" "$state" "${pid:--}" "$sock"
}
