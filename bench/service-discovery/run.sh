#!/usr/bin/env bash
# Service discovery benchmark (MEC 011 service management): wrk against GET /mec_service_mgmt/v1/services of one
# mec-platform holding 10,000 services, and against a raw Vert.x route serving the same bodies, in one run:
#   platform  the whole mec-platform application (built jars, as ./mec up runs it) on its own embedded PostgreSQL and
#             Kafka; the services registered over Mp1 by app instances provisioned through the provisioning API
#   raw       RawVertxServer.java: one Vert.x Web route answering the bodies captured from the platform, from memory
# Two queries each: (a) ?ser_name=<one name> (filtered lookup, one ServiceInfo) and (b) ?ser_category_id=<one category>
# (every service of that category). Each measurement: a 5 s warm-up, then BENCH_SECONDS of wrk --latency.
# Writes the section "Service discovery" of docs/benchmarks.md.
# Needs: JDK 17, curl, python3, wrk (apt-get install wrk), the built jars (built here when missing).
# Settings: BENCH_SERVICES (10000), BENCH_APPS (10), BENCH_CATEGORIES (100), BENCH_SECONDS (15), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32), BENCH_PORT (28090; uses PORT..PORT+4), BENCH_PG_PORT (25433), BENCH_KAFKA_PORT (29093; the
# controller uses PORT+1).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/service-discovery
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/edgemec-bench-sd}
SERVICES=${BENCH_SERVICES:-10000}
APPS=${BENCH_APPS:-10}
CATEGORIES=${BENCH_CATEGORIES:-100}
DURATION=${BENCH_SECONDS:-15}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-28090}
PG_PORT=${BENCH_PG_PORT:-25433}
KAFKA_PORT=${BENCH_KAFKA_PORT:-29093}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
HTTP_PORT=$PORT
RAW_PORT=$((PORT + 1))
# a fresh random operator token per run (the services have no default outside their tests)
OPERATOR_TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")
BASE=http://127.0.0.1:$HTTP_PORT

say() { printf '[bench-sd] %s\n' "$*"; }
die() { printf '[bench-sd] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in wrk:wrk java:openjdk-17-jdk-headless curl:curl python3:python3; do
    command -v "${tool%%:*}" >/dev/null || die "${tool%%:*} is missing: apt-get install ${tool#*:}"
done
mkdir -p "$WORK"
PIDS=()

# every process runs in its own session (setsid): stop its whole group, wait for it bounded, then KILL
stop_group() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_all() {
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        stop_group "${PIDS[i]}"
    done
    PIDS=()
}
trap stop_all EXIT

# --- build: the jars, only when missing; a copy is run so that a rebuild of the tree cannot change them mid-run -----
prepare() {
    local app=$ROOT/mec-platform/target/quarkus-app devcp=$ROOT/devstack/target/classes/edgemec-devstack.classpath
    if [[ ! -f $app/quarkus-run.jar || ! -f $devcp ]]; then
        say "building devstack and mec-platform (log: $WORK/build.log)"
        (cd "$ROOT" && mvn -q -o -pl mec-platform -am install -DskipTests) >"$WORK/build.log" 2>&1 \
            || die "build failed: see $WORK/build.log"
        [[ -f $devcp ]] || (cd "$ROOT" && mvn -q -o -pl devstack install -DskipTests) >>"$WORK/build.log" 2>&1 \
            || die "devstack build failed: see $WORK/build.log"
    fi
    rm -rf "$WORK/quarkus-app" "$WORK/devstack-classes"
    cp -r "$app" "$WORK/quarkus-app"
    cp -r "$ROOT/devstack/target/classes" "$WORK/devstack-classes"
    local lib=$WORK/quarkus-app/lib/main
    RAW_CP=$(ls "$lib"/io.vertx.vertx-core-*.jar "$lib"/io.vertx.vertx-web-[0-9]*.jar "$lib"/io.vertx.vertx-web-common-*.jar \
        "$lib"/io.vertx.vertx-auth-common-*.jar "$lib"/io.vertx.vertx-bridge-common-*.jar "$lib"/io.netty.netty-*.jar \
        "$lib"/com.fasterxml.jackson.core.jackson-core-*.jar | tr '\n' ':')
}

await_line() {
    local file=$1 pattern=$2 pid=$3 what=$4 i
    for i in $(seq 1 360); do
        grep -q "$pattern" "$file" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || die "$what exited: see $file"
        sleep 0.5
    done
    die "$what not ready in 180 s: see $file"
}

start_platform() {
    rm -rf "$WORK/devstack-data" "$WORK/ca"
    say "starting embedded PostgreSQL (127.0.0.1:$PG_PORT) and Kafka (127.0.0.1:$KAFKA_PORT)"
    setsid java -Xmx256m -cp "$WORK/devstack-classes:$(cat "$WORK/devstack-classes/edgemec-devstack.classpath")" \
        org.edgemec.devstack.DevstackMain "$WORK/devstack-data" "$PG_PORT" "$KAFKA_PORT" "$((KAFKA_PORT + 1))" \
        >"$WORK/devstack.log" 2>&1 </dev/null &
    PIDS+=($!)
    await_line "$WORK/devstack.log" '\[devstack\] READY' "$!" "embedded PostgreSQL + Kafka"
    say "starting mec-platform on 127.0.0.1:$HTTP_PORT (log: $WORK/platform.log)"
    QUARKUS_HTTP_PORT=$HTTP_PORT EDGEMEC_HOST_NAME=bench EDGEMEC_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/edgemec" \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" EDGEMEC_DNS_PORT=$((PORT + 2)) \
        EDGEMEC_OPERATOR_TOKEN=$OPERATOR_TOKEN EDGEMEC_PROXY_ENABLED=false EDGEMEC_PROXY_HTTPS_PORT=$((PORT + 3)) \
        EDGEMEC_PROXY_HTTP_PORT=$((PORT + 4)) EDGEMEC_PROXY_CA_DIR="$WORK/ca" \
        setsid java -Xmx384m -XX:+UseSerialGC -jar "$WORK/quarkus-app/quarkus-run.jar" \
        >"$WORK/platform.log" 2>&1 </dev/null &
    local pid=$! i
    PIDS+=($pid)
    for i in $(seq 1 360); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/q/health/ready") == 200 ]] && return 0
        kill -0 "$pid" 2>/dev/null || die "mec-platform exited: see $WORK/platform.log"
        sleep 0.5
    done
    die "mec-platform not ready in 180 s: see $WORK/platform.log"
}

# BENCH_APPS app instances through the provisioning API, each with its own Mp1 token
provision() {
    local a code creds
    say "provisioning $APPS app instances and fetching their Mp1 tokens"
    : >"$WORK/tokens.txt"
    for ((a = 0; a < APPS; a++)); do
        code=$(curl -s -o "$WORK/creds-$a.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $OPERATOR_TOKEN" \
            -H 'Content-Type: application/json' \
            --data-binary "{\"appInstanceId\":\"bench-app-$a\",\"appName\":\"bench-$a\",\"appProvider\":\"bench\"}" \
            "$BASE/mec_platform_mgmt/v1/app_instances")
        [[ $code == 201 ]] || die "provisioning bench-app-$a answered $code: $(cat "$WORK/creds-$a.json")"
        creds=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(c["clientId"] + ":" + c["clientSecret"])' \
            "$WORK/creds-$a.json")
        curl -sf -u "$creds" -d grant_type=client_credentials "$BASE/mec_platform_mgmt/v1/oauth/token" \
            | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' >>"$WORK/tokens.txt" \
            || die "no token for bench-app-$a"
    done
    TOKEN=$(head -1 "$WORK/tokens.txt")
}

# BENCH_SERVICES ServiceInfo over POST /applications/{id}/services, spread over the app instances: one curl process
# sending them 8 at a time (--parallel), each answer code checked
register() {
    say "registering $SERVICES services over Mp1 (8 requests in flight)"
    python3 - "$SERVICES" "$APPS" "$CATEGORIES" "$BASE" "$WORK/tokens.txt" >"$WORK/register.curl" <<'PY'
import json, sys
services, apps, categories, base, tokens = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
tokens = open(tokens).read().split()
for i in range(services):
    a, c = i % apps, i % categories
    body = {"serName": f"bench-svc-{i:05d}",
            "serCategory": {"href": f"http://127.0.0.1/categories/cat-{c:03d}", "id": f"cat-{c:03d}",
                            "name": f"category {c}", "version": "1"},
            "version": "1.0", "state": "ACTIVE", "transportId": "rest-http-oauth2", "serializer": "JSON",
            "scopeOfLocality": "MEC_HOST", "consumedLocalOnly": True, "isLocal": True}
    print("next" if i else "", f'url = "{base}/mec_service_mgmt/v1/applications/bench-app-{a}/services"',
          f'header = "Authorization: Bearer {tokens[a]}"', 'header = "Content-Type: application/json"',
          f'data-binary = {json.dumps(json.dumps(body, separators=(",", ":")))}', 'output = "/dev/null"',
          'write-out = "%{http_code}\\n"', sep="\n")
PY
    local started=$SECONDS
    curl --no-progress-meter --parallel --parallel-max 8 --config "$WORK/register.curl" >"$WORK/register.codes" \
        2>"$WORK/register.err" || true
    REGISTER_SECONDS=$((SECONDS - started))
    local created
    created=$(grep -c '^201$' "$WORK/register.codes" || true)
    say "registered $created of $SERVICES in ${REGISTER_SECONDS} s ($(sort "$WORK/register.codes" | uniq -c | tr '\n' ' '))"
    ((created == SERVICES)) || die "only $created of $SERVICES services registered"
    REGISTERED=$created
}

# the two queries; their platform answers are the bodies the raw route serves
capture() {
    NAME=$(printf 'bench-svc-%05d' $((SERVICES / 2)))
    CATEGORY=$(printf 'cat-%03d' $((CATEGORIES / 2)))
    Q_NAME="/mec_service_mgmt/v1/services?ser_name=$NAME"
    Q_CATEGORY="/mec_service_mgmt/v1/services?ser_category_id=$CATEGORY"
    curl -sf -H "Authorization: Bearer $TOKEN" "$BASE$Q_NAME" >"$WORK/by-name.json" || die "GET $Q_NAME failed"
    curl -sf -H "Authorization: Bearer $TOKEN" "$BASE$Q_CATEGORY" >"$WORK/by-category.json" || die "GET $Q_CATEGORY failed"
    N_NAME=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/by-name.json")
    N_CATEGORY=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/by-category.json")
    [[ $N_NAME == 1 ]] || die "ser_name=$NAME answered $N_NAME services, expected 1"
    ((N_CATEGORY == (SERVICES + CATEGORIES - 1 - CATEGORIES / 2) / CATEGORIES)) \
        || die "ser_category_id=$CATEGORY answered $N_CATEGORY services"
    B_NAME=$(stat -c %s "$WORK/by-name.json")
    B_CATEGORY=$(stat -c %s "$WORK/by-category.json")
    say "captured: by name $N_NAME service ($B_NAME bytes), by category $N_CATEGORY services ($B_CATEGORY bytes)"
}

start_raw() {
    say "starting RawVertxServer on 127.0.0.1:$RAW_PORT"
    setsid java -Xmx384m -XX:+UseSerialGC -cp "$RAW_CP" "$HERE/RawVertxServer.java" "$RAW_PORT" "$WORK/by-name.json" \
        "$WORK/by-category.json" >"$WORK/raw.log" 2>&1 </dev/null &
    PIDS+=($!)
    await_line "$WORK/raw.log" '\[raw\] READY' "$!" "RawVertxServer"
    cmp -s <(curl -s "http://127.0.0.1:$RAW_PORT$Q_CATEGORY") "$WORK/by-category.json" \
        || die "RawVertxServer does not answer the captured body"
}

# one measurement; appends "row requests/s p50_ms p99_ms errors" to results.txt
measure() {
    local row=$1 url=$2 out=$WORK/wrk-$1.txt
    say "$row: 5 s warm-up, ${DURATION} s wrk -t$THREADS -c$CONNECTIONS"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$url" >"$WORK/wrk-$row.warmup.txt" 2>&1
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$url" >"$out" 2>&1
    awk -v row="$row" '
        function ms(v) { if (v ~ /us$/) return v * 0.001; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
        /Non-2xx/ { err += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) { v = $i; gsub(/,/, "", v); err += v } }
        END { printf "%s %.1f %.3f %.3f %d\n", row, rps, p50, p99, err }' "$out" | tee -a "$WORK/results.txt"
}

write_doc() {
    local table section
    table=$(awk '
        { rps[$1] = $2; p50[$1] = $3; p99[$1] = $4; err[$1] = $5 }
        END {
            print "| query | server | requests/s | p50 (ms) | p99 (ms) | errors | requests/s platform/raw | p99 platform/raw |"
            print "|---|---|---:|---:|---:|---:|---:|---:|"
            split("name category", q, " ")
            for (i = 1; i <= 2; i++) { k = q[i]; label = k == "name" ? "(a) `ser_name`" : "(b) `ser_category_id`"
                printf "| %s | platform | %.0f | %.3f | %.3f | %d | %.3f | %.2f |\n", label, rps["platform-" k],
                    p50["platform-" k], p99["platform-" k], err["platform-" k], rps["platform-" k] / rps["raw-" k],
                    p99["platform-" k] / p99["raw-" k]
                printf "| %s | raw Vert.x | %.0f | %.3f | %.3f | %d | | |\n", label, rps["raw-" k], p50["raw-" k],
                    p99["raw-" k], err["raw-" k] }
        }' "$WORK/results.txt")
    section=$(cat <<DOC
## Service discovery

\`bench/service-discovery/run.sh\`, run on $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -r)),
$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), loopback only, wrk on the same machine (load average 1/5/15 min at the start,
from \`uptime\`: ${LOAD_AT_START}; the machine is shared with other work).
$REGISTERED services registered over Mp1 (\`POST /mec_service_mgmt/v1/applications/{id}/services\`, $APPS app instances
provisioned through the provisioning API, each with its own OAuth 2.0 token; $CATEGORIES categories, \`transportId\`
\`rest-http-oauth2\`) in ${REGISTER_SECONDS} s with 8 requests in flight. Then \`GET /mec_service_mgmt/v1/services\` with an app's bearer
token: (a) \`?ser_name=$NAME\` answers $N_NAME ServiceInfo ($B_NAME bytes), (b) \`?ser_category_id=$CATEGORY\` answers
$N_CATEGORY ServiceInfo ($B_CATEGORY bytes). Each row: 5 s warm-up, then \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency\`,
HTTP/1.1 keep-alive.

$table

- **platform**: the whole mec-platform application (\`java -Xmx384m -XX:+UseSerialGC -jar quarkus-run.jar\`, as
  \`./mec up\` runs it) on its own embedded PostgreSQL and Kafka. The first request of a query passes the Mp1 filters
  (bearer token verified, moved-instance check, query and field validation) on a worker thread and stores the JSON
  bytes of its answer until \`mec_service\` changes (\`ServiceDiscovery\`); the repeated ones, whose token was verified
  before, are answered with those bytes on the event loop (\`DiscoveryFastPath\`, see mec-platform/README.md
  "In-memory read paths"): no worker thread, database read or JSON mapping per request; a registration is still
  seen by the next lookup.
- **raw Vert.x**: \`bench/service-discovery/RawVertxServer.java\` (source-launch, the Vert.x jars of the
  platform's build, one event loop per core, same JVM options): one Vert.x Web route that answers the bodies captured
  from the platform from memory, with no authentication, database or JSON mapping; it runs after the platform
  and its PostgreSQL and Kafka are stopped. It is the floor of HTTP parsing and writing on this machine.
- The ratio columns divide the platform row by the raw row of the same query; below 1 for requests/s and above 1 for
  p99 mean slower than raw. The machine has 2 cores shared with wrk (and, for the platform rows, with PostgreSQL)
  and with other work: compare rows of one run, not numbers across runs. Raw wrk outputs: \`$WORK/wrk-*.txt\`.
DOC
)
    mkdir -p "$(dirname "$DOC")"
    [[ -f $DOC ]] || printf '# Benchmarks\n\nMeasured with the scripts under `bench/`; each section is written by its script.\n' >"$DOC"
    # replace the section "## Service discovery" (up to the next "## "), keep every other section
    SECTION="$section" python3 - "$DOC" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].rstrip() + "\n"
pattern = re.compile(r"^## Service discovery\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
PY
    say "wrote the section 'Service discovery' of $DOC"
}

prepare
LOAD_AT_START=$(uptime | sed "s/.*load average: //")
: >"$WORK/results.txt"
start_platform
provision
register
capture
measure platform-name "$BASE$Q_NAME"
measure platform-category "$BASE$Q_CATEGORY"
stop_all
start_raw
measure raw-name "http://127.0.0.1:$RAW_PORT$Q_NAME"
measure raw-category "http://127.0.0.1:$RAW_PORT$Q_CATEGORY"
stop_all
write_doc
cat "$WORK/results.txt"
