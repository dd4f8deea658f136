#!/usr/bin/env bash
# Runs the Helm chart without a cluster: renders helm/edgemec with ci/kube-play-values.yaml, turns what Podman 4.3's
# `podman kube play` cannot take into what it can (scripts/kube-play-convert.mjs says what and why), plays it with
# the podman of the image store (.mec/images/bin/podman, where `./mec images` put the images) against an embedded
# PostgreSQL and Kafka of its own (devstack), and checks through the chart's addresses:
#   - /q/health/ready UP of relocation-service, mec-app-lcm and each mec-platform pod;
#   - mec-app-lcm lists the chart's MEC hosts with their platforms by Service name;
#   - an app provisioned on edge1 with the operator token of the rendered Secret gets an Mp1 token, and its Mp1 calls
#     (GET /mec_service_mgmt/v1/services, its DNS rules) answer 200;
#   - edge1's DNS server answers the app's DNS rule (dig);
#   - a client logs in at edge1's edge proxy (HTTPS, certificate checked against the rendered platform CA Secret)
#     with the client secret the values set, and its request for the app's host name is forwarded to the app's
#     endpoint;
#   - across pods by Service name: a login at edge1's proxy for proxy edge2 installs the client's state at edge2
#     through edge2's control URL; relocation-service asks mec-app-lcm about a relocation's app instance;
#   - `podman kube down` removes the pods.
# Every pod runs on the host network (see the converter), so the chart's ports must be free: they are the ports
# `./mec up` uses (EDGEMEC_*_PORT, defaults as in README.md), which 'down' has freed.
# Needs: helm and js-yaml (scripts/setup-tools.sh), the images (./mec images), catatonit (scripts/setup-engines.sh),
# the devstack module built (./mec build), dig, curl, jq; root (the image store is rootful).
# Exit code: 0 when every check passes. Last line: "kube-play: N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/runroot.sh
source "$ROOT/scripts/lib/runroot.sh"
CHART="$ROOT/helm/edgemec"
VALUES="$CHART/ci/kube-play-values.yaml"
HELM="$ROOT/.mec/tools/bin/helm"
STATE="${EDGEMEC_IMAGES_DIR:-$ROOT/.mec/images}"
PODMAN="$STATE/bin/podman"
TAG="${EDGEMEC_IMAGE_TAG:-$(sed -n '0,/<artifactId>edgemec-parent<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)}"
READY_TIMEOUT="${EDGEMEC_READY_TIMEOUT:-180}"

RELOCATION_PORT=${EDGEMEC_RELOCATION_PORT:-18080}
LCM_PORT=${EDGEMEC_LCM_PORT:-18081}
EDGE1_PORT=${EDGEMEC_EDGE1_PORT:-18082}
EDGE2_PORT=${EDGEMEC_EDGE2_PORT:-18083}
EDGE1_DNS_PORT=${EDGEMEC_EDGE1_DNS_PORT:-18053}
EDGE2_DNS_PORT=${EDGEMEC_EDGE2_DNS_PORT:-18054}
EDGE1_HTTPS_PORT=${EDGEMEC_EDGE1_PROXY_HTTPS_PORT:-18443}
EDGE2_HTTPS_PORT=${EDGEMEC_EDGE2_PROXY_HTTPS_PORT:-18444}
EDGE1_HTTP_PORT=${EDGEMEC_EDGE1_PROXY_HTTP_PORT:-18880}
EDGE2_HTTP_PORT=${EDGEMEC_EDGE2_PROXY_HTTP_PORT:-18881}
PG_PORT=${EDGEMEC_PG_PORT:-15432}
KAFKA_PORT=${EDGEMEC_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${EDGEMEC_KAFKA_CONTROLLER_PORT:-19093}
# the client secret ci/kube-play-values.yaml gives the edge proxy's client "demo"
DEMO_SECRET=kube-play-demo-secret
APP_HOST=kube-app.edge.test
# the address edge1's DNS server answers for APP_HOST (the app's DNS rule); nothing needs to serve there
APP_DNS_ADDRESS=10.20.30.40

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS  $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }
expect_eq() {
    if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1"; echo "      expected: $2"; echo "      actual:   $3"; fi
}
# container_of <deployment>: its first pod's container (kube play names it <pod>-<container>)
container_of() { echo "$1-pod-0-${1#edge[12]-}"; }
# tail_log <deployment>: the last lines of its container's log, after a failed check
tail_log() { "$PODMAN" logs --tail "${2:-20}" "$(container_of "$1")" 2>&1 | sed "s/^/      [$1] /"; }
finish() { echo "kube-play: $passed passed, $failed failed"; ((failed == 0)); }
log() { echo "[check-kube-play] $*"; }

WORK="$(mktemp -d)"
devstack_pid=""
played=""
cleanup() {
    if [[ -n $played ]]; then
        "$PODMAN" kube down "$WORK/out/kube-play.yaml" >/dev/null 2>&1 || true
    fi
    local f v
    for f in "$WORK"/out/secrets/*.json; do
        [[ -f $f ]] && "$PODMAN" secret rm "$(basename "$f" .json)" >/dev/null 2>&1 || true
    done
    # kube down leaves the volumes kube play made (the PVC's, and one per ConfigMap a pod mounts)
    for v in $(cat "$WORK/out/volumes" 2>/dev/null); do "$PODMAN" volume rm -f "$v" >/dev/null 2>&1 || true; done
    if [[ -n $devstack_pid ]]; then
        kill "$devstack_pid" 2>/dev/null || true
        wait "$devstack_pid" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- what it needs -------------------------------------------------------------------------------------------------
[[ -x $HELM && -d $ROOT/.mec/tools/node_modules/js-yaml ]] || bash "$ROOT/scripts/setup-tools.sh"
for s in relocation-service mec-app-lcm mec-platform; do
    if ! "$PODMAN" image exists "localhost/edgemec/$s:$TAG" 2>/dev/null; then
        fail "image localhost/edgemec/$s:$TAG in $STATE: build the images first (./mec images)"
        finish || exit 1
    fi
done
if ! command -v catatonit >/dev/null && ! "$PODMAN" images --format '{{.Repository}}' | grep -qx localhost/podman-pause; then
    fail "catatonit (the pods' pause process) is installed: run scripts/setup-engines.sh"
    finish || exit 1
fi
DEVSTACK_CP="$ROOT/devstack/target/classes/edgemec-devstack.classpath"
[[ -f $DEVSTACK_CP ]] || { fail "devstack is built ($DEVSTACK_CP): ./mec build"; finish || exit 1; }
busy=""
for p in $RELOCATION_PORT $LCM_PORT $EDGE1_PORT $EDGE2_PORT $EDGE1_DNS_PORT $EDGE2_DNS_PORT $EDGE1_HTTPS_PORT \
    $EDGE2_HTTPS_PORT $EDGE1_HTTP_PORT $EDGE2_HTTP_PORT $PG_PORT $KAFKA_PORT $KAFKA_CONTROLLER_PORT; do
    ss -Htlnu "sport = :$p" | grep -q . && busy+=" $p"
done
if [[ -n $busy ]]; then
    fail "the ports of the pods (host network) are free; in use:$busy (./mec down, or set the EDGEMEC_*_PORT variables)"
    finish || exit 1
fi

# --- PostgreSQL and Kafka: devstack, as ./mec up starts it ----------------------------------------------------------
log "starting PostgreSQL (127.0.0.1:$PG_PORT) and Kafka (127.0.0.1:$KAFKA_PORT) from devstack; data in $WORK/data"
: >"$WORK/devstack.log"
java -Xmx256m -cp "$ROOT/devstack/target/classes:$(cat "$DEVSTACK_CP")" org.edgemec.devstack.DevstackMain \
    "$WORK/data" "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" >"$WORK/devstack.log" 2>&1 </dev/null &
devstack_pid=$!
deadline=$((SECONDS + READY_TIMEOUT))
until grep -q '\[devstack\] READY' "$WORK/devstack.log"; do
    if ! kill -0 "$devstack_pid" 2>/dev/null || ((SECONDS >= deadline)); then
        tail -20 "$WORK/devstack.log"
        fail "devstack starts PostgreSQL and Kafka"
        finish || exit 1
    fi
    sleep 0.5
done

# --- render and convert ----------------------------------------------------------------------------------------------
# the ports, database and Kafka of this run over the values file (a host list given again replaces the file's)
cat >"$WORK/ports.yaml" <<EOF
externalDatabase:
  jdbcUrl: jdbc:postgresql://127.0.0.1:$PG_PORT/edgemec
externalKafka:
  bootstrapServers: 127.0.0.1:$KAFKA_PORT
relocationService:
  port: $RELOCATION_PORT
mecAppLcm:
  port: $LCM_PORT
hosts:
  - name: edge1
    port: $EDGE1_PORT
    dnsPort: $EDGE1_DNS_PORT
    proxy: {httpsPort: $EDGE1_HTTPS_PORT, httpPort: $EDGE1_HTTP_PORT}
    engine: {endpoint: "tcp://127.0.0.1:9"}
  - name: edge2
    port: $EDGE2_PORT
    dnsPort: $EDGE2_DNS_PORT
    proxy: {httpsPort: $EDGE2_HTTPS_PORT, httpPort: $EDGE2_HTTP_PORT}
    engine: {endpoint: "tcp://127.0.0.1:9"}
EOF
if "$HELM" template edgemec "$CHART" -f "$VALUES" -f "$WORK/ports.yaml" >"$WORK/rendered.yaml" 2>"$WORK/helm.err"; then
    pass "helm template with ci/kube-play-values.yaml"
else
    cat "$WORK/helm.err"
    fail "helm template with ci/kube-play-values.yaml"
    finish || exit 1
fi
if node "$ROOT/scripts/kube-play-convert.mjs" "$WORK/rendered.yaml" "$WORK/out" >"$WORK/convert.log" 2>&1; then
    sed 's/^/      /' "$WORK/convert.log"
    pass "the rendered objects converted for podman kube play (scripts/kube-play-convert.mjs)"
else
    cat "$WORK/convert.log"
    fail "the rendered objects converted for podman kube play"
    finish || exit 1
fi
# values read from the rendered Secrets, as from a cluster with kubectl get secret
secret_value() {
    node -e 'const fs = require("fs"); const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
        process.stdout.write(Buffer.from(d[process.argv[2]], "base64").toString("utf8"))' \
        "$WORK/out/secrets/$1.json" "$2"
}
TOKEN=$(secret_value edgemec-operator EDGEMEC_OPERATOR_TOKEN)
secret_value edgemec-platform-ca ca.pem >"$WORK/ca.pem"

# --- play ------------------------------------------------------------------------------------------------------------
for f in "$WORK"/out/secrets/*.json; do
    name=$(basename "$f" .json)
    "$PODMAN" secret rm "$name" >/dev/null 2>&1 || true
    "$PODMAN" secret create "$name" "$f" >/dev/null
done
played=1
# The store's podman with one setting more: the base hosts file of the containers names the Services (see the
# converter). The store's wrapper sets CONTAINERS_CONF itself, so its flags are given here.
cp "$STATE/containers.conf" "$WORK/containers.conf"
sed -i "/^\[containers\]/a base_hosts_file = \"$WORK/out/hosts\"" "$WORK/containers.conf"
kube_play() {
    CONTAINERS_CONF="$WORK/containers.conf" podman --root "$STATE/root" --runroot "$(podman_runroot "$STATE/runroot")" \
        --tmpdir "$STATE/tmp" kube play "$@"
}
# --network host: the pods' network (also hostNetwork in each pod), and no default kube network is created
if kube_play --quiet --network host "$WORK/out/kube-play.yaml" >"$WORK/play.log" 2>&1; then
    pass "podman kube play starts the pods"
else
    sed 's/^/      /' "$WORK/play.log"
    fail "podman kube play starts the pods"
fi
PODS="relocation-service|$RELOCATION_PORT mec-app-lcm|$LCM_PORT edge1-mec-platform|$EDGE1_PORT edge2-mec-platform|$EDGE2_PORT"
expect_eq "one pod per Deployment, running" \
    "$(printf '%s-pod-0 Running\n' edge1-mec-platform edge2-mec-platform mec-app-lcm relocation-service)" \
    "$("$PODMAN" pod ps --format '{{.Name}} {{.Status}}' | grep -E '^(relocation-service|mec-app-lcm|edge[12]-mec-platform)-pod-' | sort)"

# --- readiness -------------------------------------------------------------------------------------------------------
for entry in $PODS; do
    name=${entry%|*} port=${entry#*|}
    container=$(container_of "$name")
    health=""
    deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        health=$(curl -s --max-time 2 "http://127.0.0.1:$port/q/health/ready" || true)
        grep -q '"status": *"UP"' <<<"$health" && break
        [[ $("$PODMAN" inspect --format '{{.State.Running}}' "$container" 2>/dev/null) == true ]] || break
        sleep 1
    done
    if grep -q '"status": *"UP"' <<<"$health"; then
        pass "$name (pod $name-pod-0): /q/health/ready UP"
    else
        fail "$name (pod $name-pod-0): /q/health/ready not UP: ${health:-no answer}"
        tail_log "$name"
    fi
done

auth=(-H "Authorization: Bearer $TOKEN")
EDGE1="http://127.0.0.1:$EDGE1_PORT"

# --- mec-app-lcm: the chart's hosts ------------------------------------------------------------------------------------
expect_eq "mec-app-lcm lists the chart's hosts with their platforms by Service name (its files ConfigMap)" \
    "$(printf 'edge1 http://edge1-mec-platform:%s\nedge2 http://edge2-mec-platform:%s' "$EDGE1_PORT" "$EDGE2_PORT")" \
    "$(curl -s "${auth[@]}" "http://127.0.0.1:$LCM_PORT/app_lcm_ext/v1/mec_hosts" | jq -r '.[] | "\(.name) \(.platformUrl)"' 2>&1 | sort)"

# --- provisioning, Mp1 token and calls ---------------------------------------------------------------------------------
APP_ID="kube-play-$$"
cat >"$WORK/provision.json" <<EOF
{"appInstanceId": "$APP_ID", "appDId": "d-kube-play", "appName": "kube-play", "appProvider": "edgemec",
 "appSoftVersion": "1.0", "endpoint": {"host": "127.0.0.1", "port": $RELOCATION_PORT},
 "appDNSRule": [{"dnsRuleId": "dr1", "domainName": "$APP_HOST", "ipAddressType": "IP_V4",
                 "ipAddress": "$APP_DNS_ADDRESS", "ttl": 30}]}
EOF
status=$(curl -s -o "$WORK/credentials.json" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
    --data @"$WORK/provision.json" "$EDGE1/mec_platform_mgmt/v1/app_instances")
expect_eq "edge1: POST /mec_platform_mgmt/v1/app_instances with the operator token of the rendered Secret" \
    201 "$status"
client_id=$(jq -r '.clientId // empty' "$WORK/credentials.json" 2>/dev/null || true)
client_secret=$(jq -r '.clientSecret // empty' "$WORK/credentials.json" 2>/dev/null || true)
app_token=$(curl -s -u "$client_id:$client_secret" --data grant_type=client_credentials \
    "$EDGE1/mec_platform_mgmt/v1/oauth/token" | jq -r '.access_token // empty' 2>/dev/null || true)
if [[ -n $app_token ]]; then pass "edge1: the app's client credentials get an Mp1 token"; else fail "edge1: the app's client credentials get an Mp1 token"; fi
expect_eq "edge1: Mp1 GET /mec_service_mgmt/v1/services with the app's token" 200 \
    "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $app_token" "$EDGE1/mec_service_mgmt/v1/services")"
expect_eq "edge1: Mp1 GET /mec_app_support/v2/applications/{id}/dns_rules names the app's rule" "$APP_HOST ACTIVE" \
    "$(curl -s -H "Authorization: Bearer $app_token" "$EDGE1/mec_app_support/v2/applications/$APP_ID/dns_rules" |
        jq -r '.[] | "\(.domainName) \(.state)"' 2>&1)"

# --- DNS -----------------------------------------------------------------------------------------------------------------
expect_eq "edge1: DNS (UDP $EDGE1_DNS_PORT) answers the app's rule: $APP_HOST A $APP_DNS_ADDRESS" "$APP_DNS_ADDRESS" \
    "$(dig +short +time=2 +tries=2 -p "$EDGE1_DNS_PORT" @127.0.0.1 "$APP_HOST" A 2>&1)"
expect_eq "edge1: DNS over TCP answers the same" "$APP_DNS_ADDRESS" \
    "$(dig +short +tcp +time=2 +tries=2 -p "$EDGE1_DNS_PORT" @127.0.0.1 "$APP_HOST" A 2>&1)"

# --- edge proxy ---------------------------------------------------------------------------------------------------------
expect_eq "edge1: the proxy fronts the app's DNS name with its endpoint" "127.0.0.1:$RELOCATION_PORT" \
    "$(curl -s "${auth[@]}" "$EDGE1/edge_proxy/v1/services/$APP_HOST" | jq -r '.backend' 2>&1)"
expect_eq "edge1: its peer edge2 is the chart's authority (Service DNS name, edge2's HTTPS port)" \
    "edge2-mec-platform.default.svc:$EDGE2_HTTPS_PORT" \
    "$(curl -s "${auth[@]}" "$EDGE1/edge_proxy/v1/proxies" | jq -r '.[] | select(.name == "edge2") | .authority' 2>&1)"
PROXY="https://$APP_HOST:$EDGE1_HTTPS_PORT"
resolve=(--resolve "$APP_HOST:$EDGE1_HTTPS_PORT:127.0.0.1" --cacert "$WORK/ca.pem" -c "$WORK/cookies" -b "$WORK/cookies")
status=$(curl -s -o "$WORK/login.json" -w '%{http_code}' "${resolve[@]}" -H 'Content-Type: application/json' \
    --data "{\"clientId\": \"demo\", \"secret\": \"$DEMO_SECRET\"}" "$PROXY/edge_proxy/v1/login" 2>&1 || true)
expect_eq "edge1 proxy: login of client demo with the values' secret over HTTPS (certificate of the rendered CA)" \
    "200 edge1" "$status $(jq -r '.proxy' "$WORK/login.json" 2>&1)"
body=$(curl -s -D "$WORK/headers" "${resolve[@]}" "$PROXY/q/health/live" 2>&1 || true)
expect_eq "edge1 proxy: GET https://$APP_HOST/q/health/live forwarded to the app's endpoint (relocation-service)" \
    "UP" "$(jq -r '.status' <<<"$body" 2>&1)"
if grep -qi '^via: .*edge1' "$WORK/headers"; then
    pass "edge1 proxy: the answer came through the proxy (Via names edge1)"
else
    fail "edge1 proxy: the answer came through the proxy (Via names edge1)"
    sed 's/^/      /' "$WORK/headers"
fi

# --- between pods, by Service name (the hosts file) --------------------------------------------------------------------
status=$(curl -s -o "$WORK/login2.json" -w '%{http_code}' "${resolve[@]}" -H 'Content-Type: application/json' \
    --data "{\"clientId\": \"demo\", \"secret\": \"$DEMO_SECRET\", \"proxy\": \"edge2\"}" "$PROXY/edge_proxy/v1/login" 2>&1 || true)
expect_eq "edge1 proxy: a login for proxy edge2 names edge2's authority in Alt-Svc" \
    "200 edge2 h2=\"edge2-mec-platform.default.svc:$EDGE2_HTTPS_PORT\"; ma=3600" \
    "$status $(jq -r '"\(.proxy) \(.altSvc)"' "$WORK/login2.json" 2>&1)"
[[ $status == 200 ]] || tail_log edge1-mec-platform 30
expect_eq "edge2 holds the client's state, installed by edge1 through http://edge2-mec-platform:$EDGE2_PORT" "200" \
    "$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "http://127.0.0.1:$EDGE2_PORT/edge_proxy/v1/proxies/edge2/clients/demo")"
status=$(curl -s -o "$WORK/relocation.json" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: application/json' \
    --data '{"appInstanceId": "not-an-instance", "targetHost": "edge2"}' \
    "http://127.0.0.1:$RELOCATION_PORT/relocation/v1/relocations")
expect_eq "relocation-service asks mec-app-lcm (http://mec-app-lcm:$LCM_PORT) about the app instance: 400, not 503" \
    "400" "$status"
if grep -q 'appInstanceId' "$WORK/relocation.json"; then
    pass "the 400 names appInstanceId"
else
    fail "the 400 names appInstanceId"
    sed 's/^/      /' "$WORK/relocation.json"; echo
    tail_log relocation-service 40
fi

# --- tear down -----------------------------------------------------------------------------------------------------------
if "$PODMAN" kube down "$WORK/out/kube-play.yaml" >"$WORK/down.log" 2>&1; then
    played=""
    expect_eq "podman kube down removes the pods" "" \
        "$("$PODMAN" pod ps --format '{{.Name}}' | grep -E '^(relocation-service|mec-app-lcm|edge[12]-mec-platform)-pod-' || true)"
else
    sed 's/^/      /' "$WORK/down.log"
    fail "podman kube down removes the pods"
fi

finish
