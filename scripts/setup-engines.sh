#!/usr/bin/env bash
# Sets up the container engines that EdgeMEC's relocation tests run against:
#   - two Podman "hosts" (edge1, edge2): separate --root/--runroot/--tmpdir, each serving the
#     REST API (Docker-compatible + libpod) on its own unix socket;
#   - one Docker engine (dockerd --experimental, own data-root/exec-root/socket);
#   - a CRIU that works on this kernel, first on the PATH of every engine daemon
#     (runc finds criu through PATH);
#   - the test images (test-images/build.sh), with the same image id on both Podman hosts;
#   - a loopback TLS endpoint (socat, client certificate required) in front of each engine socket, with a throwaway
#     CA and certificates (scripts/lib/engine-tls.sh).
# Writes .mec/engines/engines.env with the endpoints (EDGEMEC_PODMAN_EDGE1, EDGEMEC_PODMAN_EDGE2,
# EDGEMEC_DOCKER, their *_TLS twins, ...). Idempotent: what is installed or running is skipped.
# Runs as root, non-interactively (CI=true, no stdin).
#
# Usage: scripts/setup-engines.sh [start|stop|status]     (default: start)
# Env:   CRIU_TARBALL   CRIU 4.2.1 source (default ../shared/cache/criu_4.2.1.orig.tar.xz from the repo root; when
#                       absent, downloaded from the configured Debian mirror's pool into CRIU_CACHE, sha256 checked)
#        CRIU_CACHE     where a downloaded source is kept (default /opt/edgemec/cache)
#        CRIU_PREFIX    where the built CRIU goes (default /opt/edgemec/criu)
#        EDGEMEC_ENGINES_DIR  state dir (default <repo>/.mec/engines)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/engines-common.sh
source "$ROOT/scripts/lib/engines-common.sh"
# shellcheck source=lib/runroot.sh
source "$ROOT/scripts/lib/runroot.sh"
# shellcheck source=lib/engine-tls.sh
source "$ROOT/scripts/lib/engine-tls.sh"

CRIU_VERSION="4.2.1"
CRIU_SHA256="29ec0ee09e296479fe7048c80980e8ef1d0684d0b0204c2b101dfea19f6725b9"
CRIU_TARBALL="${CRIU_TARBALL:-$ROOT/../shared/cache/criu_${CRIU_VERSION}.orig.tar.xz}"
CRIU_PREFIX="${CRIU_PREFIX:-/opt/edgemec/criu}"
CRIU_CACHE="${CRIU_CACHE:-/opt/edgemec/cache}"

# catatonit: the pause process of the infra container of every pod (`podman kube play`, scripts/check-kube-play.sh);
# Podman builds its pause image from it, and it is only a Recommends of the podman package
ENGINE_PACKAGES=(podman runc docker.io busybox-static containernetworking-plugins iptables curl gcc libc6-dev
    socat openssl catatonit)
CRIU_BUILD_DEPS=(build-essential pkg-config libbsd-dev libcap-dev libgnutls28-dev libnet1-dev
    libnftables-dev libnl-3-dev libprotobuf-c-dev libprotobuf-dev protobuf-c-compiler
    protobuf-compiler uuid-dev python3-protobuf)

APT_UPDATED=0

# ---------------------------------------------------------------- packages
apt_install_missing() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
    [[ $(id -u) == 0 ]] || die "missing packages (${missing[*]}): run as root to install them"
    export DEBIAN_FRONTEND=noninteractive
    if ((APT_UPDATED == 0)); then
        log "apt-get update"
        apt-get update -qq </dev/null || die "apt-get update failed"
        APT_UPDATED=1
    fi
    # apt must not start the distribution's dockerd/containerd services: ours run with their own roots.
    local policy_added=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
    fi
    mkdir -p "$STATE"
    log "apt-get install ${missing[*]} (output in $STATE/apt.log)"
    local rc=0
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >>"$STATE/apt.log" 2>&1 || rc=$?
    ((policy_added)) && rm -f /usr/sbin/policy-rc.d
    if ((rc != 0)); then
        tail -20 "$STATE/apt.log" >&2
        die "apt-get install ${missing[*]} failed (exit $rc), see $STATE/apt.log"
    fi
}

# ---------------------------------------------------------------- CRIU
criu_works() { [[ -x "$1" ]] && "$1" check >/dev/null 2>&1; }

# The Debian mirror the distribution already uses (no host name is hard-coded here), or empty.
debian_mirror() {
    grep -rhoE '^(URIs:[[:space:]]*|deb[[:space:]]+)[a-z]+://[^[:space:]]+/debian/?([[:space:]]|$)' \
        /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | head -1 | awk '{print $NF}' || true
}

# Downloads only the orig tarball from the pool of the configured mirror: on 2026-12-03 `apt-get source` failed
# there (the Debian packaging tarball answered 404) while the orig tarball, all the build needs, downloaded.
# Kept in CRIU_CACHE, so later runs (and a clone without ../shared) do not fetch it again.
fetch_criu_orig_from_mirror() {
    local uri name="criu_${CRIU_VERSION}.orig.tar.xz" cached="$CRIU_CACHE/criu_${CRIU_VERSION}.orig.tar.xz"
    if [[ -f "$cached" ]] && echo "$CRIU_SHA256  $cached" | sha256sum -c --quiet - 2>/dev/null; then
        CRIU_TARBALL=$cached; log "CRIU source: using $cached"; return 0
    fi
    uri=$(debian_mirror)
    [[ -n "$uri" ]] || return 1
    mkdir -p "$CRIU_CACHE"
    log "CRIU source: $CRIU_TARBALL absent, downloading $name from the pool of $uri"
    curl -fsSL --retry 3 -o "$cached.part" "${uri%/}/pool/main/c/criu/$name" || { rm -f "$cached.part"; return 1; }
    echo "$CRIU_SHA256  $cached.part" | sha256sum -c --quiet - || { rm -f "$cached.part"; return 1; }
    mv "$cached.part" "$cached"
    CRIU_TARBALL=$cached
}

# Fetches the CRIU source with apt-get source from a temporary deb-src sid line that reuses the
# mirror already configured for the distribution.
fetch_criu_source_with_apt() {
    local dest=$1 uri list=/etc/apt/sources.list.d/edgemec-criu-src.list
    uri=$(debian_mirror)
    [[ -n "$uri" ]] || die "CRIU source: $CRIU_TARBALL is absent and no Debian mirror is configured for apt-get source"
    log "CRIU source: $CRIU_TARBALL absent, fetching with apt-get source (deb-src $uri sid main)"
    echo "deb-src $uri sid main" >"$list"
    apt-get update -qq || { rm -f "$list"; die "apt-get update with the sid deb-src line failed"; }
    local ver
    ver=$(apt-cache showsrc criu 2>/dev/null | awk '/^Version:/{print $2}' | grep "^${CRIU_VERSION}-" | head -1) || true
    if [[ -z "$ver" ]]; then rm -f "$list"; die "apt-get source: no criu ${CRIU_VERSION} source package; put criu_${CRIU_VERSION}.orig.tar.xz at CRIU_TARBALL"; fi
    (cd "$dest" && apt-get source --download-only -qq "criu=$ver") || { rm -f "$list"; die "apt-get source criu=$ver failed"; }
    rm -f "$list"; apt-get update -qq || true
    CRIU_TARBALL="$dest/criu_${CRIU_VERSION}.orig.tar.xz"
}

build_criu() {
    local build
    build=$(mktemp -d /tmp/edgemec-criu.XXXXXX)
    [[ -f "$CRIU_TARBALL" ]] || fetch_criu_orig_from_mirror || fetch_criu_source_with_apt "$build"
    log "CRIU: checking sha256 of $CRIU_TARBALL"
    echo "$CRIU_SHA256  $CRIU_TARBALL" | sha256sum -c --quiet - ||
        die "sha256 mismatch for $CRIU_TARBALL (expected $CRIU_SHA256)"
    apt_install_missing "${CRIU_BUILD_DEPS[@]}"
    log "CRIU: building $CRIU_VERSION in $build (about 40 s on 2 cores)"
    tar -xf "$CRIU_TARBALL" -C "$build"
    local src="$build/criu-$CRIU_VERSION"
    [[ -d "$src" ]] || die "unexpected layout of $CRIU_TARBALL (no criu-$CRIU_VERSION/)"
    make -C "$src" -j"$(nproc)" criu >"$build/build.log" 2>&1 ||
        { tail -30 "$build/build.log" >&2; die "CRIU build failed, log: $build/build.log"; }
    install -D -m 0755 "$src/criu/criu" "$CRIU_PREFIX/bin/criu"
    rm -rf "$build"
    log "CRIU: installed $CRIU_PREFIX/bin/criu"
}

# Sets CRIU_BIN. Order: the distribution's criu when `criu check` passes (Debian 12's 3.17 does not
# on kernels >= 6.x here), then ours when already built and working, else build 4.2.1.
select_criu() {
    local distro
    distro=$(PATH=/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin command -v criu || true)
    if [[ -n "$distro" && "$distro" != "$CRIU_PREFIX/bin/criu" ]] && criu_works "$distro"; then
        CRIU_BIN=$distro; log "CRIU: distribution's $distro passes 'criu check', using it"; return
    fi
    if criu_works "$CRIU_PREFIX/bin/criu"; then
        CRIU_BIN="$CRIU_PREFIX/bin/criu"; log "CRIU: $CRIU_BIN present and 'criu check' passes, skipping build"; return
    fi
    [[ -n "$distro" ]] && log "CRIU: distribution's $distro fails 'criu check', building $CRIU_VERSION"
    build_criu
    CRIU_BIN="$CRIU_PREFIX/bin/criu"
    "$CRIU_BIN" check >&2 || die "freshly built $CRIU_BIN fails 'criu check' on this kernel"
}

# ---------------------------------------------------------------- config and wrappers
write_config() {
    mkdir -p "$STATE/bin" "$SOCK_DIR"
    # Podman 4.3.1 checkpoints only with runc (Debian's crun lacks CRIU), on cgroupfs (no systemd),
    # with file events (no journald) and ulimits it may set without CAP_SYS_RESOURCE trouble.
    cat >"$CONTAINERS_CONF.tmp" <<'EOF'
# Written by scripts/setup-engines.sh; used through CONTAINERS_CONF by every podman call.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
log_driver = "k8s-file"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
    mv "$CONTAINERS_CONF.tmp" "$CONTAINERS_CONF"
    local name
    for name in "${PODMAN_HOSTS[@]}"; do
        local dir="$STATE/podman-$name" runroot
        runroot=$(podman_runroot "$dir/runroot")
        mkdir -p "$dir/root" "$runroot" "$dir/tmp" "$dir/stage"
        # One wrapper per host, so humans, build.sh and the service use identical flags.
        # TMPDIR: where libpod's API stages whole checkpoint archives (see mount_stage).
        cat >"$STATE/bin/podman-$name" <<EOF
#!/bin/sh
# podman for EdgeMEC host '$name' (written by scripts/setup-engines.sh)
export CONTAINERS_CONF='$CONTAINERS_CONF'
export PATH='$(dirname "$CRIU_BIN")':"\$PATH"
export TMPDIR='$dir/stage'
exec podman --root '$dir/root' --runroot '$runroot' --tmpdir '$dir/tmp' "\$@"
EOF
        chmod +x "$STATE/bin/podman-$name"
    done
    cat >"$STATE/bin/docker" <<EOF
#!/bin/sh
# docker CLI for EdgeMEC's dockerd (written by scripts/setup-engines.sh)
exec docker -H 'unix://$DOCKER_SOCK' "\$@"
EOF
    chmod +x "$STATE/bin/docker"
}

# ---------------------------------------------------------------- daemons
# Podman 4.3's API stages every checkpoint archive as a whole file in Go's os.TempDir() ($TMPDIR, else /tmp), not in
# --tmpdir: `checkpoint?export=true` writes the tar there before it sends the first byte, `restore?import=true`
# saves the whole request body there before it unpacks (pkg/api/handlers/libpod/containers.go); the files are removed
# after each request. A tmpfs keeps these two extra copies of the container's memory in RAM instead of on the disk's
# file system. Its size is tmpfs's default, half the RAM, used only while an archive is staged. Mounted only while no
# service runs (empty then); never fatal: without it the files go to a plain directory.
mount_stage() {
    local stage=$1
    if findmnt -n "$stage" >/dev/null 2>&1; then return 0; fi
    mount -t tmpfs -o mode=0700 "edgemec-stage" "$stage" 2>/dev/null ||
        log "podman: tmpfs on $stage not mounted (archives are staged on its file system)"
}

start_podman() {
    local name=$1 sock dir="$STATE/podman-$name"
    sock=$(podman_sock "$name")
    if api_ping "$sock"; then log "podman $name: already serving on unix://$sock"; return; fi
    rm -f "$sock"
    mount_stage "$dir/stage"
    log "podman $name: starting 'podman system service' on unix://$sock"
    setsid "$STATE/bin/podman-$name" system service --time=0 "unix://$sock" >"$dir/service.log" 2>&1 </dev/null &
    echo $! >"$dir/service.pid"
    wait_ready "$sock" "podman $name" "$!" "$dir/service.log"
}

start_docker() {
    local dir="$STATE/docker"
    if api_ping "$DOCKER_SOCK"; then log "docker: already serving on unix://$DOCKER_SOCK"; return; fi
    mkdir -p "$dir/data" "$dir/exec"
    rm -f "$DOCKER_SOCK"
    log "docker: starting dockerd --experimental on unix://$DOCKER_SOCK"
    # --experimental enables the checkpoint endpoints; criu first on PATH for containerd's runc.
    PATH="$(dirname "$CRIU_BIN"):$PATH" setsid dockerd --experimental \
        --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
        -H "unix://$DOCKER_SOCK" --exec-opt native.cgroupdriver=cgroupfs \
        >"$dir/dockerd.log" 2>&1 </dev/null &
    local pid=$!
    wait_ready "$DOCKER_SOCK" "docker" "$pid" "$dir/dockerd.log"
    echo "$pid" >"$dir/docker.pid"
}

write_env() {
    cat >"$ENGINES_ENV.tmp" <<EOF
# Written by scripts/setup-engines.sh: endpoints of the EdgeMEC test engines.
EDGEMEC_PODMAN_EDGE1=unix://$(podman_sock edge1)
EDGEMEC_PODMAN_EDGE2=unix://$(podman_sock edge2)
EDGEMEC_DOCKER=unix://$DOCKER_SOCK
EDGEMEC_PODMAN_EDGE1_TLS=https://127.0.0.1:$(cat "$TLS_DIR/podman-edge1.port")
EDGEMEC_PODMAN_EDGE2_TLS=https://127.0.0.1:$(cat "$TLS_DIR/podman-edge2.port")
EDGEMEC_DOCKER_TLS=https://127.0.0.1:$(cat "$TLS_DIR/docker.port")
EDGEMEC_ENGINE_TLS_DIR=$TLS_DIR
EDGEMEC_DOCKER_DATA_ROOT=$STATE/docker/data
EDGEMEC_CRIU=$CRIU_BIN
EDGEMEC_CONTAINERS_CONF=$CONTAINERS_CONF
EDGEMEC_COUNTER_IMAGE=localhost/edgemec/counter:latest
EOF
    mv "$ENGINES_ENV.tmp" "$ENGINES_ENV"
    log "wrote $ENGINES_ENV"
}

cmd_start() {
    [[ $(id -u) == 0 ]] || die "run as root (engines run rootful; apt installs packages)"
    apt_install_missing "${ENGINE_PACKAGES[@]}"
    select_criu
    write_config
    local name
    for name in "${PODMAN_HOSTS[@]}"; do start_podman "$name"; done
    start_docker
    tls_material
    for name in "${PODMAN_HOSTS[@]}"; do start_tls_proxy "podman-$name" "$(podman_sock "$name")"; done
    start_tls_proxy docker "$DOCKER_SOCK"
    write_env
    "$ROOT/test-images/build.sh"
    log "ready: source $ENGINES_ENV (or let the ITs read it)"
    cmd_status
}

cmd_stop() {
    local name
    # the TLS endpoints first: they forward to the sockets about to go away
    for name in "${PODMAN_HOSTS[@]}"; do stop_tls_proxy "podman-$name"; done
    stop_tls_proxy docker
    for name in "${PODMAN_HOSTS[@]}"; do
        local dir="$STATE/podman-$name"
        if [[ -x "$STATE/bin/podman-$name" && -d "$dir/root" ]] && alive_pid "$dir/service.pid" podman >/dev/null; then
            # Stopping the containers ends their conmon processes, which outlive the API service.
            log "podman $name: stopping its containers"
            timeout 60 "$STATE/bin/podman-$name" stop --all --time 2 >/dev/null 2>&1 || log "podman $name: stop --all failed (ignored)"
        fi
        stop_pid "$dir/service.pid" podman "podman $name"
        rm -f "$(podman_sock "$name")"
        if findmnt -n "$dir/stage" >/dev/null 2>&1; then umount "$dir/stage" || log "podman $name: $dir/stage still mounted"; fi
    done
    stop_pid "$STATE/docker/docker.pid" dockerd "docker"
    rm -f "$DOCKER_SOCK"
}

cmd_status() {
    local name pid sock
    for name in "${PODMAN_HOSTS[@]}"; do
        sock=$(podman_sock "$name")
        pid=$(alive_pid "$STATE/podman-$name/service.pid" podman || true)
        status_line "podman $name" "$pid" "$sock"
    done
    pid=$(alive_pid "$STATE/docker/docker.pid" dockerd || true)
    status_line "docker" "$pid" "$DOCKER_SOCK"
    for name in "${PODMAN_HOSTS[@]}"; do tls_status_line "podman-$name"; done
    tls_status_line docker
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: $0 [start|stop|status]" ;;
esac
