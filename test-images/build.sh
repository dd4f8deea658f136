#!/usr/bin/env bash
# Builds EdgeMEC's test images without any registry, from a busybox-static root file system:
#   localhost/edgemec/counter:latest  (test-images/counter/counter.sh, in-memory counter)
#   localhost/edgemec/httpd:latest    (busybox httpd on port 8080 serving test-images/httpd/www)
# It is imported once into Podman edge1, then copied with `podman save` / `load` into edge2 and
# into Docker, so every engine holds the SAME image id (Podman's checkpoint import requires it).
# Idempotent: skipped when every engine has the image and the inputs did not change.
# Called by scripts/setup-engines.sh (engines must be running).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/engines-common.sh
source "$ROOT/scripts/lib/engines-common.sh"
log() { echo "[test-images] $*"; }
die() { echo "[test-images] ERROR: $*" >&2; exit 1; }

BUSYBOX="${BUSYBOX:-/bin/busybox}"
P1="$STATE/bin/podman-edge1"
P2="$STATE/bin/podman-edge2"
DK="$STATE/bin/docker"

for w in "$P1" "$P2" "$DK"; do [[ -x "$w" ]] || die "$w missing: run scripts/setup-engines.sh"; done
[[ -x "$BUSYBOX" ]] || die "$BUSYBOX missing (apt-get install busybox-static)"
# A dynamically linked busybox would need its libc inside the image.
file -L "$BUSYBOX" 2>/dev/null | grep -q 'statically linked' || ldd "$BUSYBOX" 2>&1 | grep -q 'not a dynamic' ||
    die "$BUSYBOX is not statically linked (install busybox-static)"

work=""
trap 'rm -rf "$work"' EXIT

install_counter() { install -m 0755 "$ROOT/test-images/counter/counter.sh" "$1/bin/counter"; }
install_httpd() { mkdir -p "$1/www"; cp "$ROOT/test-images/httpd/www/"* "$1/www/"; }
# A static binary: the rootfs has no libc. gcc and libc6-dev come with scripts/setup-engines.sh.
install_counter_http() {
    command -v gcc >/dev/null || die "gcc missing (apt-get install gcc libc6-dev)"
    gcc -static -O2 -Wall -o "$1/bin/counter-http" "$ROOT/test-images/counter-http/counter-http.c"
}

# build_image APP IMAGE CMD [EXPOSE]: one image from the busybox rootfs plus install_APP's files, on every engine;
# EXPOSE (e.g. "8080/tcp") is the port the image declares (the LCM takes an app's port from it when the AppD has none).
build_image() {
    local app="$1" IMAGE="$2" cmd="$3" expose="${4:-}" STAMP="$STATE/images/$1.inputs"
    local -a changes=(--change 'ENV PATH=/bin' --change "CMD $cmd" --change "LABEL org.edgemec.test-image=$app")
    [[ -z "$expose" ]] || changes+=(--change "EXPOSE $expose")
    local inputs id1 id2 idd rootfs applet
    inputs=$( { sha256sum "$BUSYBOX" "$ROOT/test-images/build.sh" $(find "$ROOT/test-images/$app" -type f | sort) | cut -d' ' -f1; } | sha256sum | cut -c1-64)

    id1=$("$P1" image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
    id2=$("$P2" image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
    idd=$("$DK" image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
    idd=${idd#sha256:}
    if [[ -n "$id1" && "$id1" == "$id2" && -n "$idd" && -f "$STAMP" && "$(cat "$STAMP")" == "$inputs" ]]; then
        log "$IMAGE up to date on edge1, edge2 and docker (id ${id1:0:12}), skipping"
        return 0
    fi

    work=$(mktemp -d /tmp/edgemec-img.XXXXXX)

    if [[ -z "$id1" || ! -f "$STAMP" || "$(cat "$STAMP")" != "$inputs" ]]; then
        log "building $IMAGE from a busybox-static rootfs into podman edge1"
        rootfs="$work/rootfs"
        mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,run}
        chmod 1777 "$rootfs/tmp"
        cp "$BUSYBOX" "$rootfs/bin/busybox"
        for applet in $("$BUSYBOX" --list); do
            [[ "$applet" == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
        done
        "install_${app//-/_}" "$rootfs"
        printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
        printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
        tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -c . |
            "$P1" import --quiet "${changes[@]}" - "$IMAGE" >/dev/null
        id1=$("$P1" image inspect --format '{{.Id}}' "$IMAGE")
    fi

    log "copying $IMAGE (id ${id1:0:12}) to podman edge2 and docker with save/load"
    "$P1" save -q --format docker-archive -o "$work/image.tar" "$IMAGE" >/dev/null
    "$P2" load -q -i "$work/image.tar" >/dev/null
    "$DK" load -q -i "$work/image.tar" >/dev/null

    id2=$("$P2" image inspect --format '{{.Id}}' "$IMAGE")
    idd=$("$DK" image inspect --format '{{.Id}}' "$IMAGE"); idd=${idd#sha256:}
    [[ "$id1" == "$id2" ]] || die "image id differs between edge1 ($id1) and edge2 ($id2)"
    [[ "$id1" == "$idd" ]] || log "note: docker image id $idd differs from podman's $id1 (docker restores in place only)"
    mkdir -p "$(dirname "$STAMP")"
    echo "$inputs" >"$STAMP"
    rm -rf "$work"
    log "$IMAGE ready: id ${id1:0:12} on edge1, edge2, docker ${idd:0:12}"
}

build_image counter localhost/edgemec/counter:latest '["/bin/counter"]'
build_image httpd localhost/edgemec/httpd:latest '["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]' 8080/tcp
build_image counter-http localhost/edgemec/counter-http:latest '["/bin/counter-http"]' 8080/tcp
