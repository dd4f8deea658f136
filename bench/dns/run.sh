#!/usr/bin/env bash
# DNS server benchmark: dnsperf against the mec-platform DNS server and two baselines with the same 10,000 names,
# in one run, one server at a time:
#   app      the whole mec-platform application (built from a copy of the tree) on its own embedded PostgreSQL and
#            Kafka, the 10,000 names provisioned as DnsRules through the provisioning API (BENCH_APP=0 skips it)
#   edgemec  the mec-platform DNS server classes (Vert.x listeners, event loop for names in memory, dnsjava wire format) over an
#            in-memory rule table (BenchDnsServer.java)
#   loop     a minimal dnsjava server: one thread, blocking receive/parse/answer/send (BenchDnsServer.java)
#   dnsmasq  dnsmasq answering the same names from a hosts file
# Each server: 5 s warm-up, a throughput run (as fast as it answers, 100 queries outstanding) and a latency run at a
# fixed rate (dnsperf -v, percentiles over every answer). Writes the section "DNS server" of docs/benchmarks.md.
# Needs: JDK 17, Maven (offline is enough once the project was built), apt packages dnsperf, dnsmasq-base,
# bind9-dnsutils. Settings: BENCH_NAMES (10000), BENCH_SECONDS (20), BENCH_LATENCY_QPS (1000),
# BENCH_LATENCY_SECONDS (10), BENCH_PORT (25353; uses PORT..PORT+2).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/bench/dns
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/edgemec-bench-dns}
NAMES=${BENCH_NAMES:-10000}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
LATENCY_QPS=${BENCH_LATENCY_QPS:-1000}
LATENCY_SECONDS=${BENCH_LATENCY_SECONDS:-10}
PORT=${BENCH_PORT:-25353}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}

say() { printf '[bench-dns] %s\n' "$*"; }
die() { printf '[bench-dns] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in dnsperf:dnsperf dnsmasq:dnsmasq-base dig:bind9-dnsutils java:openjdk-17-jdk-headless mvn:maven; do
    command -v "${tool%%:*}" >/dev/null || die "${tool%%:*} is missing: apt-get install ${tool#*:}"
done
mkdir -p "$WORK"
SERVER_PID=
DEVSTACK_PID=
APP=${BENCH_APP:-1}
# a fresh random operator token per run (the services have no default outside their tests)
TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")

stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        # started with setsid: its own process group
        kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}

stop_all() {
    stop_server
    if [[ -n $DEVSTACK_PID ]] && kill -0 "$DEVSTACK_PID" 2>/dev/null; then
        kill -TERM -- "-$DEVSTACK_PID" 2>/dev/null || kill "$DEVSTACK_PID"
        wait "$DEVSTACK_PID" 2>/dev/null || true
    fi
    DEVSTACK_PID=
}
trap stop_all EXIT

# --- build: the DNS server classes and the bench main, compiled against mec-platform's dependencies ----------------
build() {
    say "building (classes in $WORK/classes)"
    (cd "$ROOT" && { mvn -q -o -pl mec-platform dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" \
        || mvn -q -pl mec-platform dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt"; }) >/dev/null
    local src=$ROOT/mec-platform/src/main/java/org/edgemec/platform
    rm -rf "$WORK/classes"
    javac -nowarn -d "$WORK/classes" -cp "$(cat "$WORK/cp.txt")" \
        "$src/domain/rules/ActiveDnsRules.java" "$src/dns/NonBlockingDnsRules.java" "$src/dns/DnsServer.java" \
        "$src/dns/DnsPacketHandler.java" "$src/dns/DnsRuleAnswerer.java" "$src/dns/UpstreamForwarder.java" "$HERE/BenchDnsServer.java"
}

# --- data: the same names for every server ----------------------------------------------------------------------
data() {
    awk -v n="$NAMES" 'BEGIN { for (i = 0; i < n; i++) printf "host-%05d.bench.mec A\n", i }' >"$WORK/queries.txt"
    awk -v n="$NAMES" 'BEGIN { for (i = 0; i < n; i++)
        printf "10.%d.%d.%d host-%05d.bench.mec\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256, i }' \
        >"$WORK/hosts"
}

start_server() {
    local kind=$1 port=$2
    case $kind in
        app)
            start_app "$port"
            ;;
        edgemec | loop)
            setsid java -Xmx384m -XX:+UseSerialGC -cp "$WORK/classes:$(cat "$WORK/cp.txt")" BenchDnsServer "$kind" "$port" \
                "$NAMES" >"$WORK/$kind.log" 2>&1 &
            ;;
        dnsmasq)
            setsid dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --addn-hosts="$WORK/hosts" \
                --listen-address=127.0.0.1 --bind-interfaces --port="$port" --local-ttl=60 --cache-size=10000 \
                --pid-file= --user=root >"$WORK/$kind.log" 2>&1 &
            ;;
    esac
    [[ $kind == app ]] || SERVER_PID=$!
    local probe last=$((NAMES - 1)) i
    probe=$(printf 'host-%05d.bench.mec' "$last")
    for i in $(seq 1 60); do
        kill -0 "$SERVER_PID" 2>/dev/null || die "$kind exited: see $WORK/$kind.log"
        [[ $(dig @127.0.0.1 -p "$port" "$probe" A +short +time=1 +tries=1 2>/dev/null) == 10.* ]] && return 0
        sleep 0.5
    done
    die "$kind does not answer on port $port: see $WORK/$kind.log"
}

# --- app: the whole application with its database-backed rule source ---------------------------------------------
build_app() {
    local src=$WORK/src
    say "app: building devstack and mec-platform from a copy of the tree (log: $WORK/app-build.log)"
    rm -rf "$src" && mkdir -p "$src"
    (cd "$ROOT" && tar --exclude=./.git --exclude='*/target' --exclude=./.mec -cf - .) | tar -xf - -C "$src"
    (cd "$src" && { mvn -q -o -pl devstack,mec-platform package -DskipTests \
        || mvn -q -pl devstack,mec-platform package -DskipTests; }) >"$WORK/app-build.log" 2>&1 \
        || die "app build failed: see $WORK/app-build.log (BENCH_APP=0 skips the app row)"
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

start_app() {
    local port=$1 src=$WORK/src pg=$((PORT + 10)) kafka=$((PORT + 11)) http=$((PORT + 13))
    rm -rf "$WORK/devstack-data"
    setsid java -Xmx256m -cp "$src/devstack/target/classes:$(cat "$src/devstack/target/classes/edgemec-devstack.classpath")" \
        org.edgemec.devstack.DevstackMain "$WORK/devstack-data" "$pg" "$kafka" "$((PORT + 12))" \
        >"$WORK/devstack.log" 2>&1 </dev/null &
    DEVSTACK_PID=$!
    await_line "$WORK/devstack.log" '\[devstack\] READY' "$DEVSTACK_PID" "embedded PostgreSQL + Kafka"
    QUARKUS_HTTP_PORT=$http EDGEMEC_HOST_NAME=bench EDGEMEC_DB_URL="jdbc:postgresql://127.0.0.1:$pg/edgemec" \
        KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" EDGEMEC_DNS_PORT=$port EDGEMEC_OPERATOR_TOKEN=$TOKEN \
        EDGEMEC_PROXY_ENABLED=false EDGEMEC_PROXY_HTTPS_PORT=$((PORT + 14)) EDGEMEC_PROXY_HTTP_PORT=$((PORT + 15)) \
        EDGEMEC_PROXY_CA_DIR="$WORK/ca" \
        setsid java -Xmx384m -XX:+UseSerialGC -jar "$src/mec-platform/target/quarkus-app/quarkus-run.jar" \
        >"$WORK/app.log" 2>&1 </dev/null &
    SERVER_PID=$!
    local i
    for i in $(seq 1 360); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$http/q/health/ready") == 200 ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || die "mec-platform exited: see $WORK/app.log"
        ((i < 360)) || die "mec-platform not ready in 180 s: see $WORK/app.log"
        sleep 0.5
    done
    provision "$http"
}

# the names as DnsRules of 10 app instances, through the provisioning API
provision() {
    local http=$1 apps=10 a
    say "app: provisioning $NAMES DnsRules over $apps app instances"
    for ((a = 0; a < apps; a++)); do
        python3 - "$a" "$apps" "$NAMES" >"$WORK/provision-$a.json" <<'PY'
import json, sys
a, apps, names = map(int, sys.argv[1:])
rules = [{"dnsRuleId": f"rule-{i}", "domainName": f"host-{i:05d}.bench.mec", "ipAddressType": "IP_V4",
          "ipAddress": f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", "ttl": 60}
         for i in range(names) if i % apps == a]
print(json.dumps({"appInstanceId": f"bench-app-{a}", "appName": "bench", "appDNSRule": rules}))
PY
        local code
        code=$(curl -s -o "$WORK/provision-$a.out" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
            -H 'Content-Type: application/json' --data-binary "@$WORK/provision-$a.json" \
            "http://127.0.0.1:$http/mec_platform_mgmt/v1/app_instances")
        [[ $code == 201 ]] || die "provisioning bench-app-$a answered $code: $(cat "$WORK/provision-$a.out")"
    done
}

# prints: qps avg_ms lost noerror_pct
throughput() {
    local port=$1 out=$2
    dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l "$SECONDS_PER_RUN" -q 100 -t 2 >"$out" 2>&1
    awk '/Queries per second/ { qps = $4 }
         /Average Latency/ { avg = $4 * 1000 }
         /Queries lost/ { lost = $3 }
         /Response codes/ { for (i = 1; i <= NF; i++) if ($i == "NOERROR") { pct = $(i + 2); gsub(/[()%,]/, "", pct) } }
         END { printf "%.0f %.3f %s %s\n", qps, avg, lost, pct }' "$out"
}

# prints: p50_ms p99_ms p999_ms
latency() {
    local port=$1 out=$2
    dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l "$LATENCY_SECONDS" -Q "$LATENCY_QPS" -t 2 -v >"$out" 2>&1
    grep '^> ' "$out" | awk '{ print $NF * 1000 }' | sort -n | awk '{ v[NR] = $1 }
        END { printf "%.3f %.3f %.3f\n", v[int(NR * 0.5)], v[int(NR * 0.99)], v[int(NR * 0.999)] }'
}

bench() {
    local kind=$1 port=$2 t l
    say "$kind: starting on 127.0.0.1:$port"
    start_server "$kind" "$port"
    dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/queries.txt" -l 5 -q 100 -t 2 >"$WORK/$kind.warmup.txt" 2>&1
    say "$kind: throughput run (${SECONDS_PER_RUN} s)"
    t=$(throughput "$port" "$WORK/$kind.throughput.txt")
    say "$kind: latency run (${LATENCY_SECONDS} s at $LATENCY_QPS q/s)"
    l=$(latency "$port" "$WORK/$kind.latency.txt")
    stop_all
    echo "$kind $t $l" >>"$WORK/results.txt"
    say "$kind: $t | $l"
}

write_doc() {
    local table
    table=$(awk -v names="$NAMES" -v secs="$SECONDS_PER_RUN" -v lq="$LATENCY_QPS" '
        { kind[NR] = $1; qps[$1] = $2; avg[$1] = $3; lost[$1] = $4; ok[$1] = $5; p50[$1] = $6; p99[$1] = $7; p999[$1] = $8 }
        END {
            print "| server | queries/s | vs dnsmasq | avg latency at max load (ms) | p50 / p99 / p99.9 at " lq " q/s (ms) | p99 vs dnsmasq | lost | NOERROR |"
            print "|---|---:|---:|---:|---|---:|---:|---:|"
            for (i = 1; i <= NR; i++) { k = kind[i]
                printf "| %s | %d | %.2f | %.3f | %.3f / %.3f / %.3f | %.2f | %d | %s%% |\n", k, qps[k], qps[k] / qps["dnsmasq"],
                    avg[k], p50[k], p99[k], p999[k], p99[k] / p99["dnsmasq"], lost[k], ok[k] }
        }' "$WORK/results.txt")
    local section app_note=
    if [[ $APP == 1 ]]; then
        app_note='- **app**: the whole mec-platform application (`java -Xmx384m -XX:+UseSerialGC -jar quarkus-run.jar`, as
  `./mec up` runs it) on its own embedded PostgreSQL and Kafka, the names provisioned as DnsRules of 10 app
  instances through the provisioning API; every name'"'"'s records are preloaded from PostgreSQL in one bulk read
  (`DnsAnswerPreloader`, `DnsRuleService.findAll`) after each provisioning, and answered from memory on the event
  loop (`DnsAnswerCache`) until a rule, steering or instance changes.
'
    fi
    section=$(cat <<DOC
## DNS server

\`bench/dns/run.sh\`, run on $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -r)), dnsperf $(dnsperf -h 2>&1 | grep -o 'Version [0-9.]*' | head -1 | cut -d' ' -f2), one server at a time, dnsperf on the same machine
(1-minute load average at the start: ${LOAD_AT_START}, from other work on the machine).
$NAMES names (\`host-NNNNN.bench.mec\`, one A record each), queried in turn over UDP; each server gets a 5 s warm-up,
a ${SECONDS_PER_RUN} s throughput run (100 queries outstanding, as fast as it answers) and a ${LATENCY_SECONDS} s latency run at
$LATENCY_QPS queries/s (percentiles over every answer).

$table

${app_note}- **edgemec**: the same DNS server classes (\`org.edgemec.platform.dns\`: Vert.x UDP listener, dnsjava wire format,
  \`DnsRuleAnswerer\`) started by \`bench/dns/BenchDnsServer.java\` over a map of the same names
  (\`NonBlockingDnsRules\`, so answered on the event loop): the server without the application around it.
- **loop**: a minimal dnsjava server (one thread, blocking receive, parse, answer, send), same table.
- **dnsmasq**: $(dnsmasq --version | head -1 | awk '{print $3}'), the same names from a hosts file.
- "vs dnsmasq" is the throughput ratio to the dnsmasq row, "p99 vs dnsmasq" the ratio of p99 at the fixed rate
  (below 1: a lower tail than dnsmasq). The machine is shared and dnsperf competes with the
  server for the same cores: compare rows of one run, not numbers across runs.
DOC
)
    mkdir -p "$(dirname "$DOC")"
    [[ -f $DOC ]] || printf '# Benchmarks\n\nMeasured with the scripts under `bench/`; each section is written by its script.\n' >"$DOC"
    # replace the section "## DNS server" (up to the next "## "), keep every other section
    SECTION="$section" python3 - "$DOC" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].rstrip() + "\n"
pattern = re.compile(r"^## DNS server\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
PY
    say "wrote the section 'DNS server' of $DOC"
}

build
data
[[ $APP == 1 ]] && build_app
LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)
: >"$WORK/results.txt"
[[ $APP == 1 ]] && bench app "$((PORT + 3))"
bench edgemec "$PORT"
bench loop "$((PORT + 1))"
bench dnsmasq "$((PORT + 2))"
write_doc
cat "$WORK/results.txt"
