#!/usr/bin/env bash
# Lints and renders helm/edgemec with the default values and with
# ci/external-values.yaml, asserts facts about the rendered manifests, validates them
# against the Kubernetes schemas (scripts/validate-k8s.mjs) and checks that values
# which cannot work are refused, each for its own reason.
# Uses helm and kubernetes-models from .mec/tools (installed by scripts/setup-tools.sh).
# Exit code: 0 when every check passes. Last line: "helm: N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHART="$ROOT/helm/edgemec"
EXTERNAL="$CHART/ci/external-values.yaml"
HELM="$ROOT/.mec/tools/bin/helm"

if [[ ! -x "$HELM" || ! -f "$ROOT/.mec/tools/node_modules/kubernetes-models/package.json" ]]; then
    echo "[check-helm] helm or kubernetes-models missing in .mec/tools, running scripts/setup-tools.sh"
    bash "$ROOT/scripts/setup-tools.sh"
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS  $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }

# check DESCRIPTION COMMAND...: passes when COMMAND exits 0 (its output goes to $WORK/last.log).
check() {
    local description="$1"
    shift
    if "$@" >"$WORK/last.log" 2>&1; then
        pass "$description"
    else
        fail "$description"
        sed 's/^/      /' "$WORK/last.log" | tail -20
    fi
}

# "Kind name" for every rendered object.
objects() {
    awk '/^---/ { k = ""; m = 0 }
         /^kind: / { k = $2 }
         /^metadata:/ { m = 1; next }
         m && /^  name: / { print k, $2; m = 0 }' "$1"
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
    if [[ "$2" == "$3" ]]; then
        pass "$1"
    else
        fail "$1"
        echo "      expected: $(echo "$2" | tr '\n' ' ')"
        echo "      actual:   $(echo "$3" | tr '\n' ' ')"
    fi
}

# render OUT ARGS...: helm template into OUT.
render() {
    local out="$1"
    shift
    "$HELM" template edgemec "$CHART" "$@" >"$out"
}

# refuses ARGS...: passes when helm template fails with these arguments.
refuses() {
    ! "$HELM" template edgemec "$CHART" "$@"
}

# refuses_with PATTERN ARGS...: passes when helm template fails with these arguments and its error matches PATTERN
# (so a refusal for another reason does not count).
refuses_with() {
    local pattern="$1" out
    shift
    if out=$("$HELM" template edgemec "$CHART" "$@" 2>&1 >/dev/null); then
        echo "rendered without error"
        return 1
    fi
    echo "$out"
    grep -qE -- "$pattern" <<<"$out"
}

# host_file FILE YAML...: a values file whose hosts list is the one entry given (YAML lines under "  - ").
host_file() {
    local file="$1"
    shift
    { echo "hosts:"; echo "  - name: edge1"; printf '    %s\n' "$@"; } >"$file"
}

# count_is N FILE PATTERN: FILE has exactly N lines matching PATTERN.
count_is() {
    [[ "$(grep -cE -- "$3" "$2")" -eq "$1" ]]
}

# Values of one environment key in the ConfigMaps, sorted.
config_values() {
    grep -E "^  $2: " "$1" | sed -E "s/^  $2: \"?([^\"]*)\"?$/\1/" | sort
}

echo "[check-helm] $("$HELM" version --short), chart $CHART"

# --- lint and render ---------------------------------------------------------
check "helm lint --strict (default values)" "$HELM" lint --strict "$CHART"
check "helm lint --strict (ci/external-values.yaml)" "$HELM" lint --strict "$CHART" -f "$EXTERNAL"
check "helm template (default values)" render "$WORK/default.yaml"
check "helm template (ci/external-values.yaml)" render "$WORK/external.yaml" -f "$EXTERNAL"

DEF="$WORK/default.yaml"
EXT="$WORK/external.yaml"
touch "$DEF" "$EXT"
objects "$DEF" >"$WORK/default.objects"
objects "$EXT" >"$WORK/external.objects"

# --- default values: in-chart PostgreSQL and Kafka, two edge hosts -------------
expect_eq "default: one mec-platform Deployment per host (edge1, edge2)" \
    "$(printf 'edge1-mec-platform\nedge2-mec-platform')" \
    "$(awk '$1 == "Deployment" && $2 ~ /-mec-platform$/ { print $2 }' "$WORK/default.objects" | sort)"
expect_eq "default: Deployments of all services" \
    "$(printf 'edge1-mec-platform\nedge2-mec-platform\nmec-app-lcm\nrelocation-service')" \
    "$(awk '$1 == "Deployment" { print $2 }' "$WORK/default.objects" | sort)"
expect_eq "default: a ConfigMap and Service per service" \
    "$(for k in ConfigMap Service; do for n in edge1-mec-platform edge2-mec-platform mec-app-lcm relocation-service; do echo "$k $n"; done; done | sort)" \
    "$(grep -E '^(ConfigMap|Service) (edge[0-9]-mec-platform|mec-app-lcm|relocation-service)$' "$WORK/default.objects" | sort)"
expect_eq "default: Secrets shared by all services (operator token, database, platform CA)" \
    "$(printf 'Secret edgemec-database\nSecret edgemec-operator\nSecret edgemec-platform-ca')" \
    "$(grep '^Secret ' "$WORK/default.objects" | sort)"
expect_eq "default: EDGEMEC_HOST_NAME is edge1 and edge2" \
    "$(printf 'edge1\nedge2')" "$(config_values "$DEF" EDGEMEC_HOST_NAME)"
expect_eq "default: one schema per service" \
    "$(printf 'app_lcm\nplatform_edge1\nplatform_edge2\nrelocation')" "$(config_values "$DEF" EDGEMEC_DB_SCHEMA)"
expect_eq "default: HTTP ports 18080..18083" \
    "$(printf '18080\n18081\n18082\n18083')" "$(config_values "$DEF" QUARKUS_HTTP_PORT)"
expect_eq "default: services use the in-chart PostgreSQL" \
    "jdbc:postgresql://edgemec-postgresql:5432/edgemec" "$(config_values "$DEF" QUARKUS_DATASOURCE_JDBC_URL | uniq)"
expect_eq "default: services use the in-chart Kafka" \
    "edgemec-kafka:9092" "$(config_values "$DEF" KAFKA_BOOTSTRAP_SERVERS | uniq)"
expect_eq "default: PostgreSQL and Kafka StatefulSets" \
    "$(printf 'StatefulSet edgemec-kafka\nStatefulSet edgemec-postgresql')" \
    "$(grep '^StatefulSet ' "$WORK/default.objects" | sort)"
check "default: image postgres:16" count_is 1 "$DEF" 'image: "postgres:16"$'
check "default: image apache/kafka:4.1.1" count_is 1 "$DEF" 'image: "apache/kafka:4.1.1"$'
check "default: PostgreSQL and Kafka keep data in PVCs" count_is 2 "$DEF" '^  volumeClaimTemplates:'
grep -A2 -E '^ +livenessProbe:' "$DEF" >"$WORK/liveness.txt" || true
check "default: every service Deployment has a readiness probe on /q/health/ready" \
    count_is 4 "$DEF" 'path: /q/health/ready$'
check "default: every service Deployment has a liveness probe on /q/health/live" \
    count_is 4 "$WORK/liveness.txt" 'path: /q/health/live$'

# --- external values: no in-chart PostgreSQL/Kafka, three edge hosts ------------
expect_eq "external: no StatefulSet rendered" "" "$(grep '^StatefulSet ' "$WORK/external.objects" || true)"
expect_eq "external: no database or CA Secret rendered (existingSecrets used), only the operator token's" \
    "Secret edgemec-operator" "$(grep '^Secret ' "$WORK/external.objects" || true)"
check "default: every service Deployment reads the operator token from the shared Secret" \
    count_is 4 "$DEF" '^                name: edgemec-operator$'
GIVEN=$("$HELM" template t "$CHART" --set operator.token=given-operator-token-0123 2>&1 | grep 'EDGEMEC_OPERATOR_TOKEN:' || true)
expect_eq "operator.token given: the Secret holds it" \
    "  EDGEMEC_OPERATOR_TOKEN: \"$(printf given-operator-token-0123 | base64)\"" "$GIVEN"
GENERATED=$(grep 'EDGEMEC_OPERATOR_TOKEN:' "$DEF" | sed 's/.*: "\(.*\)"/\1/' | base64 -d 2>/dev/null || true)
expect_eq "operator.token empty: a random 48-character token is generated" 48 "${#GENERATED}"
expect_eq "external: one mec-platform Deployment per host (3)" \
    "$(printf 'edge-3-mec-platform\nedge1-mec-platform\nedge2-mec-platform')" \
    "$(awk '$1 == "Deployment" && $2 ~ /-mec-platform$/ { print $2 }' "$WORK/external.objects" | sort)"
expect_eq "external: EDGEMEC_HOST_NAME values" \
    "$(printf 'edge-3\nedge1\nedge2')" "$(config_values "$EXT" EDGEMEC_HOST_NAME)"
expect_eq "external: dashes in host names become underscores in the schema" \
    "platform_edge_3" "$(config_values "$EXT" EDGEMEC_DB_SCHEMA | grep edge_3 || true)"
expect_eq "external: services use the external database" \
    "jdbc:postgresql://db.example.internal:5433/edgemec_ci" "$(config_values "$EXT" QUARKUS_DATASOURCE_JDBC_URL | uniq)"
expect_eq "external: services use the external Kafka" \
    "kafka-0.example.internal:9092,kafka-1.example.internal:9092" "$(config_values "$EXT" KAFKA_BOOTSTRAP_SERVERS | uniq)"
grep -A2 -E '^ +secretKeyRef:' "$EXT" >"$WORK/secret-refs.txt" || true
check "external: every service reads the password from the existing Secret" \
    count_is 5 "$WORK/secret-refs.txt" 'name: edgemec-db-credentials$'

# doc KIND NAME FILE: the rendered object KIND NAME as one YAML document.
doc() {
    awk -v k="$1" -v n="$2" '/^---/ { if (hit) exit; buf = ""; kind = ""; name = ""; m = 0; next }
        { buf = buf $0 "\n" }
        /^kind: / { kind = $2 }
        /^metadata:/ { m = 1; next }
        m && /^  name: / { name = $2; m = 0 }
        kind == k && name == n { hit = 1 }
        END { if (hit) printf "%s", buf }' "$3"
}
# secret_value FILE NAME KEY: the decoded value of KEY in Secret NAME.
secret_value() {
    doc Secret "$2" "$1" | sed -n "s/^  $3: \"\(.*\)\"$/\1/p" | base64 -d
}

# --- mec-platform: DNS and proxy ports, peers, one Deployment per host --------------
doc Service edge1-mec-platform "$DEF" >"$WORK/edge1.svc"
doc Deployment edge1-mec-platform "$DEF" >"$WORK/edge1.deploy"
expect_eq "default: edge1 Service ports http, DNS (UDP and TCP), proxy HTTPS and HTTP" \
    "$(printf 'http 18082 TCP\ndns-udp 18053 UDP\ndns-tcp 18053 TCP\nproxy-https 18443 TCP\nproxy-http 18880 TCP')" \
    "$(awk '/- name: /{n=$3} /^      port: /{p=$2} /protocol: /{print n, p, $2}' "$WORK/edge1.svc")"
expect_eq "default: edge1 container ports http, DNS (UDP and TCP), proxy HTTPS and HTTP" \
    "$(printf 'http 18082 TCP\ndns-udp 18053 UDP\ndns-tcp 18053 TCP\nproxy-https 18443 TCP\nproxy-http 18880 TCP')" \
    "$(awk '/^            - name: /{n=$3} /containerPort: /{p=$2} /^              protocol: /{print n, p, $2}' "$WORK/edge1.deploy")"
expect_eq "default: platform Services are ClusterIP" "ClusterIP" \
    "$(grep -h '^  type: ' "$WORK/edge1.svc" <(doc Service edge2-mec-platform "$DEF") | sort -u | awk '{print $2}')"
expect_eq "external: mecPlatform.service.type LoadBalancer, edge-3 overrides it with NodePort (node ports = ports)" \
    "$(printf 'LoadBalancer\nLoadBalancer\nNodePort 30082 30053 30053 30443 30080')" \
    "$(for h in edge1 edge2 edge-3; do doc Service $h-mec-platform "$EXT" | awk '/^  type: /{t=$2} /nodePort: /{np = np " " $2} END {print t np}'; done)"
expect_eq "default: each platform listens on all interfaces (DNS and proxy)" "0.0.0.0 0.0.0.0" \
    "$(echo $(config_values "$DEF" EDGEMEC_DNS_BIND | uniq) $(config_values "$DEF" EDGEMEC_PROXY_LISTEN_HOST | uniq))"
expect_eq "default: zones zone-<host>, public host and URL from the Service DNS names" \
    "$(printf 'zone-edge1 edge1-mec-platform.default.svc http://edge1-mec-platform.default.svc:18082\nzone-edge2 edge2-mec-platform.default.svc http://edge2-mec-platform.default.svc:18083')" \
    "$(paste -d' ' <(config_values "$DEF" EDGEMEC_PROXY_ZONE) <(config_values "$DEF" EDGEMEC_PROXY_PUBLIC_HOST) <(config_values "$DEF" EDGEMEC_PUBLIC_URL))"
expect_eq "external: a host's proxy.publicHost, publicUrl and zone are used" \
    "zone-north edge1.mec.example.internal http://edge1.mec.example.internal:18082" \
    "$(doc ConfigMap edge1-mec-platform "$EXT" | awk -F': ' '/EDGEMEC_PROXY_ZONE|EDGEMEC_PROXY_PUBLIC_HOST|EDGEMEC_PUBLIC_URL/ {gsub(/"/, "", $2); v[$1] = $2} END {print v["  EDGEMEC_PROXY_ZONE"], v["  EDGEMEC_PROXY_PUBLIC_HOST"], v["  EDGEMEC_PUBLIC_URL"]}')"
PEERS="$(printf '%s\n' \
    'edgemec.proxy.peers.edge1.authority=edge1-mec-platform.default.svc:18443' \
    'edgemec.proxy.peers.edge1.control-url=http://edge1-mec-platform:18082' \
    'edgemec.proxy.peers.edge1.zone=zone-edge1' \
    'edgemec.proxy.peers.edge2.authority=edge2-mec-platform.default.svc:18443' \
    'edgemec.proxy.peers.edge2.control-url=http://edge2-mec-platform:18083' \
    'edgemec.proxy.peers.edge2.zone=zone-edge2')"
for h in edge1 edge2; do
    expect_eq "default: $h's peers are every host's proxy and control URL, by Service name" "$PEERS" \
        "$(doc ConfigMap $h-mec-platform-files "$DEF" | grep -o 'edgemec\.proxy\.peers\..*')"
done
check "default: platforms and the LCM read their properties file (QUARKUS_CONFIG_LOCATIONS)" \
    count_is 3 "$DEF" 'value: /etc/edgemec/config/edgemec.properties$'
check "external: edge-3's peer authority is its Service name with its own HTTPS port" \
    grep -q '^    edgemec.proxy.peers.edge-3.authority=edge-3-mec-platform.default.svc:30443$' "$EXT"
expect_eq "external: edge-3 runs 2 replicas" "2" "$(doc Deployment edge-3-mec-platform "$EXT" | awk '/^  replicas: /{print $2}')"

# --- shared Secrets: platform CA and session key, database password ------------------
secret_value "$DEF" edgemec-platform-ca ca-key.pem >"$WORK/ca-key.pem"
secret_value "$DEF" edgemec-platform-ca ca.pem >"$WORK/ca.pem"
check "default: ca-key.pem holds an EC P-256 key (the platform signs with SHA256withECDSA)" \
    bash -c "grep -q 'BEGIN EC PRIVATE KEY' '$WORK/ca-key.pem' && openssl ec -in '$WORK/ca-key.pem' -noout -text 2>/dev/null | grep -q 'prime256v1'"
check "default: ca-key.pem holds the CA certificate too, and it is ca.pem" \
    bash -c "diff <(sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' '$WORK/ca-key.pem') '$WORK/ca.pem'"
check "default: ca.pem is a CA certificate valid 10 years" \
    bash -c "openssl x509 -in '$WORK/ca.pem' -noout -text | grep -q 'CA:TRUE' && openssl x509 -in '$WORK/ca.pem' -noout -checkend \$((3640 * 86400))"
check "default: the CA key matches the certificate" \
    bash -c "[ \"\$(openssl pkey -in '$WORK/ca-key.pem' -pubout)\" = \"\$(openssl x509 -in '$WORK/ca.pem' -noout -pubkey)\" ]"
expect_eq "default: session.key is 32 random bytes, base64" 32 \
    "$(secret_value "$DEF" edgemec-platform-ca session.key | base64 -d | wc -c)"
check "default: every platform mounts the CA Secret read-only at the proxy CA dir" \
    bash -c "[ \$(grep -c 'secretName: edgemec-platform-ca$' '$DEF') -eq 2 ] && [ \$(grep -A2 -E 'mountPath: /etc/edgemec/ca$' '$DEF' | grep -c 'readOnly: true') -eq 2 ]"
expect_eq "default: EDGEMEC_PROXY_CA_DIR is the mount" "/etc/edgemec/ca" "$(config_values "$DEF" EDGEMEC_PROXY_CA_DIR | uniq)"
check "external: platformCa.existingSecret is mounted instead" \
    count_is 3 "$EXT" 'secretName: edgemec-ca-from-mec$'
GENERATED_DB=$(secret_value "$DEF" edgemec-database password)
expect_eq "default: a random 32-character database password is generated" 32 "${#GENERATED_DB}"
expect_eq "postgresql.auth.password given: the Secret holds it" "given-db-password" \
    "$("$HELM" template t "$CHART" --set postgresql.auth.password=given-db-password | secret_value /dev/stdin edgemec-database password)"
check "default: PostgreSQL and all 4 services read the password from edgemec-database" \
    count_is 5 "$DEF" '^ {16,}name: edgemec-database$'

# --- mec-app-lcm: package store, MEC hosts and engine TLS ----------------------------
doc Deployment mec-app-lcm "$DEF" >"$WORK/lcm.deploy"
expect_eq "default: package store PVC (10Gi, ReadWriteOnce, kept on uninstall)" \
    "ReadWriteOnce 10Gi keep" \
    "$(doc PersistentVolumeClaim mec-app-lcm-packages "$DEF" | awk '/- ReadWrite/{m=$2} /storage: /{s=$2} /resource-policy: /{k=$2} END {print m, s, k}')"
expect_eq "default: EDGEMEC_LCM_PACKAGE_DIR is the PVC's mount" "/var/lib/edgemec/packages" \
    "$(config_values "$DEF" EDGEMEC_LCM_PACKAGE_DIR)"
check "default: the LCM mounts the PVC there" \
    bash -c "grep -q 'mountPath: /var/lib/edgemec/packages' '$WORK/lcm.deploy' && grep -q 'claimName: mec-app-lcm-packages' '$WORK/lcm.deploy'"
expect_eq "default: one LCM replica on a ReadWriteOnce store rolls with Recreate" "Recreate" \
    "$(awk '/^    type: /{print $2; exit}' "$WORK/lcm.deploy")"
expect_eq "external: ReadWriteMany store: 2 replicas, RollingUpdate, storage class set" "2 RollingUpdate nfs-client" \
    "$(doc Deployment mec-app-lcm "$EXT" | awk '/^  replicas: /{r=$2} /^    type: /{t=$2} END {printf "%s %s ", r, t}'; doc PersistentVolumeClaim mec-app-lcm-packages "$EXT" | awk '/storageClassName: /{gsub(/"/, "", $2); print $2}')"
check "mecAppLcm.packageStore.existingClaim: no PVC rendered, the claim is mounted" \
    bash -c "out=\$('$HELM' template t '$CHART' --set mecAppLcm.packageStore.existingClaim=my-packages) && ! grep -q 'kind: PersistentVolumeClaim' <<<\"\$out\" && grep -q 'claimName: my-packages' <<<\"\$out\""
expect_eq "default: the LCM's hosts: engine endpoint and TLS files, platform by Service name, zone, capacity" \
    "$(printf '%s\n' \
        'edgemec.hosts.edge1.engine-endpoint=https://edge1-engine:2376' \
        'edgemec.hosts.edge1.engine-kind=PODMAN' \
        'edgemec.hosts.edge1.platform-url=http://edge1-mec-platform:18082' \
        'edgemec.hosts.edge1.zone=zone-edge1' \
        'edgemec.hosts.edge1.capacity.cpu=4' \
        'edgemec.hosts.edge1.capacity.memory-mb=4096' \
        'edgemec.hosts.edge1.engine-tls.ca-cert=/etc/edgemec/engine-tls/edge1/ca.pem' \
        'edgemec.hosts.edge1.engine-tls.client-cert=/etc/edgemec/engine-tls/edge1/cert.pem' \
        'edgemec.hosts.edge1.engine-tls.client-key=/etc/edgemec/engine-tls/edge1/key.pem')" \
    "$(doc ConfigMap mec-app-lcm-files "$DEF" | grep -o 'edgemec\.hosts\.edge1\..*')"
check "default: each host's engine TLS Secret is mounted read-only where the properties point" \
    bash -c "grep -A1 'mountPath: /etc/edgemec/engine-tls/edge2$' '$WORK/lcm.deploy' | grep -q 'name: engine-tls-edge2' && grep -A3 'name: engine-tls-edge2$' '$WORK/lcm.deploy' | grep -q 'secretName: edge2-engine-tls'"
check "external: a tcp:// host without tlsSecret gets no engine-tls properties" \
    bash -c "! grep -q 'edgemec.hosts.edge-3.engine-tls' '$EXT' && grep -q 'edgemec.hosts.edge-3.engine-endpoint=tcp://engine-3.example.internal:2375' '$EXT'"
check "external: engine.kind DOCKER and capacity pass through" \
    bash -c "grep -q 'edgemec.hosts.edge2.engine-kind=DOCKER' '$EXT' && grep -q 'edgemec.hosts.edge-3.capacity.memory-mb=16384' '$EXT'"
check "default: the LCM pod is not privileged (CRIU runs on the engine's machine)" \
    bash -c "! grep -qE 'privileged|hostPath|CAP_' '$WORK/lcm.deploy'"

# --- addresses: Service DNS names, no loopback between pods ---------------------------
expect_eq "default: relocation-service reaches the LCM by Service name, AMS base URL its Service DNS name" \
    "http://mec-app-lcm:18081 http://relocation-service.default.svc:18080" \
    "$(echo $(config_values "$DEF" EDGEMEC_LCM_URL) $(config_values "$DEF" EDGEMEC_AMS_BASE_URL))"
expect_eq "default: LCM base URL its Service DNS name" "http://mec-app-lcm.default.svc:18081" "$(config_values "$DEF" EDGEMEC_LCM_BASE_URL)"
check "default: no ConfigMap names 127.0.0.1 or localhost" \
    bash -c "! awk '/^kind: ConfigMap/,/^---/' '$DEF' | grep -qE '127\.0\.0\.1|localhost'"
check "external: no ConfigMap names 127.0.0.1 or localhost" \
    bash -c "! awk '/^kind: ConfigMap/,/^---/' '$EXT' | grep -qE '127\.0\.0\.1|localhost'"

"$HELM" template t "$CHART" --set namePrefix=staging- -n mec >"$WORK/prefix.yaml"
check "namePrefix and namespace: peers, platform URLs and the LCM URL use the prefixed Service names" \
    bash -c "grep -q 'edgemec.proxy.peers.edge2.authority=staging-edge2-mec-platform.mec.svc:18443' '$WORK/prefix.yaml' &&
        grep -q 'edgemec.proxy.peers.edge2.control-url=http://staging-edge2-mec-platform:18083' '$WORK/prefix.yaml' &&
        grep -q 'edgemec.hosts.edge2.platform-url=http://staging-edge2-mec-platform:18083' '$WORK/prefix.yaml' &&
        grep -q 'EDGEMEC_LCM_URL: \"http://staging-mec-app-lcm:18081\"' '$WORK/prefix.yaml' &&
        grep -q 'claimName: staging-mec-app-lcm-packages' '$WORK/prefix.yaml'"

# --- resources and probes -------------------------------------------------------------
check "default: every container (4 services, PostgreSQL, Kafka) has resources" count_is 6 "$DEF" '^          resources:$'
check "default: every service Deployment has a startup probe" count_is 4 "$DEF" '^          startupProbe:$'

# --- Kubernetes schemas (npm kubernetes-models) ----------------------------------------
check "default: every rendered object is valid against the Kubernetes schemas" \
    node "$ROOT/scripts/validate-k8s.mjs" "$DEF"
check "external: every rendered object is valid against the Kubernetes schemas" \
    node "$ROOT/scripts/validate-k8s.mjs" "$EXT"
sed 's/containerPort: 18081$/containerPort: "18081"/' "$DEF" >"$WORK/broken.yaml"
check "the Kubernetes schema check refuses a string containerPort" bash -c "! node '$ROOT/scripts/validate-k8s.mjs' '$WORK/broken.yaml'"

# --- misconfigurations are refused ---------------------------------------------
check "refuses postgresql.enabled=false without externalDatabase" refuses --set postgresql.enabled=false
check "refuses kafka.enabled=false without externalKafka.bootstrapServers" refuses --set kafka.enabled=false
printf 'hosts:\n  - name: edge1\n  - name: edge1\n' >"$WORK/duplicate-hosts.yaml"
check "refuses duplicate host names" refuses -f "$WORK/duplicate-hosts.yaml"
check "refuses a host name that is no DNS label (schema)" refuses --set "hosts[0].name=Edge_1"
printf 'hosts: []\n' >"$WORK/no-hosts.yaml"
check "refuses no MEC hosts (schema)" refuses_with "/hosts': minItems" -f "$WORK/no-hosts.yaml"
check "helm lint refuses no MEC hosts" bash -c "! '$HELM' lint '$CHART' -f '$WORK/no-hosts.yaml'"
host_file "$WORK/no-engine.yaml" "port: 18082"
check "refuses a host without engine (schema)" refuses_with "missing property 'engine'" -f "$WORK/no-engine.yaml"
host_file "$WORK/https-no-tls.yaml" "engine:" "  endpoint: https://engine-1:2376"
check "refuses an https:// engine endpoint without engine.tlsSecret (schema)" \
    refuses_with "missing property 'tlsSecret'" -f "$WORK/https-no-tls.yaml"
check "helm lint refuses an https:// engine endpoint without engine.tlsSecret" \
    bash -c "! '$HELM' lint '$CHART' -f '$WORK/https-no-tls.yaml'"
host_file "$WORK/https-empty-tls.yaml" "engine:" "  endpoint: https://engine-1:2376" "  tlsSecret: ''"
check "refuses an https:// engine endpoint with an empty engine.tlsSecret (schema)" \
    refuses_with "tlsSecret': minLength" -f "$WORK/https-empty-tls.yaml"
host_file "$WORK/unix-tls.yaml" "engine:" "  endpoint: unix:///run/podman.sock" "  tlsSecret: engine-tls"
check "refuses engine.tlsSecret on a unix:// endpoint (schema)" refuses_with "tlsSecret': maxLength" -f "$WORK/unix-tls.yaml"
host_file "$WORK/http-engine.yaml" "engine:" "  endpoint: http://engine-1:2375"
check "refuses an engine endpoint that is no unix/tcp/https URL (schema)" \
    refuses_with "endpoint': 'http://engine-1:2375' does not match" -f "$WORK/http-engine.yaml"
host_file "$WORK/crio.yaml" "engine:" "  endpoint: tcp://engine-1:2375" "  kind: CRIO"
check "refuses engine.kind other than PODMAN/DOCKER (schema)" refuses_with "kind': value must be one of" -f "$WORK/crio.yaml"
for key in relocationService.replicas mecAppLcm.replicas mecPlatform.replicas; do
    check "refuses $key=0 (schema)" refuses_with "replicas': minimum: got 0" --set "$key=0"
done
host_file "$WORK/host-replicas-0.yaml" "replicas: 0" "engine:" "  endpoint: tcp://engine-1:2375"
check "refuses hosts[].replicas=0 (schema)" refuses_with "/hosts/0/replicas': minimum: got 0" -f "$WORK/host-replicas-0.yaml"
check "helm lint refuses mecAppLcm.replicas=0" bash -c "! '$HELM' lint '$CHART' --set mecAppLcm.replicas=0"
check "refuses mecAppLcm.replicas=2 on a ReadWriteOnce package store" \
    refuses_with "needs mecAppLcm.packageStore.accessModes with ReadWriteMany" --set mecAppLcm.replicas=2
check "refuses a NodePort Service with ports outside the node-port range" \
    refuses_with "port 18082 must lie in 30000-32767" --set mecPlatform.service.type=NodePort
check "refuses a bad package store size (schema)" refuses_with "size': 'lots' does not match" --set mecAppLcm.packageStore.size=lots
check "refuses postgresql.enabled=false without a database password" \
    refuses_with "externalDatabase.password or externalDatabase.existingSecret is required" \
    --set postgresql.enabled=false --set externalDatabase.host=db --set kafka.enabled=false \
    --set externalKafka.bootstrapServers=k:9092

echo "helm: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
