#!/usr/bin/env bash
# Relocation benchmark: time to move a running container with N MiB of touched memory from Podman edge1 to Podman
# edge2 with a CRIU checkpoint, in one run, for each size:
#   edgemec  mec-app-lcm (its own embedded PostgreSQL + Kafka, free ports, hosts without platform URL so provisioning
#            is skipped): the size's package onboarded, instantiated on edge1, then
#            POST /app_lcm_ext/v1/app_instances/{id}/checkpoint_restore
#            {"targetHost":"edge2","mode":"STOP_AND_COPY","commit":"AUTO"} (202 + Location of the AppMove), then the
#            move polled at its Location until COMMITTED (FAILED or any other end: stops with the move's error);
#            timed from the POST to the first answer that shows COMMITTED
#   raw      the same image run directly with podman-edge1, `podman container checkpoint --export` on edge1 and
#            `podman container restore --import` on edge2 through the CLI wrappers, timed with date +%s%N; the archive
#            file on a tmpfs (RAW_DIR), as the engines stage theirs (scripts/setup-engines.sh)
# Every relocation is checked: the restored container must keep counting with the in-memory token of the original
# process (a fresh start draws a new one), otherwise the script stops and reports nothing.
# Writes the section "Relocation" of docs/benchmarks.md and docs/benchmarks-relocation.png (gnuplot).
# Needs: root, JDK 17, Maven (offline is enough once the project was built), busybox-static, gnuplot-nox, zip, jq,
# curl, python3; the engines come from scripts/setup-engines.sh (started here when not running, and then stopped).
# Settings: BENCH_SIZES ("8 64 256 1024", MiB), BENCH_REPS (3), BENCH_WORK, BENCH_RAW_DIR (a tmpfs directory for
# the raw archive, default under /dev/shm).
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/relocation
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/edgemec-bench-reloc}
SIZES=${BENCH_SIZES:-8 64 256 1024}
REPS=${BENCH_REPS:-3}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
PNG=${BENCH_PNG:-$ROOT/docs/benchmarks-relocation.png}
ENGINES=$ROOT/.mec/engines
P1=$ENGINES/bin/podman-edge1
P2=$ENGINES/bin/podman-edge2
IMAGE=localhost/edgemec/bench-reloc
APP_NAME=relobench
RAW_PREFIX=edgemec-bench-reloc
BUSYBOX=${BUSYBOX:-/bin/busybox}
RUN_ID=$(date +%s)
RAW_DIR=${BENCH_RAW_DIR:-/dev/shm/edgemec-bench-reloc-$RUN_ID}
WAIT=120   # seconds any single wait may take
MOVE_WAIT=600   # seconds a move may take until COMMITTED
MOVE_POLL=0.05  # seconds between two GETs of the move

say() { printf '[bench-reloc] %s\n' "$*"; }
die() { printf '[bench-reloc] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in java:openjdk-17-jdk-headless mvn:maven gnuplot:gnuplot-nox zip:zip jq:jq curl:curl python3:python3; do
    command -v "${tool%%:*}" >/dev/null || die "${tool%%:*} is missing: apt-get install ${tool#*:}"
done
[[ -x $BUSYBOX ]] || die "$BUSYBOX missing (apt-get install busybox-static)"
rm -rf "$WORK" && mkdir -p "$WORK" "$RAW_DIR"
DEVSTACK_PID=
LCM_PID=
ENGINES_STARTED=0
SKIPPED=

stop_group() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill "$pid"
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    set +e
    stop_group "$LCM_PID"
    stop_group "$DEVSTACK_PID"
    local p c
    for p in "$P1" "$P2"; do
        [[ -x $p ]] || continue
        for c in $("$p" ps -a --format '{{.Names}}' 2>/dev/null | grep -E "^(mec-$APP_NAME-|$RAW_PREFIX-)"); do
            "$p" rm -f "$c" >/dev/null 2>&1
        done
        for c in $("$p" images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep "^$IMAGE:"); do
            "$p" rmi -f "$c" >/dev/null 2>&1
        done
    done
    rm -rf "$RAW_DIR"
    rm -rf "$WORK"/*.tar "$WORK"/*.zip "$WORK"/packages "$WORK"/pkg-* "$WORK"/rootfs "$WORK"/devstack-data 2>/dev/null
    if [[ $ENGINES_STARTED == 1 ]]; then
        say "stopping the engines this run started"
        "$ROOT/scripts/setup-engines.sh" stop >>"$WORK/engines.log" 2>&1
    fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# --- engines: two Podman hosts (left running when they already were) ----------------------------------------------
engines() {
    if [[ $("$ROOT/scripts/setup-engines.sh" status 2>/dev/null | grep -c 'podman edge[12] .*running, API ready') == 2 ]]; then
        say "Podman edge1 and edge2 already running: left alone"
    else
        say "starting the engines (scripts/setup-engines.sh start; log $WORK/engines.log)"
        ENGINES_STARTED=1
        "$ROOT/scripts/setup-engines.sh" start >"$WORK/engines.log" 2>&1 || die "engines did not start: see $WORK/engines.log"
    fi
}

# --- image: busybox-static rootfs like test-images/build.sh, one tag per size (MEM_MB in its config) ---------------
build_images() {
    local rootfs=$WORK/rootfs applet size id1 id2
    mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,run}
    chmod 1777 "$rootfs/tmp"
    cp "$BUSYBOX" "$rootfs/bin/busybox"
    for applet in $("$BUSYBOX" --list); do
        [[ $applet == busybox ]] || ln -sf busybox "$rootfs/bin/$applet"
    done
    install -m 0755 "$HERE/memcounter.sh" "$rootfs/bin/memcounter"
    printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
    tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf "$WORK/rootfs.tar" .
    for size in $SIZES; do
        "$P1" import --quiet --change 'ENV PATH=/bin' --change "ENV MEM_MB=$size" --change 'CMD ["/bin/memcounter"]' \
            --change 'LABEL org.edgemec.bench=relocation' "$WORK/rootfs.tar" "$IMAGE:$size" >/dev/null
        "$P1" save -q --format docker-archive -o "$WORK/img-$size.tar" "$IMAGE:$size" >/dev/null
        "$P2" load -q -i "$WORK/img-$size.tar" >/dev/null
        id1=$("$P1" image inspect --format '{{.Id}}' "$IMAGE:$size")
        id2=$("$P2" image inspect --format '{{.Id}}' "$IMAGE:$size")
        [[ $id1 == "$id2" ]] || die "image id of $IMAGE:$size differs: edge1 $id1, edge2 $id2"
    done
    say "images $IMAGE:{${SIZES// /,}} on edge1 and edge2 (same ids)"
}

# --- the counter check ---------------------------------------------------------------------------------------------
# sets TOK and COUNT: the token of the container's process and its highest count so far
state_of() {
    local out
    out=$("$1" logs --tail 40 "$2" 2>/dev/null | awk '$1 ~ /^count=/ && $2 ~ /^tok=/ {
        c = substr($1, 7) + 0; t = substr($2, 5); if (c >= m) { m = c; tok = t } } END { print (tok == "" ? "-" : tok), m + 0 }')
    read -r TOK COUNT <<<"$out"
}

# waits until the container counts with token $3 ("any": whichever) beyond $4; sets TOK and COUNT
await_count() {
    local engine=$1 ctr=$2 tok=$3 beyond=$4 deadline=$((SECONDS + WAIT)) s
    while :; do
        state_of "$engine" "$ctr"
        if [[ $TOK != - && ($tok == any || $TOK == "$tok") && $COUNT -gt $beyond ]]; then
            return 0
        fi
        if ((SECONDS >= deadline)); then
            s=$("$engine" logs --tail 5 "$ctr" 2>&1 | tr '\n' '|')
            die "$ctr: no count > $beyond with token $tok in ${WAIT} s (last log: $s)"
        fi
        sleep 0.2
    done
}

# after a restore the counter must continue: same token, at least the count seen before the move, still rising.
# sets FIRST (count when first seen on the target) and AFTER (a later count)
check_continues() {
    local engine=$1 ctr=$2 tok=$3 before=$4 what=$5
    await_count "$engine" "$ctr" "$tok" 0
    FIRST=$COUNT
    ((FIRST >= before)) || die "$what: restored count $FIRST is below $before, the count before the move"
    await_count "$engine" "$ctr" "$tok" "$FIRST"
    AFTER=$COUNT
}

# --- mec-app-lcm on its own devstack -------------------------------------------------------------------------------
start_lcm() {
    local jar=$ROOT/mec-app-lcm/target/quarkus-app/quarkus-run.jar cp=$ROOT/devstack/target/classes
    if [[ ! -f $jar || ! -f $cp/edgemec-devstack.classpath ]]; then
        say "building devstack and mec-app-lcm (log $WORK/build.log)"
        (cd "$ROOT" && mvn -q -o -pl devstack,mec-app-lcm -am install -DskipTests) >"$WORK/build.log" 2>&1 \
            || die "build failed: see $WORK/build.log"
    fi
    local pg kafka ctl i
    pg=$(free_port) kafka=$(free_port) ctl=$(free_port) HTTP=$(free_port)
    LCM=http://127.0.0.1:$HTTP
    setsid java -Xmx256m -cp "$cp:$(cat "$cp/edgemec-devstack.classpath")" org.edgemec.devstack.DevstackMain \
        "$WORK/devstack-data" "$pg" "$kafka" "$ctl" >"$WORK/devstack.log" 2>&1 </dev/null &
    DEVSTACK_PID=$!
    for ((i = 0; i < WAIT * 2; i++)); do
        grep -q '\[devstack\] READY' "$WORK/devstack.log" 2>/dev/null && break
        kill -0 "$DEVSTACK_PID" 2>/dev/null || die "devstack exited: see $WORK/devstack.log"
        sleep 0.5
    done
    grep -q '\[devstack\] READY' "$WORK/devstack.log" || die "devstack not ready: see $WORK/devstack.log"
    local -a env=(QUARKUS_HTTP_PORT="$HTTP" EDGEMEC_INSTANCE_NAME=mec-app-lcm-bench
        EDGEMEC_DB_URL="jdbc:postgresql://127.0.0.1:$pg/edgemec" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka"
        EDGEMEC_LCM_BASE_URL="$LCM" EDGEMEC_OPERATOR_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")" EDGEMEC_LCM_PACKAGE_DIR="$WORK/packages"
        EDGEMEC_EDGE1_PLATFORM_URL= EDGEMEC_EDGE2_PLATFORM_URL= EDGEMEC_EDGE1_MEMORY_MB=16384 EDGEMEC_EDGE2_MEMORY_MB=16384)
    local kv
    while IFS= read -r kv; do [[ $kv == *=* && $kv != \#* ]] && env+=("$kv"); done <"$ENGINES/engines.env"
    say "starting mec-app-lcm on $LCM (PostgreSQL $pg, Kafka $kafka; log $WORK/lcm.log)"
    env "${env[@]}" setsid java -Xmx384m -XX:+UseSerialGC -jar "$jar" >"$WORK/lcm.log" 2>&1 </dev/null &
    LCM_PID=$!
    for ((i = 0; i < WAIT * 2; i++)); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$LCM/q/health/ready") == 200 ]] && return 0
        kill -0 "$LCM_PID" 2>/dev/null || die "mec-app-lcm exited: see $WORK/lcm.log"
        sleep 0.5
    done
    die "mec-app-lcm not ready in $WAIT s: see $WORK/lcm.log"
}

# api METHOD PATH [JSON]: prints the body; dies unless the status is 2xx
api() {
    local method=$1 path=$2 data=${3:-} code
    code=$(curl -s -o "$WORK/api.out" -D "$WORK/api.hdr" -w '%{http_code}' -X "$method" -H 'Content-Type: application/json' \
        ${data:+--data-binary "$data"} --max-time 600 "$LCM$path")
    [[ $code == 2* ]] || die "$method $path answered $code: $(cat "$WORK/api.out")"
    cat "$WORK/api.out"
}

location_path() {  # the Location of the last api call, without the $LCM prefix
    local loc
    loc=$(tr -d '\r' <"$WORK/api.hdr" | awk 'tolower($1) == "location:" { print $2 }')
    [[ -n $loc ]] || die "the last call answered no Location"
    echo "${loc#"$LCM"}"
}

poll_json() {  # poll_json PATH JQ_FILTER VALUE...: waits until the filter yields one of the values; prints it
    local path=$1 filter=$2 v deadline=$((SECONDS + WAIT))
    shift 2
    while :; do
        v=$(curl -s --max-time 5 "$LCM$path" | jq -r "$filter")
        for want in "$@"; do [[ $v == "$want" ]] && { echo "$v"; return 0; }; done
        ((SECONDS < deadline)) || die "$path: $filter is '$v' after $WAIT s"
        sleep 0.2
    done
}

onboard() {  # onboard SIZE: prints the appDId
    local size=$1 appd=$APP_NAME-$size-$RUN_ID dir=$WORK/pkg-$size mem id hash
    mem=$((size + 128))
    mkdir -p "$dir/images"
    cat >"$dir/appd.json" <<JSON
{"appDId": "$appd", "appName": "$APP_NAME", "appProvider": "edgemec", "appSoftVersion": "1.0", "appDVersion": "1.0",
 "mecVersion": "3.1.1", "appDescription": "relocation benchmark app holding $size MiB",
 "virtualComputeDescriptor": {"virtualComputeDescId": "compute", "virtualMemory": {"virtualMemSize": $mem},
   "virtualCpu": {"numVirtualCpu": 1}},
 "swImageDescriptor": [{"id": "image", "name": "$IMAGE:$size", "version": "1.0", "containerFormat": "DOCKER",
   "swImage": {"id": "image-file", "name": "images/app.tar", "version": "1.0", "containerFormat": "DOCKER"}}],
 "appExtCpd": [{"inherited_attributes": {"cpdId": "cp1", "layerProtocol": "IP_OVER_ETHERNET"}}]}
JSON
    cp "$WORK/img-$size.tar" "$dir/images/app.tar"
    (cd "$dir" && zip -q -0 -r "$WORK/pkg-$size.zip" appd.json images)
    hash=$(sha256sum "$WORK/pkg-$size.zip" | cut -d' ' -f1)
    id=$(api POST /app_pkgm/v1/app_packages "{\"appPkgName\": \"$APP_NAME-$size\", \"appPkgVersion\": \"1\",
        \"appPkgPath\": \"$APP_NAME-$size.zip\", \"checksum\": {\"algorithm\": \"SHA-256\", \"hash\": \"$hash\"}}" | jq -r .id)
    curl -sf -o /dev/null -X PUT -H 'Content-Type: application/zip' --data-binary "@$WORK/pkg-$size.zip" \
        "$LCM/app_pkgm/v1/app_packages/$id/package_content" || die "package content upload for $size MiB failed"
    poll_json "/app_pkgm/v1/app_packages/$id" .onboardingState ONBOARDED >/dev/null
    echo "$appd"
}

lcm_op() {  # lcm_op INSTANCE OPERATION JSON: runs the operation and waits for COMPLETED
    local inst=$1 op=$2 body=$3 loc state
    api POST "/app_lcm/v1/app_instances/$inst/$op" "$body" >/dev/null
    loc=$(location_path)
    state=$(poll_json "$loc" .operationState COMPLETED FAILED_TEMP FAILED)
    [[ $state == COMPLETED ]] || die "$op of $inst ended $state: $(curl -s "$LCM/app_lcm_ext/v1/app_lcm_op_occs/${loc##*/}")"
}

# await_move PATH: polls the AppMove at PATH every $MOVE_POLL s until it is COMMITTED and prints it; dies with the
# move's error when it ends otherwise (FAILED, or AWAITING_COMMIT/ROLLED_BACK after a failed compensation) or takes
# longer than $MOVE_WAIT s
await_move() {
    local path=$1 code state deadline=$((SECONDS + MOVE_WAIT))
    while :; do
        code=$(curl -s -o "$WORK/move.out" -w '%{http_code}' --max-time 5 "$LCM$path") || code=000
        [[ $code == 200 ]] || die "GET $path answered $code: $(cat "$WORK/move.out" 2>/dev/null)"
        state=$(jq -r .state "$WORK/move.out")
        case $state in
            COMMITTED)
                jq -e '.error == null' "$WORK/move.out" >/dev/null \
                    || die "move $path COMMITTED but its cleanup failed: $(jq -c .error "$WORK/move.out")"
                cat "$WORK/move.out"
                return 0 ;;
            PROCESSING) ;;
            *) die "move $path ended $state (phase $(jq -r .phase "$WORK/move.out")): $(jq -c .error "$WORK/move.out")" ;;
        esac
        ((SECONDS < deadline)) || die "move $path still $state (phase $(jq -r .phase "$WORK/move.out")) after $MOVE_WAIT s"
        sleep "$MOVE_POLL"
    done
}

# what each EdgeMEC move records, in the order of results.txt after "lcm SIZE REP WALL"
LCM_FIELDS='.timings.totalMs, .timings.freezeDumpMs, .timings.transferRestoreMs, .timings.imageCopyMs, .archiveBytes,
    .timings.downtimeMs, .timings.transferMs, .timings.restoreMs, .timings.criu.frozenUs, .timings.criu.memwriteUs,
    .timings.criu.restoreUs, .timings.criu.memdumpUs'

bench_lcm() {  # bench_lcm SIZE REP INSTANCE
    local size=$1 rep=$2 inst=$3 ctr tok before t0 wall loc move target
    lcm_op "$inst" instantiate '{"selectedMECHostInfo": [{"hostName": "edge1", "hostId": {"name": "edge1"}}]}'
    ctr=$(api GET "/app_lcm/v1/app_instances/$inst" | jq -r '.instantiatedAppState.mcioInfo[0].mcioName')
    await_count "$P1" "$ctr" any 5
    tok=$TOK before=$COUNT
    t0=$(now_ms)
    api POST "/app_lcm_ext/v1/app_instances/$inst/checkpoint_restore" \
        '{"targetHost": "edge2", "mode": "STOP_AND_COPY", "commit": "AUTO"}' >/dev/null
    loc=$(location_path)
    move=$(await_move "$loc")
    wall=$(($(now_ms) - t0))
    echo "$move" >"$WORK/move-$size-$rep.json"
    jq -e "[$LCM_FIELDS] | all(. != null)" <<<"$move" >/dev/null \
        || die "edgemec $size MiB: move $loc lacks a timing or archiveBytes: $(jq -c '{timings, archiveBytes}' <<<"$move")"
    target=$(jq -r .targetContainerId <<<"$move")
    check_continues "$P2" "$target" "$tok" "$before" "edgemec $size MiB"
    "$P1" container exists "$ctr" && die "edgemec $size MiB: source container $ctr still exists on edge1"
    echo "lcm $size $rep $wall $(jq -r "[$LCM_FIELDS] | @tsv" <<<"$move")" >>"$WORK/results.txt"
    say "edgemec $size MiB #$rep: ${wall} ms to COMMITTED (move: $(jq -c '.timings + {archiveBytes}' <<<"$move")); count $before -> $FIRST -> $AFTER"
    lcm_op "$inst" terminate '{"terminationType": "FORCEFUL"}'
}

bench_raw() {  # bench_raw SIZE REP
    local size=$1 rep=$2 src=$RAW_PREFIX-$size-$2 dst=$RAW_PREFIX-$size-$2-r tok before t0 t1 t2 bytes criu
    "$P1" run -d --name "$src" --memory "$((size + 128))m" --cpus 1 "$IMAGE:$size" >/dev/null
    await_count "$P1" "$src" any 5
    tok=$TOK before=$COUNT
    t0=$(date +%s%N)
    "$P1" container checkpoint --export "$RAW_DIR/raw.tar" --compress none --print-stats "$src" >"$WORK/raw-ckpt.json"
    t1=$(date +%s%N)
    "$P2" container restore --import "$RAW_DIR/raw.tar" --name "$dst" --ignore-static-ip --ignore-static-mac \
        --print-stats >"$WORK/raw-restore.json"
    t2=$(date +%s%N)
    check_continues "$P2" "$dst" "$tok" "$before" "raw $size MiB"
    bytes=$(stat -c %s "$RAW_DIR/raw.tar")
    criu=$(jq -r '.container_statistics[0].criu_statistics.frozen_time' "$WORK/raw-ckpt.json")
    criu="$criu $(jq -r '.container_statistics[0].criu_statistics.restore_time' "$WORK/raw-restore.json")"
    [[ $criu =~ ^[0-9]+\ [0-9]+$ ]] || die "raw $size MiB: no CRIU statistics from --print-stats: $criu"
    echo "raw $size $rep $(((t2 - t0) / 1000000)) $(((t1 - t0) / 1000000)) $(((t2 - t1) / 1000000)) $bytes $criu" >>"$WORK/results.txt"
    say "raw $size MiB #$rep: $(((t2 - t0) / 1000000)) ms (checkpoint $(((t1 - t0) / 1000000)), restore $(((t2 - t1) / 1000000)), archive $bytes B); count $before -> $FIRST -> $AFTER"
    "$P1" rm -f "$src" >/dev/null
    "$P2" rm -f "$dst" >/dev/null
    rm -f "$RAW_DIR/raw.tar"
}

# drops sizes the machine cannot hold: source and target hold the data, the raw path writes the archive on disk
fit_sizes() {
    local avail_mb disk_mb size kept=
    avail_mb=$(awk '/MemAvailable/ { print int($2 / 1024) }' /proc/meminfo)
    disk_mb=$(df -Pm "$WORK" | awk 'NR == 2 { print $4 }')
    for size in $SIZES; do
        if ((3 * size + 512 > avail_mb || 2 * size + 1024 > disk_mb)); then
            SKIPPED="$SKIPPED $size"
            say "skipping $size MiB: $avail_mb MB memory available, $disk_mb MB disk free"
        else
            kept="$kept $size"
        fi
    done
    SIZES=${kept# }
    [[ -n $SIZES ]] || die "no size fits this machine"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# prints one line per size: 1 size, 2 lcm_wall, 3 lcm_total, 4 lcm_dump, 5 lcm_xfer_restore, 6 lcm_img, 7 lcm_bytes,
# 8 lcm_downtime, 9 lcm_transfer, 10 lcm_restore, 11 criu_frozen_us, 12 criu_memwrite_us, 13 criu_restore_us,
# 14 criu_memdump_us, 15 raw_total, 16 raw_ckpt, 17 raw_restore, 18 raw_bytes, 19 raw_criu_frozen_us,
# 20 raw_criu_restore_us (each the median of its own column)
summary() {
    local size f kind
    for size in $SIZES; do
        printf '%s' "$size"
        for f in 4 5 6 7 8 9 10 11 12 13 14 15 16; do printf ' %s' "$(awk -v s="$size" -v f="$f" '$1 == "lcm" && $2 == s { print $f }' "$WORK/results.txt" | median)"; done
        for f in 4 5 6 7 8 9; do printf ' %s' "$(awk -v s="$size" -v f="$f" '$1 == "raw" && $2 == s { print $f }' "$WORK/results.txt" | median)"; done
        printf '\n'
    done >"$WORK/summary.txt"
}

plot() {
    gnuplot <<GP
set terminal pngcairo size 900,560 font "sans,11" noenhanced
set output "$PNG"
set title "Relocation edge1 -> edge2 (CRIU STOP_AND_COPY), median of $REPS, $(date -u +%Y-%m-%d)"
set xlabel "memory held by the container (MiB)"
set ylabel "time (s)"
set logscale x 2
set key top left
set grid
plot "$WORK/summary.txt" using 1:(\$8/1000) with linespoints lw 2 pt 7 title "EdgeMEC downtime (freeze to target running)", \
     "$WORK/summary.txt" using 1:(\$15/1000) with linespoints lw 2 pt 5 title "podman CLI checkpoint --export + restore --import", \
     "$WORK/summary.txt" using 1:(\$2/1000) with linespoints lw 1 pt 9 title "EdgeMEC checkpoint_restore, POST to COMMITTED", \
     "$WORK/summary.txt" using 1:(\$4/1000) with linespoints lw 1 dt 2 pt 6 title "EdgeMEC part: freezeDumpMs", \
     "$WORK/summary.txt" using 1:(\$9/1000) with linespoints lw 1 dt 2 pt 4 title "EdgeMEC part: transferMs", \
     "$WORK/summary.txt" using 1:(\$10/1000) with linespoints lw 1 dt 2 pt 8 title "EdgeMEC part: restoreMs"
GP
    say "wrote $PNG"
}

write_doc() {
    local table skipped_note=
    table=$(awk '
        BEGIN {
            print "| MiB held | EdgeMEC downtime (ms) | freezeDumpMs | transferMs | restoreMs | CRIU frozen / memwrite / restore (ms) | raw CLI total (ms) | raw checkpoint / restore (ms) | raw CRIU frozen / restore (ms) | downtime / raw | EdgeMEC move, POST to COMMITTED (ms) | move / raw | archive EdgeMEC / raw (MiB) |"
            print "|---:|---:|---:|---:|---:|---|---:|---|---|---:|---:|---:|---|"
        }
        { printf "| %d | %d | %d | %d | %d | %d / %d / %d | %d | %d / %d | %d / %d | %.2f | %d | %.2f | %.1f / %.1f |\n", $1, $8, $4, $9, $10,
              $11 / 1000, $12 / 1000, $13 / 1000, $15, $16, $17, $19 / 1000, $20 / 1000, $8 / $15, $2, $2 / $15,
              $7 / 1048576, $18 / 1048576 }' "$WORK/summary.txt")
    local split
    split=$(awk '{ printf "%s%d MiB %+d ms (transferMs %d, freezeDumpMs %+d, restoreMs %+d; CRIU frozen %+d, restore %+d)",
        (NR > 1 ? "; " : ""), $1, $8 - $15, $9, $4 - $16, $10 - $17, ($11 - $19) / 1000, ($13 - $20) / 1000 }' "$WORK/summary.txt")
    local above
    above=$(awk '$8 / $15 > 1.0 { printf "%s%d", (n++ ? ", " : ""), $1 }' "$WORK/summary.txt")
    [[ -z $SKIPPED ]] || skipped_note="
- Skipped sizes:${SKIPPED} MiB (memory available below 3x or disk free below 2x the size on this run)."
    local section
    section=$(cat <<DOC
## Relocation

\`bench/relocation/run.sh\`, run on $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -r)), Podman $("$P1" version --format '{{.Client.Version}}'),
CRIU $("$(grep '^EDGEMEC_CRIU=' "$ENGINES/engines.env" | cut -d= -f2)" --version 2>/dev/null | awk '/Version/ { print $2 }'), two Podman hosts on the same machine (\`scripts/setup-engines.sh\`), loopback only
(1-minute load average at the start: ${LOAD_AT_START}, from other work on the machine). Median of $REPS moves per size and
method, EdgeMEC and raw interleaved in the same run.

![relocation time vs memory size](benchmarks-relocation.png)

$table

- **App**: \`bench/relocation/memcounter.sh\` in a busybox-static image built like \`test-images/build.sh\` (one tag per
  size, \`MEM_MB\` in its config; same image id on edge1 and edge2 through save/load, so no image is copied). It
  holds N MiB of \`/dev/urandom\` in memory (the block buffer of \`dd bs=N MiB count=1\`, kept while dd waits to
  write into a pipe nobody reads: incompressible anonymous pages, exactly N MiB touched), then prints
  \`count=N tok=T\` every 100 ms; T is drawn at start and lives only in the shell's memory.
- **Check**: after every move the restored container must print the same T with a count at least the one seen
  before the move and then keep rising, else the script stops without writing results. Every move passed.
- **EdgeMEC**: mec-app-lcm (\`java -Xmx384m -XX:+UseSerialGC -jar quarkus-run.jar\`) on its own embedded PostgreSQL
  and Kafka, hosts edge1/edge2 without platform URL (provisioning skipped). One package per size onboarded through
  \`/app_pkgm/v1\`, the instance instantiated on edge1 through \`/app_lcm/v1\` (not timed), then
  \`POST /app_lcm_ext/v1/app_instances/{id}/checkpoint_restore\`
  \`{"targetHost": "edge2", "mode": "STOP_AND_COPY", "commit": "AUTO"}\`, which answers 202 with the \`Location\` of
  the AppMove; the script then GETs that move every ${MOVE_POLL} s until its \`state\` is COMMITTED (a FAILED move
  stops the script with the move's \`error\`). The columns up to "CRIU" are the move's own \`timings\`:
  "EdgeMEC downtime" = \`downtimeMs\`, from the checkpoint request (the freeze) until edge2 answered that the
  restored container runs; its parts: \`freezeDumpMs\` until edge1 starts sending (libpod sends only once CRIU's dump
  is done, the whole tar is written to its \`TMPDIR\` and the source's storage and network are cleaned up; the
  checkpoint is exported with \`keep=true\`, kept on edge1 for a rollback until the commit), then the DUMPED commit to
  PostgreSQL (the few ms the parts leave over), \`transferMs\` until the archive's last byte went to edge2 (relayed
  by the JVM from edge1's answer into edge2's request in 1 MiB chunks, edge2 saving it to its \`TMPDIR\`),
  \`restoreMs\` until edge2 answered (it reads the archive for the config, creates the container, unpacks, CRIU
  restores). "CRIU" shows CRIU's own \`frozen_time\` and \`memwrite_time\` (the \`stats-dump\` inside the
  archive) and \`restore_time\` (edge2's \`printStats\` answer). "EdgeMEC move, POST to COMMITTED" is the wall time
  from the POST to the first answer showing COMMITTED, as a client sees it (up to one poll interval more): besides the
  downtime it holds granting on edge2, the phase commits and the commit itself (the instance naming edge2, the source
  grant released, the source container removed with its kept checkpoint), which the raw CLI does not do. The app has
  no port, so there is no TCP probe and no \`firstResponseMs\`. The instance is terminated after each move and
  instantiated again. \`imageCopyMs\` was 0 in every move (edge2 holds the image id).
- **Engines**: \`scripts/setup-engines.sh\` starts each Podman service with \`TMPDIR\` on a tmpfs, where libpod 4.3
  stages the exported tar and the received body as whole files (see [engines.md](engines.md#checkpoint-archives-in-podman-431)).
- **raw CLI**: the same image run with \`podman-edge1 run --memory\` (same limit), then
  \`podman-edge1 container checkpoint --export raw.tar --compress none\` and
  \`podman-edge2 container restore --import raw.tar --ignore-static-ip --ignore-static-mac\` (the options the
  EdgeMEC engine adapter passes through the libpod API: uncompressed archive, root file system changes included),
  timed with \`date +%s%N\` around the two commands, both with \`--print-stats\` for CRIU's \`frozen_time\` and
  \`restore_time\` ("raw CRIU" column; read after the work, from the files CRIU wrote); \`raw.tar\` lies on a tmpfs (\`/dev/shm\`), like the
  engines' staged copies, so neither side writes the archive to the disk's file system. Removing the source is not
  timed.
- **Above 1.0x** (downtime / raw) in this run: ${above:-no size}${above:+ MiB}. With Podman 4.3's API a move does
  what the raw CLI does plus one step in series: edge1 answers only once its whole tar is staged and edge2 restores
  only once the whole body is staged, so the transfer between them overlaps neither; the raw CLI hands one file from
  one command to the next. \`transferMs\` grows with the archive and is bounded by edge1's answer (in
  [engines.md](engines.md#checkpoint-archives-in-podman-431), \`curl\` needed 440-620 ms to read a 256 MiB export).
  In \`freezeDumpMs\` and \`restoreMs\` EdgeMEC only waits for the engine's answer; their differences to the raw
  parts, like CRIU's own, vary from run to run with the load of the machine.
- **Where the time goes**, EdgeMEC downtime minus the raw CLI total, with \`transferMs\` (the step the raw CLI does
  not have: edge1's staged tar sent through the JVM into edge2's staged body) and each part minus its raw counterpart
  (\`freezeDumpMs\` - raw checkpoint, \`restoreMs\` - raw restore, CRIU's own times against the raw run's), medians:
  ${split}. What libpod does in each
  part is in [engines.md](engines.md#checkpoint-archives-in-podman-431); the parts leave a few ms for the DUMPED
  commit, which must be durable before edge2 may create the container (recovery relies on it).
- Each cell is the median of its own column over the repetitions (so the parts need not add up to the downtime);
  "downtime / raw" divides the median downtime by the median raw total, "move / raw" the median wall time by it.
  Memory limit per container: N + 128 MiB. The archive column is what actually moves (the N MiB plus the processes'
  other pages and the checkpoint metadata).
- \`/dev/shm\` is not used for the fill: containers get the engine's default 64 MiB \`/dev/shm\` and the engine
  adapter has no shm size setting, so it could not hold 256 MiB or more.${skipped_note}
DOC
)
    mkdir -p "$(dirname "$DOC")"
    [[ -f $DOC ]] || printf '# Benchmarks\n\nMeasured with the scripts under `bench/`; each section is written by its script.\n' >"$DOC"
    # replace the section "## Relocation" (up to the next "## "), keep every other section
    SECTION="$section" python3 - "$DOC" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].rstrip() + "\n"
pattern = re.compile(r"^## Relocation\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
PY
    say "wrote the section 'Relocation' of $DOC"
}

LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)
engines
fit_sizes
build_images
start_lcm
: >"$WORK/results.txt"
for size in $SIZES; do
    appd=$(onboard "$size")
    inst=$(api POST /app_lcm/v1/app_instances "{\"appDId\": \"$appd\"}" | jq -r .id)
    say "$size MiB: package $appd onboarded, instance $inst"
    for ((rep = 1; rep <= REPS; rep++)); do
        bench_lcm "$size" "$rep" "$inst"
        bench_raw "$size" "$rep"
    done
done
summary
plot
write_doc
cat "$WORK/summary.txt"
