#!/usr/bin/env bash
# Builds the container images of the EdgeMEC services without any registry:
#   localhost/edgemec/base:<version>                a jlink-made JRE of the JDK 17 on this machine, in a root file
#                                                   system of busybox-static, the glibc libraries the JRE links,
#                                                   CA certificates and the non-root user edgemec (uid 1001)
#   localhost/edgemec/<service>:<version>           each service's Quarkus fast-jar (target/quarkus-app) on that
#                                                   base, for relocation-service, mec-app-lcm, mec-platform
# into a Podman store of its own (.mec/images/, used through .mec/images/bin/podman), apart from the edge engines.
# The base is rebuilt only when its inputs change (JDK, module list, busybox, CA certificates, this script); the
# service images reuse Podman's layer cache.
#
# Usage: images/build.sh [--save DIR]
#   --save DIR   also writes DIR/<service>-<version>.tar (docker-archive: `docker load -i`, `podman load -i`)
# Env:   EDGEMEC_IMAGES_DIR   the store (default <repo>/.mec/images)
#        EDGEMEC_IMAGE_TAG    the tag (default: the project version of pom.xml)
# The service modules must be built (./mec images builds them when stale). Runs as root (rootful Podman store).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/runroot.sh
source "$ROOT/scripts/lib/runroot.sh"
STATE="${EDGEMEC_IMAGES_DIR:-$ROOT/.mec/images}"
PODMAN="$STATE/bin/podman"
JDK="${EDGEMEC_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
BUSYBOX="${BUSYBOX:-/bin/busybox}"
SERVICES=(relocation-service mec-app-lcm mec-platform)
APP_UID=1001

log() { echo "[images] $*"; }
die() { echo "[images] ERROR: $*" >&2; exit 1; }

project_version() { sed -n '0,/<artifactId>edgemec-parent<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1; }
TAG="${EDGEMEC_IMAGE_TAG:-$(project_version)}"
BASE_IMAGE="localhost/edgemec/base:$TAG"

save_dir=""
while (($#)); do
    case $1 in
        --save) [[ -n ${2:-} ]] || die "--save needs a directory"; save_dir=$2; shift 2 ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done

[[ $(id -u) == 0 ]] || die "run as root (the image store is a rootful Podman store)"
command -v podman >/dev/null || die "podman missing: run scripts/setup-engines.sh (it installs it)"
[[ -x $JDK/bin/jlink && -d $JDK/jmods ]] || die "$JDK has no jlink/jmods (a full JDK 17 is needed)"
"$JDK/bin/java" -version 2>&1 | grep -q 'version "17' || die "$JDK is not a JDK 17"
[[ -x $BUSYBOX ]] && file -L "$BUSYBOX" | grep -q 'statically linked' ||
    die "$BUSYBOX is not a static busybox (apt-get install busybox-static)"
for s in "${SERVICES[@]}"; do
    [[ -f $ROOT/$s/target/quarkus-app/quarkus-run.jar ]] || die "$s/target/quarkus-app missing: ./mec build (or ./mec images)"
done

# --- the store: its own root, runroot, tmpdir and containers.conf, one wrapper that every call goes through ---------
write_store() {
    local runroot
    runroot=$(podman_runroot "$STATE/runroot")
    mkdir -p "$STATE/bin" "$STATE/root" "$runroot" "$STATE/tmp"
    # as for the edge engines (scripts/setup-engines.sh): no systemd and no journald here (cgroupfs, file events,
    # k8s-file logs), and ulimits runc may set here (the default nofile limit is refused: "error setting rlimit")
    cat >"$STATE/containers.conf" <<'EOF'
# Written by images/build.sh; used through CONTAINERS_CONF by .mec/images/bin/podman.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
log_driver = "k8s-file"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
    cat >"$PODMAN" <<EOF
#!/bin/sh
# podman on the EdgeMEC image store (written by images/build.sh)
export CONTAINERS_CONF='$STATE/containers.conf'
exec podman --root '$STATE/root' --runroot '$runroot' --tmpdir '$STATE/tmp' "\$@"
EOF
    chmod +x "$PODMAN"
}

# --- base image --------------------------------------------------------------------------------------------------

# The JDK modules the three services use: jdeps over the classes of every jar of their fast-jars, plus modules
# reached only through reflection or service loading, which jdeps cannot see: jdk.crypto.ec (elliptic-curve TLS of
# the edge proxy and of clients) and jdk.zipfs (the jar: file system). The classes are unpacked into one directory
# first, without module-info: jdeps given a modular jar resolves its module's requirements and fails on those
# outside the fast-jar.
EXTRA_MODULES=jdk.crypto.ec,jdk.zipfs

# jdeps_over <jar>...: the modules the classes of the jars need (comma separated)
jdeps_over() {
    local classes jar found
    classes=$(mktemp -d "$STATE/tmp/classes.XXXXXX")
    for jar in "$@"; do
        # exit 11: a jar without classes (quarkus-run.jar holds only a manifest)
        unzip -qo "$jar" '*.class' -x 'module-info.class' 'META-INF/*' -d "$classes" 2>/dev/null || true
    done
    found=$("$JDK/bin/jdeps" -q --ignore-missing-deps --print-module-deps "$classes") || { rm -rf "$classes"; die "jdeps failed"; }
    rm -rf "$classes"
    echo "$found"
}

# The libraries (lib/) are analysed once per set of jar names (a new library version is a new name: about a
# minute of jdeps on 2 cores); the services' own classes (app/, quarkus/) on every build.
jre_modules() {
    local s libs=() own=() key cache
    for s in "${SERVICES[@]}"; do
        mapfile -t -O "${#libs[@]}" libs < <(find "$ROOT/$s/target/quarkus-app/lib" -name '*.jar' | sort)
        mapfile -t -O "${#own[@]}" own < <(find "$ROOT/$s/target/quarkus-app/app" "$ROOT/$s/target/quarkus-app/quarkus" -name '*.jar' | sort)
    done
    key=$( { "$JDK/bin/java" -version 2>&1; printf '%s\n' "${libs[@]##*/}" | sort -u; } | sha256sum | cut -c1-16)
    cache="$STATE/lib-modules-$key"
    if [[ ! -s $cache ]]; then
        log "jdeps --print-module-deps over the ${#libs[@]} library jars of ${SERVICES[*]}" >&2
        rm -f "$STATE"/lib-modules-*
        jdeps_over "${libs[@]}" >"$cache.tmp"
        mv "$cache.tmp" "$cache"
    fi
    { cat "$cache"; jdeps_over "${own[@]}"; echo "$EXTRA_MODULES"; } | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd,
}

# copy_libs ROOTFS FILE...: the shared libraries FILE links (ldd), copied to the same paths inside ROOTFS
copy_libs() {
    local rootfs=$1 lib
    shift
    # "name => /path (addr)" lines, and the loader's own "/path (addr)" line
    for lib in $(ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(/ {print $1}' | sort -u); do
        # the JRE's own libraries (found through its RPATH) are in place already
        [[ $lib == "$rootfs"/* || -e $rootfs$lib ]] && continue
        mkdir -p "$rootfs$(dirname "$lib")"
        cp -L "$lib" "$rootfs$lib"
    done
}

build_base() {
    local modules inputs stamp="$STATE/base.inputs" work rootfs applet
    modules=$(jre_modules)
    inputs=$( { echo "$modules"; "$JDK/bin/java" -version 2>&1; sha256sum "$BUSYBOX" "$0" /etc/ssl/certs/java/cacerts \
        /etc/ssl/certs/ca-certificates.crt | cut -d' ' -f1; } | sha256sum | cut -c1-64)
    if "$PODMAN" image exists "$BASE_IMAGE" && [[ -f $stamp && $(<"$stamp") == "$inputs" ]]; then
        log "$BASE_IMAGE up to date, skipping"
        return 0
    fi
    work=$(mktemp -d "$STATE/tmp/base.XXXXXX")
    rootfs=$work/rootfs
    log "jlink: JRE of $JDK with $modules"
    # strip-debug / no man pages / no headers: the image runs the services, nobody compiles in it; the default CDS
    # archive of the JDK classes is regenerated for this module set (the JVM starts faster with it)
    # (the CDS step warns about every class of its list outside these modules: the output goes to a log)
    "$JDK/bin/jlink" --add-modules "$modules" --output "$rootfs/opt/java" --strip-debug --no-man-pages \
        --no-header-files --compress=2 --generate-cds-archive >"$STATE/jlink.log" 2>&1 ||
        { tail -20 "$STATE/jlink.log" >&2; die "jlink failed: $STATE/jlink.log"; }
    # Debian's JDK points these at /etc; inside the image they must be real files
    rm -f "$rootfs/opt/java/lib/security/cacerts"
    cp -L /etc/ssl/certs/java/cacerts "$rootfs/opt/java/lib/security/cacerts"
    local f
    for f in "$rootfs"/opt/java/lib/security/* "$rootfs"/opt/java/conf/security/* "$rootfs"/opt/java/conf/*; do
        [[ -L $f ]] || continue
        cp --remove-destination -L "$(readlink -f "$f")" "$f" 2>/dev/null || rm -f "$f"
    done
    mkdir -p "$rootfs"/{bin,etc/ssl/certs,tmp,proc,sys,dev,run,app,var/lib/edgemec}
    chmod 1777 "$rootfs/tmp"
    cp "$BUSYBOX" "$rootfs/bin/busybox"
    for applet in $("$BUSYBOX" --list); do
        [[ $applet == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
    done
    cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
    copy_libs "$rootfs" "$rootfs/opt/java/bin/java" $(find "$rootfs/opt/java" -name '*.so')
    "$rootfs/opt/java/bin/java" -version >/dev/null 2>&1 || die "the jlinked JRE does not run on the host: $work"
    printf 'root:x:0:0:root:/root:/bin/sh\nedgemec:x:%s:%s:edgemec:/var/lib/edgemec:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
        "$APP_UID" "$APP_UID" >"$rootfs/etc/passwd"
    printf 'root:x:0:\nedgemec:x:%s:\nnogroup:x:65534:\n' "$APP_UID" >"$rootfs/etc/group"
    printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
    chown -R 0:0 "$rootfs"
    # the working directory of the services: their relative default paths (.mec/ca, .mec/packages) land here
    chown "$APP_UID:$APP_UID" "$rootfs/var/lib/edgemec"
    log "importing $BASE_IMAGE ($(du -sh "$rootfs" | cut -f1) root file system)"
    tar --numeric-owner -C "$rootfs" -c . | "$PODMAN" import --quiet \
        --change 'ENV PATH=/opt/java/bin:/bin' --change 'ENV JAVA_HOME=/opt/java' \
        --change "USER $APP_UID" --change 'WORKDIR /var/lib/edgemec' \
        --change 'LABEL org.opencontainers.image.title=edgemec-base' \
        --change 'LABEL org.opencontainers.image.description=jlink JRE 17 on busybox-static, user edgemec (1001)' \
        - "$BASE_IMAGE" >/dev/null
    # the JRE must run in that root file system alone (with the libraries copied in), not only on the host
    "$PODMAN" run --rm --network none "$BASE_IMAGE" java -version >/dev/null 2>&1 ||
        die "the JRE of $BASE_IMAGE does not run in it: $PODMAN run --rm $BASE_IMAGE java -version"
    echo "$inputs" >"$stamp"
    echo "$modules" >"$STATE/base.modules"
    rm -rf "$work"
}

# --- service images ----------------------------------------------------------------------------------------------

build_service() {
    local s=$1 image="localhost/edgemec/$1:$TAG"
    log "building $image from $s/target/quarkus-app on $BASE_IMAGE"
    "$PODMAN" build --quiet --layers --pull=never --build-arg "BASE=$BASE_IMAGE" \
        --label "org.opencontainers.image.version=$TAG" \
        -f "$ROOT/images/$s/Containerfile" -t "$image" "$ROOT/$s/target/quarkus-app" >/dev/null
}

write_store
build_base
for s in "${SERVICES[@]}"; do build_service "$s"; done
# images a rebuild left without a tag
"$PODMAN" image prune -f >/dev/null 2>&1 || true
if [[ -n $save_dir ]]; then
    mkdir -p "$save_dir"
    for s in "${SERVICES[@]}"; do
        log "saving localhost/edgemec/$s:$TAG to $save_dir/$s-$TAG.tar"
        rm -f "$save_dir/$s-$TAG.tar"
        "$PODMAN" save --quiet --format docker-archive -o "$save_dir/$s-$TAG.tar" "localhost/edgemec/$s:$TAG"
    done
fi
"$PODMAN" images --filter reference='localhost/edgemec/*' --format '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}' |
    sed 's/^/[images]   /'
log "done; the store: $PODMAN (e.g. $PODMAN run --rm --network host -e ... localhost/edgemec/mec-app-lcm:$TAG)"
