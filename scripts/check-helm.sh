#!/usr/bin/env bash
# Lints and renders helm/edgemec with the default values and with
# ci/external-values.yaml, then asserts facts about the rendered manifests.
# Uses the helm binary from .mec/tools (installed by scripts/setup-tools.sh).
# Exit code: 0 when every check passes. Last line: "helm: N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHART="$ROOT/helm/edgemec"
EXTERNAL="$CHART/ci/external-values.yaml"
HELM="$ROOT/.mec/tools/bin/helm"

if [[ ! -x "$HELM" ]]; then
    echo "[check-helm] $HELM missing, running scripts/setup-tools.sh"
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
expect_eq "default: a ConfigMap, Secret and Service per service" \
    "$(for k in ConfigMap Secret Service; do for n in edge1-mec-platform edge2-mec-platform mec-app-lcm relocation-service; do echo "$k $n"; done; done | sort)" \
    "$(grep -E '^(ConfigMap|Secret|Service) (edge[0-9]-mec-platform|mec-app-lcm|relocation-service)$' "$WORK/default.objects" | sort)"
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
expect_eq "external: no database Secret rendered (existingSecret used), only the operator token's" \
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

# --- misconfigurations are refused ---------------------------------------------
check "refuses postgresql.enabled=false without externalDatabase" refuses --set postgresql.enabled=false
check "refuses kafka.enabled=false without externalKafka.bootstrapServers" refuses --set kafka.enabled=false
printf 'hosts:\n  - name: edge1\n  - name: edge1\n' >"$WORK/duplicate-hosts.yaml"
check "refuses duplicate host names" refuses -f "$WORK/duplicate-hosts.yaml"
check "refuses a host name that is no DNS label (schema)" refuses --set "hosts[0].name=Edge_1"

echo "helm: $passed passed, $failed failed"
[[ "$failed" -eq 0 ]]
