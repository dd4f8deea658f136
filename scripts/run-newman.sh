#!/usr/bin/env bash
# Runs every postman/*.postman_collection.json with newman against a running
# EdgeMEC system. Environment: postman/local.postman_environment.json, or the
# file named by EDGEMEC_POSTMAN_ENV. Writes JUnit XML to .mec/reports/newman-<name>.xml.
# Exit code: non-zero when any collection has a failed request or assertion.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEWMAN="$ROOT/.mec/tools/node_modules/.bin/newman"
ENV_FILE="${EDGEMEC_POSTMAN_ENV:-$ROOT/postman/local.postman_environment.json}"
REPORTS="$ROOT/.mec/reports"

if [[ ! -x "$NEWMAN" ]]; then
    echo "[run-newman] $NEWMAN missing, running scripts/setup-tools.sh"
    bash "$ROOT/scripts/setup-tools.sh"
fi
mkdir -p "$REPORTS"

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
    # FORCE_COLOR=0: newman's failure table is coloured even with --color off.
    if FORCE_COLOR=0 "$NEWMAN" run "$collection" \
        --environment "$ENV_FILE" \
        --working-dir "$ROOT" \
        --reporters cli,junit \
        --reporter-junit-export "$report" \
        --timeout-request 10000 \
        --color off; then
        echo "[run-newman] $name: passed"
    else
        echo "[run-newman] $name: FAILED"
        failed+=("$name")
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "[run-newman] failed collections: ${failed[*]}" >&2
    exit 1
fi
echo "[run-newman] all ${#collections[@]} collection(s) passed"
