#!/usr/bin/env bash
# Runs every postman/*.postman_collection.json with newman against a running
# EdgeMEC system. Environment: postman/local.postman_environment.json, or the
# file named by EDGEMEC_POSTMAN_ENV. Writes JUnit XML to .mec/reports/newman-<name>.xml.
# The operator token is the installation's (EDGEMEC_OPERATOR_TOKEN, else the .mec/operator-token that ./mec up
# generated) and the service URLs follow the EDGEMEC_*_PORT variables of ./mec: both are passed with --env-var, over
# the environment file's values.
# Every success body of an ETSI resource is checked against the schema of its type in the shipped ETSI OpenAPI files,
# and a body of an EdgeMEC extension against the served /q/openapi of its service: scripts/postman-schemas.mjs turns
# both into the globals file $STATE/postman-schemas.globals.json (made anew on each run), passed with --globals.
# Exit code: non-zero when any collection has a failed request or assertion.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${EDGEMEC_STATE_DIR:-$ROOT/.mec}"
TOOLS="$ROOT/.mec/tools"
NEWMAN="$TOOLS/node_modules/.bin/newman"
ENV_FILE="${EDGEMEC_POSTMAN_ENV:-$ROOT/postman/local.postman_environment.json}"
REPORTS="$STATE/reports"

TOKEN="${EDGEMEC_OPERATOR_TOKEN:-}"
if [[ -z "$TOKEN" ]]; then
    [[ -s "$STATE/operator-token" ]] ||
        { echo "[run-newman] no operator token: $STATE/operator-token missing (./mec up writes it) and EDGEMEC_OPERATOR_TOKEN unset" >&2; exit 1; }
    TOKEN="$(tr -d '[:space:]' <"$STATE/operator-token")"
fi
RELOCATION_URL="http://127.0.0.1:${EDGEMEC_RELOCATION_PORT:-18080}"
LCM_URL="http://127.0.0.1:${EDGEMEC_LCM_PORT:-18081}"
EDGE1_URL="http://127.0.0.1:${EDGEMEC_EDGE1_PORT:-18082}"
VARS=(--env-var "operatorToken=$TOKEN"
    --env-var "relocationUrl=$RELOCATION_URL"
    --env-var "lcmUrl=$LCM_URL"
    --env-var "edge1Url=$EDGE1_URL"
    --env-var "edge2Url=http://127.0.0.1:${EDGEMEC_EDGE2_PORT:-18083}"
    --env-var "edge1ProxyHttp=http://127.0.0.1:${EDGEMEC_EDGE1_PROXY_HTTP_PORT:-18880}"
    --env-var "edge1Backend=127.0.0.1:${EDGEMEC_EDGE1_PORT:-18082}")

if [[ ! -x "$NEWMAN" || ! -d "$TOOLS/node_modules/js-yaml" ]]; then
    echo "[run-newman] newman or js-yaml missing in $TOOLS, running scripts/setup-tools.sh"
    bash "$ROOT/scripts/setup-tools.sh"
fi
mkdir -p "$REPORTS"
SCHEMAS="$STATE/postman-schemas.globals.json"
served=()
for service in relocation-service:$RELOCATION_URL mec-app-lcm:$LCM_URL mec-platform:$EDGE1_URL; do
    doc="$REPORTS/openapi-${service%%:*}.json"
    curl -sfS --max-time 10 -o "$doc" "${service#*:}/q/openapi?format=json" ||
        { echo "[run-newman] cannot fetch ${service#*:}/q/openapi of ${service%%:*}: is the system up?" >&2; exit 1; }
    served+=("$doc")
done
node "$ROOT/scripts/postman-schemas.mjs" "$SCHEMAS" "${served[@]}"

shopt -s nullglob
collections=("$ROOT"/postman/*.postman_collection.json)
if [[ ${#collections[@]} -eq 0 ]]; then
    echo "[run-newman] no collections in $ROOT/postman" >&2
    exit 1
fi

failed=()
for collection in "${collections[@]}"; do
    name="$(basename "$collection" .postman_collection.json)"
    report="$REPORTS/newman-$name.xml"
    echo "[run-newman] $name (environment $(basename "$ENV_FILE"), JUnit report $report)"
    # FORCE_COLOR=0: newman's failure table is coloured even with --color off. timeout: once a newman process stayed
    # after its summary with two idle keep-alive connections to mec-app-lcm; a stuck run fails instead of waiting.
    rc=0
    FORCE_COLOR=0 timeout "${EDGEMEC_NEWMAN_TIMEOUT:-900}" "$NEWMAN" run "$collection" \
        --environment "$ENV_FILE" \
        --globals "$SCHEMAS" \
        "${VARS[@]}" \
        --working-dir "$ROOT" \
        --reporters cli,junit \
        --reporter-junit-export "$report" \
        --timeout-request 10000 \
        --color off || rc=$?
    if [[ $rc -eq 0 ]]; then
        echo "[run-newman] $name: passed"
    else
        [[ $rc -eq 124 ]] && echo "[run-newman] $name: newman did not exit within ${EDGEMEC_NEWMAN_TIMEOUT:-900} s"
        echo "[run-newman] $name: FAILED"
        failed+=("$name")
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "[run-newman] failed collections: ${failed[*]}" >&2
    exit 1
fi
echo "[run-newman] all ${#collections[@]} collection(s) passed"
