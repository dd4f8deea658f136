#!/usr/bin/env bash
# Start-up benchmark, two parts in one run:
#   Start-up  `./mec up` from a stopped stack (engines already running): wall time until every service answers
#             /q/health/ready 200, per service the time from its start (./mec's "starting <name>" line) to that
#             first 200 and its VmRSS right then (/proc/<pid>/status, pid from .mec/run/<name>.pid). Baselines of
#             the same run: `java -version` (median of 5) and the embedded PostgreSQL + Kafka alone (the first phase
#             of `up`, which starts them before any service). Measured for three sets of JVM options
#             (EDGEMEC_JAVA_OPTS): the previous default (BENCH_BEFORE_OPTS), ./mec's default with
#             -XX:TieredStopAtLevel=1, and ./mec's default.
#   Images    each service image of `./mec images` started with `podman run --network host` against that stack's
#             PostgreSQL and Kafka, beside the same service from its fast-jar with the host JDK and the same JVM
#             options and environment: time from the start command to /q/health/ready UP, VmRSS then, image size.
# Writes the sections "Start-up" and "Images" of docs/benchmarks.md. Leaves the stack running (./mec down stops it).
# Needs: root (the image store), the engines of scripts/setup-engines.sh running, curl, python3. Ports: the
# EDGEMEC_*_PORT variables of ./mec; the extra instances of the Images part take free ports from 28281 up.
# Usage: bench/startup/run.sh [--no-images]
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MEC=$ROOT/mec
STATE=${EDGEMEC_STATE_DIR:-$ROOT/.mec}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/edgemec-bench-startup.XXXXXX")
WAIT=180 # seconds any single start may take
PG_PORT=${EDGEMEC_PG_PORT:-15432}
KAFKA_PORT=${EDGEMEC_KAFKA_PORT:-19092}
SERVICES=("relocation-service:${EDGEMEC_RELOCATION_PORT:-18080}" "mec-app-lcm:${EDGEMEC_LCM_PORT:-18081}"
    "mec-platform-edge1:${EDGEMEC_EDGE1_PORT:-18082}" "mec-platform-edge2:${EDGEMEC_EDGE2_PORT:-18083}")
images=1
[[ ${1:-} == --no-images ]] && images=0

say() { printf '[bench-startup] %s\n' "$*"; }
die() { printf '[bench-startup] ERROR: %s\n' "$*" >&2; exit 1; }

EXTRA=()
cleanup() {
    local e
    for e in "${EXTRA[@]}"; do
        case $e in
            pid:*) kill -TERM "${e#pid:}" 2>/dev/null || true ;;
            ctr:*) "$STATE/images/bin/podman" rm -f -t 5 "${e#ctr:}" >/dev/null 2>&1 || true ;;
        esac
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in curl python3 java; do command -v "$tool" >/dev/null || die "$tool is missing"; done
[[ $("$ROOT/scripts/setup-engines.sh" status 2>/dev/null | grep -c 'running, API ready') == 3 ]] ||
    die "the engines are not running: scripts/setup-engines.sh start (the benchmark measures up with engines set up)"

now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.1f}')" "$1" "$2"; }
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null) == 200 ]]; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# --- baseline: java -version -----------------------------------------------------------------------------------

java_version_s() {
    local i t0 all=()
    for i in 1 2 3 4 5; do
        t0=$(now)
        java -Xmx384m -XX:+UseSerialGC -version >/dev/null 2>&1
        all+=("$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.3f}')" "$(now)" "$t0")")
    done
    printf '%s\n' "${all[@]}" | sort -n | sed -n 3p
}

# --- Start-up ----------------------------------------------------------------------------------------------------

# poll_health OUT: one line "<name> <epoch> <rss MB>" per service, at its first /q/health/ready 200
poll_health() {
    local out=$1 deadline=$((SECONDS + WAIT)) s name port pid pending
    : >"$out"
    while ((SECONDS < deadline)); do
        pending=0
        for s in "${SERVICES[@]}"; do
            name=${s%%:*} port=${s#*:}
            grep -q "^$name " "$out" && continue
            pending=1
            if ready "$port" && pid=$(cat "$STATE/run/$name.pid" 2>/dev/null); then
                echo "$name $(now) $(rss_mb "$pid")" >>"$out"
            fi
        done
        ((pending)) || return 0
        sleep 0.2
    done
}

# measure_up: ./mec down, then ./mec up timed (EDGEMEC_JAVA_OPTS as the caller set it); fails (1) when up had to
# build first (that run is not a start-up)
measure_up() {
    "$MEC" down >/dev/null 2>&1 || true
    LOAD=$(loadavg)
    JAVA_VERSION=$(java_version_s)
    say "java -version: ${JAVA_VERSION} s; load average $LOAD; ./mec up with ${EDGEMEC_JAVA_OPTS:-its default JVM options}"
    T0=$(now)
    poll_health "$WORK/healthy" &
    local poller=$!
    "$MEC" up 2>&1 | while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done >"$WORK/up.log"
    wait "$poller" || true
    grep -q '\[mec\] all services healthy' "$WORK/up.log" || { sed 's/^[^ ]* //' "$WORK/up.log" | tail -20; die "./mec up failed"; }
    ! grep -q '\[mec\] building ' "$WORK/up.log"
}

t_of() { grep -m1 -F "$1" "$WORK/up.log" | cut -d' ' -f1; }

# the JVM options ./mec gives the services by default, and the variants measured beside them, in turn, for
# BENCH_ROUNDS rounds (the machine's load changes within minutes: each round compares variants measured close
# together); the default last, so the stack left running for the Images part is the default one
DEFAULT_OPTS=$(sed -n 's/^SERVICE_JAVA_OPTS=\${EDGEMEC_JAVA_OPTS:-\(.*\)}$/\1/p' "$MEC")
[[ -n $DEFAULT_OPTS ]] || die "could not read SERVICE_JAVA_OPTS from $MEC"
VARIANTS=("${BENCH_BEFORE_OPTS:--Xmx384m -XX:+UseSerialGC}" "$DEFAULT_OPTS -XX:TieredStopAtLevel=1" "$DEFAULT_OPTS")
LETTERS=(A B C)
ROUNDS=${BENCH_ROUNDS:-2}
declare -A WALL DEV LOADS JV TTR RSS QK SUM MAX
for ((r = 1; r <= ROUNDS; r++)); do
    for v in "${!VARIANTS[@]}"; do
        k=$r,$v
        opts=${VARIANTS[v]}
        export EDGEMEC_JAVA_OPTS=$opts
        [[ $opts == "$DEFAULT_OPTS" ]] && unset EDGEMEC_JAVA_OPTS
        say "round $r, ${LETTERS[v]}"
        measure_up || { say "./mec up built modules first: measuring again from a stopped stack"; measure_up; } ||
            die "./mec up builds again on the second run (see $STATE/logs/build.log)"
        DEV[$k]=$(secs "$(t_of 'embedded PostgreSQL + Kafka ready')" "$T0")
        WALL[$k]=$(secs "$(sort -k2 -n "$WORK/healthy" | tail -1 | cut -d' ' -f2)" "$T0")
        LOADS[$k]=$LOAD JV[$k]=$JAVA_VERSION SUM[$k]=0 MAX[$k]=0
        for s in "${SERVICES[@]}"; do
            name=${s%%:*}
            read -r _ t rss < <(grep "^$name " "$WORK/healthy")
            TTR[$k,$name]=$(secs "$t" "$(t_of "[mec] starting $name ")")
            RSS[$k,$name]=$rss
            QK[$k,$name]=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$STATE/logs/$name.log" | head -1)
            SUM[$k]=$((SUM[$k] + rss))
            ((rss > MAX[$k])) && MAX[$k]=$rss
            say "$name: healthy ${TTR[$k,$name]} s after its start (Quarkus: started in ${QK[$k,$name]} s), RSS $rss MB"
        done
        say "all healthy ${WALL[$k]} s after ./mec up began (PostgreSQL + Kafka alone: ${DEV[$k]} s)"
    done
done
unset EDGEMEC_JAVA_OPTS
JVM_OPTS=$DEFAULT_OPTS

# --- Images ------------------------------------------------------------------------------------------------------

image_rows=""
if ((images)); then
    say "./mec images (log: $WORK/images.log)"
    "$MEC" images >"$WORK/images.log" 2>&1 || { tail -20 "$WORK/images.log"; die "./mec images failed"; }
    PODMAN=$STATE/images/bin/podman
    TAG=$(sed -n '0,/<artifactId>edgemec-parent<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
    token=$(tr -d '[:space:]' <"$STATE/operator-token")
    # free_from N: the first port from N up that nobody listens on (TCP or UDP)
    free_from() { local p=$1; while ss -Hltun "sport = :$p" | grep -q .; do p=$((p + 1)); done; echo "$p"; }
    # env_of <module>: the environment of one extra instance, as KEY=VALUE lines
    env_of() {
        local p
        p=$(free_from 28281)
        echo "QUARKUS_HTTP_PORT=$p"
        printf '%s\n' EDGEMEC_HTTP_HOST=127.0.0.1 "EDGEMEC_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/edgemec" \
            "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT" "EDGEMEC_OPERATOR_TOKEN=$token" \
            "EDGEMEC_INSTANCE_NAME=bench-$1" "EDGEMEC_DB_SCHEMA=bench_${1//-/_}"
        if [[ $1 == mec-platform ]]; then
            local dns https http
            dns=$(free_from $((p + 1))); https=$(free_from $((dns + 1))); http=$(free_from $((https + 1)))
            printf '%s\n' EDGEMEC_HOST_NAME=benchedge EDGEMEC_DNS_BIND=127.0.0.1 "EDGEMEC_DNS_PORT=$dns" \
                EDGEMEC_PROXY_LISTEN_HOST=127.0.0.1 "EDGEMEC_PROXY_HTTPS_PORT=$https" "EDGEMEC_PROXY_HTTP_PORT=$http" \
                "EDGEMEC_PROXY_CA_DIR=$WORK/ca"
        fi
    }
    # await_up <port> <pid-or-empty> <container-or-empty>: seconds since T, or dies
    await_up() {
        local deadline=$((SECONDS + WAIT))
        until ready "$1"; do
            ((SECONDS < deadline)) || die "instance on port $1 not ready in ${WAIT}s"
            if [[ -n $2 ]]; then kill -0 "$2" 2>/dev/null || die "instance on port $1 exited"; fi
            sleep 0.1
        done
        secs "$(now)" "$T"
    }
    for module in relocation-service mec-app-lcm mec-platform; do
        # from the fast-jar, with the JVM options of ./mec
        mapfile -t env < <(env_of "$module")
        p=${env[0]#QUARKUS_HTTP_PORT=}
        T=$(now)
        # in $WORK: the relative default paths of a service (.mec/packages, .mec/ca) land there
        # shellcheck disable=SC2086
        (cd "$WORK" && exec env "${env[@]}" java $JVM_OPTS -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar") \
            >"$WORK/$module-jar.log" 2>&1 &
        pid=$!
        EXTRA+=("pid:$pid")
        jar_s=$(await_up "$p" "$pid" "")
        jar_rss=$(rss_mb "$pid")
        kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
        # from its image (the image's own JAVA_OPTS are the same options)
        mapfile -t env < <(env_of "$module")
        p=${env[0]#QUARKUS_HTTP_PORT=}
        [[ $module != mec-platform ]] || env[-1]=EDGEMEC_PROXY_CA_DIR=/tmp/ca
        args=()
        for kv in "${env[@]}"; do args+=(-e "$kv"); done
        ctr=bench-startup-$module-$$
        T=$(now)
        "$PODMAN" run -d --name "$ctr" --network host "${args[@]}" "localhost/edgemec/$module:$TAG" >/dev/null
        EXTRA+=("ctr:$ctr")
        img_s=$(await_up "$p" "" "$ctr")
        img_rss=$(rss_mb "$("$PODMAN" inspect --format '{{.State.Pid}}' "$ctr")")
        "$PODMAN" rm -f -t 10 "$ctr" >/dev/null
        size=$("$PODMAN" image inspect --format '{{.Size}}' "localhost/edgemec/$module:$TAG")
        jar_mb=$(du -sm "$ROOT/$module/target/quarkus-app" | cut -f1)
        ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$img_s" "$jar_s")
        image_rows+="| $module | $((size / 1000000)) | $jar_mb | $img_s | $jar_s | $ratio | $img_rss | $jar_rss |"$'\n'
        say "$module: image $((size / 1000000)) MB, UP in $img_s s (fast-jar: $jar_s s), RSS $img_rss MB (fast-jar: $jar_rss MB)"
    done
    base_mb=$(( $("$PODMAN" image inspect --format '{{.Size}}' "localhost/edgemec/base:$TAG") / 1000000 ))
    modules="modules $(sed 's/,/, /g' "$STATE/images/base.modules")"
fi

# --- the document ------------------------------------------------------------------------------------------------

replace_section() {
    SECTION="$2" python3 - "$DOC" "$1" <<'PY'
import os, re, sys
path, title = sys.argv[1], sys.argv[2]
text = open(path).read()
section = os.environ["SECTION"].rstrip() + "\n"
pattern = re.compile(r"^## " + re.escape(title) + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
PY
}

DAY=$(date +%F)
CORES=$(nproc)
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$1" "$2"; }
# per_round ARRAY VARIANT: the values of every round, "a / b"
per_round() {
    local -n arr=$1
    local r out=()
    for ((r = 1; r <= ROUNDS; r++)); do out+=("${arr[$r,$2]}"); done
    local IFS=/
    sed 's|/| / |g' <<<"${out[*]}"
}
legend="" summary_rows="" service_head="| service |" service_sep="|---|" service_rows=""
for v in "${!VARIANTS[@]}"; do
    legend+="- **${LETTERS[v]}**: \`${VARIANTS[v]}\`"
    case $v in
        0) legend+=" (the default of \`./mec\` before -Xms64m)" ;;
        1) legend+=" (C1 only: no C2 compilation)" ;;
    esac
    [[ ${VARIANTS[v]} == "$DEFAULT_OPTS" ]] && legend+=" (the default of \`./mec\` now)"
    legend+=$'\n'
    service_head+=" ${LETTERS[v]} |"
    service_sep+="---|"
done
for ((r = 1; r <= ROUNDS; r++)); do
    for v in "${!VARIANTS[@]}"; do
        k=$r,$v
        summary_rows+="| $r | ${LETTERS[v]} | ${LOADS[$k]} | ${JV[$k]} | ${DEV[$k]} | **${WALL[$k]}** | $(ratio "${WALL[$k]}" "${DEV[$k]}") | ${SUM[$k]} | ${MAX[$k]} |"$'\n'
    done
done
for s in "${SERVICES[@]}"; do
    name=${s%%:*}
    service_rows+="| $name |"
    for v in "${!VARIANTS[@]}"; do
        k=$ROUNDS,$v
        service_rows+=" ${TTR[$k,$name]} / ${QK[$k,$name]} / ${RSS[$k,$name]} |"
    done
    service_rows+=$'\n'
done
replace_section "Start-up" "$(cat <<DOC
## Start-up

\`bench/startup/run.sh\`, run on $DAY on $CORES cores ($(uname -r)), shared with other work (1-minute load average
at the start of each measurement below). Each row: \`./mec down\`, then \`./mec up\` from the stopped stack with the
container engines already running, the services started with those JVM options (\`EDGEMEC_JAVA_OPTS\`); every service
polled on \`/q/health/ready\` every 0.2 s, its RSS read from \`/proc/<pid>/status\` (VmRSS) at its first 200. "all
healthy" is timed from the start of \`./mec up\`; its first phase starts the embedded PostgreSQL + Kafka alone, the
baseline beside it (and \`java -version\`, median of 5).

JVM options measured (\`EDGEMEC_JAVA_OPTS\`):

$legend
| round | options | load avg | java -version (s) | PostgreSQL + Kafka alone (s) | all healthy (s) | x PostgreSQL + Kafka | RSS sum (MB) | max RSS (MB) |
|---|---|---:|---:|---:|---:|---:|---:|---:|
$summary_rows
Per service in round $ROUNDS: seconds from its start by \`./mec\` to its first 200 / Quarkus's own "started in" (s) /
RSS then (MB). The four start at the same time on $CORES cores, so each one's time includes the others' start-up work.

$service_head
$service_sep
$service_rows
- **Targets** (every service under 300 MB, all healthy under 30 s on 2 cores), per round: C $(per_round MAX 2) MB at
  most, all healthy in $(per_round WALL 2) s at load $(per_round LOADS 2); B $(per_round WALL 1) s.
- **-Xms64m** (C, the default now): at most ${MAX[$ROUNDS,2]} MB per service at ready in round $ROUNDS, against
  ${MAX[$ROUNDS,0]} MB with A. Without it the initial heap is 1/64 of the RAM ($(awk '/MemTotal/ {printf "%d", $2 / 1024 / 64}' /proc/meminfo) MB here), capped by -Xmx.
- **-XX:TieredStopAtLevel=1** (B): at most ${MAX[$ROUNDS,1]} MB, all healthy in ${WALL[$ROUNDS,1]} s against ${WALL[$ROUNDS,2]} s
  for C in round $ROUNDS. Not the default: it keeps every method at C1 for the whole life of the service, and the
  DNS, proxy and discovery figures above were measured with C2. Measured by hand on 2026-12-07 (load 15 to 27),
  mec-platform alone, wrk -t1 -c20 for 15 s on \`/q/health/live\` after a 10 s warm-up, in turn: 20675 / 23068
  requests/s with C2, 12067 / 10280 with C1 only. For a quicker start:
  \`EDGEMEC_JAVA_OPTS="$DEFAULT_OPTS -XX:TieredStopAtLevel=1" ./mec up\`.
- **AppCDS** (\`quarkus.package.jar.appcds.enabled=true\`) builds with the JDK 17 here (mec-app-lcm: a 31 MB
  \`app-cds.jsa\`; its package build used 29 s of CPU against 28 s without), but the JVM maps it only when started in
  \`target/quarkus-app\` with \`-jar quarkus-run.jar\` (the archive holds the relative class path; started as
  \`./mec\` does, with the jar's absolute path, it logs "Required classpath entry does not exist: quarkus-run.jar"
  and runs without it), and with SerialGC the JDK's archived heap objects are not used ("UseG1GC ... required").
  Measured by hand on 2026-12-07 (load 7 to 13): mec-app-lcm alone, started in turn without and with the archive, UP
  in 19.6 / 19.1 / 11.7 s without and 20.3 / 12.4 / 22.2 s with it, no difference above the noise: not applied.
DOC
)"
if ((images)); then
    replace_section "Images" "$(cat <<DOC
## Images

\`bench/startup/run.sh\` (second part), same run: each image of \`./mec images\` (base
\`localhost/edgemec/base:$TAG\`, $base_mb MB: a jlink JRE of the host's JDK 17 on busybox-static, $modules) started with
\`podman run --network host\` against the PostgreSQL and Kafka of the running \`./mec up\`, beside the same service
from its fast-jar with the host JDK and the same JVM options; one at a time, time from the start command
(\`podman run -d\` / \`java\`) to \`/q/health/ready\` UP, RSS of the java process then.

| image | size (MB) | fast-jar (MB) | UP from the image (s) | UP from the fast-jar (s) | image / fast-jar | RSS image (MB) | RSS fast-jar (MB) |
|---|---:|---:|---:|---:|---:|---:|---:|
$image_rows
Sizes are Podman's (uncompressed layers); the base is shared by the three images. Each time is one start on the
shared machine, at the load of the Start-up part: a ratio is noise until it repeats across runs.
DOC
)"
fi
say "wrote the sections 'Start-up'$( ((images)) && echo " and 'Images'") of $DOC"
