#!/usr/bin/env bash
# Edge proxy benchmark: wrk through the EdgeMEC edge proxy and, in the same run, through nginx and HAProxy configured
# as reverse proxies for the same backend (and wrk straight at the backend as the floor). Loopback only, one proxy at
# a time, bounded runs. Writes the section "Edge proxy" of docs/benchmarks.md (other sections are kept).
#   backend   nginx answering a fixed 13-byte body (keep-alive)
#   edgemec   mec-platform's proxy (plain HTTP listener; session cookie check, per-client state, traffic rules,
#             X-Forwarded-*/Via) in the real mec-platform jar, on the embedded PostgreSQL + Kafka of devstack
#   nginx     proxy_pass with an upstream keep-alive pool
#   haproxy   mode http, http-reuse always
# Needs: JDK 17, Maven (offline once built), apt packages wrk nginx-light haproxy curl.
# Each proxy runs with the same number of workers: nginx worker_processes, HAProxy nbthread and the EdgeMEC proxy's
# event loops (edgemec.proxy.event-loops), once per value of BENCH_WORKERS.
# Settings: BENCH_SECONDS (15), BENCH_CONNECTIONS (50), BENCH_THREADS (2), BENCH_WORKERS ("1 2"),
# BENCH_PORT (28000; uses PORT..PORT+11),
# BENCH_DOC (docs/benchmarks.md), BENCH_SKIP_BUILD=1 to reuse the built jar.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/edgemec-bench-proxy}
DURATION=${BENCH_SECONDS:-15}
CONNS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
P=${BENCH_PORT:-28000}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
WORKER_COUNTS=${BENCH_WORKERS:-1 2}
BACKEND=$((P + 1)) EDGE_HTTP=$((P + 2)) EDGE_HTTPS=$((P + 3)) NGINX=$((P + 4)) HAPROXY=$((P + 5))
PLATFORM=$((P + 6)) PG=$((P + 7)) KAFKA=$((P + 8)) CONTROLLER=$((P + 9)) BARE_PROXY=$((P + 10)) BARE_PIPE=$((P + 11))
HOST=bench.edge.test
# a fresh random operator token per run (the services have no default outside their tests)
TOKEN=$(od -An -N16 -tx1 /dev/urandom | tr -d " \n")

say() { printf '[bench-proxy] %s\n' "$*"; }
die() { printf '[bench-proxy] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in wrk:wrk nginx:nginx-light haproxy:haproxy curl:curl java:openjdk-17-jdk-headless mvn:maven; do
    command -v "${tool%%:*}" >/dev/null || die "${tool%%:*} is missing: apt-get install ${tool#*:}"
done
rm -rf "$WORK" && mkdir -p "$WORK/nginx" "$WORK/data" "$WORK/ca"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

await_http() { # url, seconds
    local deadline=$((SECONDS + $2))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true) == 200 ]]; do
        ((SECONDS < deadline)) || die "$1 not ready in $2 s"
        sleep 0.5
    done
}

# --- build ----------------------------------------------------------------------------------------------------------
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
    say "building devstack and mec-platform"
    (cd "$ROOT" && mvn -q -o -pl edge-client,devstack,mec-platform -am package -DskipTests) >/dev/null
fi
JAR=$ROOT/mec-platform/target/quarkus-app/quarkus-run.jar
[[ -f $JAR ]] || die "$JAR missing: build mec-platform first"

# --- backend (nginx, fixed body) --------------------------------------------------------------------------------------
cat >"$WORK/nginx/backend.conf" <<CONF
worker_processes 1; daemon off; pid $WORK/nginx/backend.pid; error_log $WORK/nginx/backend-error.log warn;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND; location / { default_type text/plain; return 200 "hello backend\n"; } } }
CONF
nginx -c "$WORK/nginx/backend.conf" -p "$WORK/nginx" & PIDS+=($!)

# --- EdgeMEC: embedded PostgreSQL + Kafka, then the mec-platform jar --------------------------------------------------
say "starting embedded PostgreSQL and Kafka"
DEVSTACK_CP="$ROOT/devstack/target/classes:$(cat "$ROOT/devstack/target/classes/edgemec-devstack.classpath")"
java -Xmx256m -cp "$DEVSTACK_CP" org.edgemec.devstack.DevstackMain "$WORK/data" "$PG" "$KAFKA" "$CONTROLLER" \
    >"$WORK/devstack.log" 2>&1 & PIDS+=($!)
deadline=$((SECONDS + 120))
until grep -qs '\[devstack\] READY' "$WORK/devstack.log"; do
    ((SECONDS < deadline)) || die "devstack not ready: $WORK/devstack.log"
    sleep 0.5
done
# --- the proxies under test, each with $1 workers ------------------------------------------------------------------
PEERS=()
start_proxies() { # workers
    # --- nginx and HAProxy as reverse proxies -------------------------------------------------------------------------
    cat >"$WORK/nginx/proxy.conf" <<CONF
worker_processes $1; daemon off; pid $WORK/nginx/proxy.pid; error_log $WORK/nginx/proxy-error.log warn;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$BACKEND; keepalive 64; }
  server { listen 127.0.0.1:$NGINX;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; } } }
CONF
    nginx -c "$WORK/nginx/proxy.conf" -p "$WORK/nginx" & PEERS+=($!)
    cat >"$WORK/haproxy.cfg" <<CONF
global
  nbthread $1
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  option forwardfor
  http-reuse always
frontend fe
  bind 127.0.0.1:$HAPROXY
  default_backend be
backend be
  server b1 127.0.0.1:$BACKEND
CONF
    haproxy -f "$WORK/haproxy.cfg" -db & PEERS+=($!)

    # the Vert.x floor: the platform's own Vert.x jars without EdgeMEC's per-request work (VertxBaseline.java)
    local lib="$(dirname "$JAR")/lib/main/*"
    java -Xmx256m -cp "$lib" "$ROOT/bench/proxy/VertxBaseline.java" http-proxy $BARE_PROXY $BACKEND "$1" \
        >"$WORK/bare-http-proxy.log" 2>&1 & PEERS+=($!)
    java -Xmx256m -cp "$lib" "$ROOT/bench/proxy/VertxBaseline.java" pipe $BARE_PIPE $BACKEND "$1" \
        >"$WORK/bare-pipe.log" 2>&1 & PEERS+=($!)

    say "starting mec-platform (edge proxy on $EDGE_HTTP, $1 event loops)"
    env QUARKUS_HTTP_PORT=$PLATFORM EDGEMEC_HOST_NAME=bench EDGEMEC_INSTANCE_NAME=bench-platform \
        EDGEMEC_DB_URL="jdbc:postgresql://127.0.0.1:$PG/edgemec" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA" \
        EDGEMEC_DNS_ENABLED=false EDGEMEC_OPERATOR_TOKEN=$TOKEN EDGEMEC_PROXY_CA_DIR="$WORK/ca" \
        EDGEMEC_PROXY_EVENT_LOOPS=$1 EDGEMEC_PROXY_HTTP_PORT=$EDGE_HTTP EDGEMEC_PROXY_HTTPS_PORT=$EDGE_HTTPS EDGEMEC_PROXY_LISTEN_HOST=127.0.0.1 \
        QUARKUS_LOG_LEVEL=WARN java -Xmx512m -jar "$JAR" >"$WORK/platform-$1.log" 2>&1 & PEERS+=($!)
    await_http "http://127.0.0.1:$PLATFORM/q/health/ready" 180
    curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"backend\":\"127.0.0.1:$BACKEND\"}" "http://127.0.0.1:$PLATFORM/edge_proxy/v1/services/$HOST" >/dev/null
    COOKIE=$(curl -sf -D - -o /dev/null -H "Host: $HOST" -H 'Content-Type: application/json' \
        -d '{"clientId":"demo","secret":"demo-secret"}' "http://127.0.0.1:$EDGE_HTTP/edge_proxy/v1/login" \
        | sed -n 's/^[Ss]et-[Cc]ookie: \(edgemec_session=[^;]*\).*/\1/p')
    [[ -n $COOKIE ]] || die "login failed"
    for port in $BACKEND $NGINX $HAPROXY $BARE_PROXY $BARE_PIPE $EDGE_HTTP; do
        [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Host: $HOST" -H "Cookie: $COOKIE" "http://127.0.0.1:$port/") == 200 ]] \
            || die "no 200 through port $port"
    done
}
stop_proxies() {
    local pid
    for pid in "${PEERS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PEERS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PEERS=()
}

# --- runs -----------------------------------------------------------------------------------------------------------
declare -A RPS P99 P50
run() { # name port
    say "$1: warm-up 5 s, then wrk -t$THREADS -c$CONNS -d${DURATION}s"
    wrk -t"$THREADS" -c"$CONNS" -d5s -H "Host: $HOST" -H "Cookie: $COOKIE" "http://127.0.0.1:$2/" >/dev/null
    wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency -H "Host: $HOST" -H "Cookie: $COOKIE" \
        "http://127.0.0.1:$2/" >"$WORK/wrk-$1.txt"
    grep -q 'Non-2xx' "$WORK/wrk-$1.txt" && die "$1 answered non-2xx: $WORK/wrk-$1.txt"
    RPS[$1]=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$1.txt")
    P50[$1]=$(awk '$1 == "50%" {print $2}' "$WORK/wrk-$1.txt")
    P99[$1]=$(awk '$1 == "99%" {print $2}' "$WORK/wrk-$1.txt")
    say "$1: ${RPS[$1]} req/s, p50 ${P50[$1]}, p99 ${P99[$1]}"
}
LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)
for workers in $WORKER_COUNTS; do
    start_proxies "$workers"
    run "direct-$workers" $BACKEND
    run "edgemec-$workers" $EDGE_HTTP
    run "nginx-$workers" $NGINX
    run "haproxy-$workers" $HAPROXY
    run "vertx-http-proxy-$workers" $BARE_PROXY
    run "vertx-pipe-$workers" $BARE_PIPE
    stop_proxies
done

ms() { # wrk duration (us/ms/s) -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# --- report -------------------------------------------------------------------------------------------------------
SECTION=$WORK/section.md
{
    echo "## Edge proxy"
    echo
    echo "\`bench/proxy/run.sh\`, $(date -u +%Y-%m-%d), $(nproc) cores shared with the load generator, loopback only."
    echo "wrk -t$THREADS -c$CONNS, ${DURATION} s per proxy after a 5 s warm-up, HTTP/1.1 keep-alive, GET / with the"
    echo "session cookie; the backend is nginx answering a fixed 13-byte body. The EdgeMEC proxy checks the signed"
    echo "cookie (once per connection), looks up the client's state, applies the compiled traffic rules (none active)"
    echo "and adds X-Forwarded-*/Via."
    echo
    echo "Each proxy ran with the same number of workers: nginx \`worker_processes\`, HAProxy \`nbthread\` and the"
    echo "EdgeMEC proxy's event loops (\`edgemec.proxy.event-loops\`, each with its own backend connections). 1-minute"
    echo "load average at the start: $LOAD_AT_START."
    echo
    echo "| workers | target | requests/s | p50 (ms) | p99 (ms) | throughput vs nginx | p99 vs nginx |"
    echo "|---:|---|---:|---:|---:|---:|---:|"
    for workers in $WORKER_COUNTS; do
        for name in edgemec nginx haproxy vertx-http-proxy vertx-pipe direct; do
            key=$name-$workers peer=nginx-$workers
            echo "| $workers | $name | ${RPS[$key]} | $(ms "${P50[$key]}") | $(ms "${P99[$key]}") |" \
                "$(ratio "${RPS[$key]}" "${RPS[$peer]}") | $(ratio "$(ms "${P99[$key]}")" "$(ms "${P99[$peer]}")") |"
        done
    done
    echo
    echo "Ratios are to nginx with the same number of workers: above 1 in the throughput column is faster than nginx,"
    echo "below 1 in the p99 column a lower tail latency. \"direct\" is wrk straight at the backend. \"vertx-http-proxy\""
    echo "and \"vertx-pipe\" (\`bench/proxy/VertxBaseline.java\`) run on mec-platform's own Vert.x jars with none of"
    echo "EdgeMEC's per-request work: vertx-http-proxy's reverse proxy alone (what the EdgeMEC proxy is built on), and a"
    echo "request piped to a pooled client request with the response piped back. Raw wrk outputs: \`$WORK/wrk-*.txt\`."
    echo
} >"$SECTION"

python3 - "$DOC" "$SECTION" <<'PY'
import re, sys, pathlib
doc, section = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
text = doc.read_text() if doc.exists() else "# Benchmarks\n\n"
pattern = re.compile(r"^## Edge proxy\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
doc.write_text(text)
PY
say "wrote section 'Edge proxy' of $DOC"
cat "$SECTION"
