#!/usr/bin/env bash
# Builds the service images (images/build.sh) and checks them against a running PostgreSQL and Kafka:
#   - each image declares its ports, the non-root user and the java entrypoint;
#   - mec-app-lcm started from its image, configured through environment variables only (host network, its own
#     port, schema and consumer group), answers /q/health/ready UP, its java process running as user edgemec;
#   - the image saved with `podman save` loads into Docker (`docker load`) with the same configuration, when the
#     Docker engine of scripts/setup-engines.sh runs.
# Env: EDGEMEC_DB_URL, EDGEMEC_DB_USER, EDGEMEC_DB_PASSWORD, KAFKA_BOOTSTRAP_SERVERS (./mec test passes those of
#      its running stack); EDGEMEC_IMAGES_DIR, EDGEMEC_ENGINES_DIR (default under <repo>/.mec).
# Exit code: 0 when every check passes. Last line: "images: N passed, M failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${EDGEMEC_IMAGES_DIR:-$ROOT/.mec/images}"
ENGINES="${EDGEMEC_ENGINES_DIR:-$ROOT/.mec/engines}"
PODMAN="$STATE/bin/podman"
: "${EDGEMEC_DB_URL:?EDGEMEC_DB_URL (jdbc:postgresql://...) of a running PostgreSQL}"
: "${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS of a running Kafka}"
TAG="${EDGEMEC_IMAGE_TAG:-$(sed -n '0,/<artifactId>edgemec-parent<\/artifactId>/d; s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)}"
CONTAINER="edgemec-image-check-$$"
READY_TIMEOUT="${EDGEMEC_READY_TIMEOUT:-120}"

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS  $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }
expect_eq() { if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1 (expected '$2', got '$3')"; fi; }

docker_loaded=""
cleanup() {
    "$PODMAN" rm -f "$CONTAINER" >/dev/null 2>&1 || true
    [[ -z $docker_loaded ]] || "$ENGINES/bin/docker" rmi "$docker_loaded" >/dev/null 2>&1 || true
    rm -f "$STATE/tmp/check-$$.tar"
}
trap cleanup EXIT

mkdir -p "$STATE"
echo "[check-images] building the images (images/build.sh)"
if ! EDGEMEC_IMAGES_DIR=$STATE "$ROOT/images/build.sh" >"$STATE/build.log" 2>&1; then
    tail -20 "$STATE/build.log"
    fail "images/build.sh builds the images (log: $STATE/build.log)"
    echo "images: $passed passed, $failed failed"
    exit 1
fi
pass "images/build.sh builds base, relocation-service, mec-app-lcm, mec-platform"

inspect() { "$PODMAN" image inspect --format "$2" "localhost/edgemec/$1:$TAG" 2>&1; }
expect_eq "relocation-service exposes its port" "map[18080/tcp:{}]" "$(inspect relocation-service '{{.Config.ExposedPorts}}')"
expect_eq "mec-app-lcm exposes its port" "map[18081/tcp:{}]" "$(inspect mec-app-lcm '{{.Config.ExposedPorts}}')"
expect_eq "mec-platform exposes HTTP, DNS (udp+tcp) and the edge proxy ports" \
    "map[18053/tcp:{} 18053/udp:{} 18082/tcp:{} 18443/tcp:{} 18880/tcp:{}]" "$(inspect mec-platform '{{.Config.ExposedPorts}}')"
for s in relocation-service mec-app-lcm mec-platform; do
    expect_eq "$s runs as the non-root user 1001" "1001" "$(inspect "$s" '{{.Config.User}}')"
    expect_eq "$s starts the fast-jar" "[/bin/sh -c exec java \$JAVA_OPTS -jar /app/quarkus-run.jar]" \
        "$(inspect "$s" '{{.Config.Entrypoint}}')"
done

# a port nobody listens on, for the container on the host network
port=28181
while ss -Hltn "sport = :$port" | grep -q .; do port=$((port + 1)); done
echo "[check-images] starting mec-app-lcm from its image on 127.0.0.1:$port against $EDGEMEC_DB_URL"
"$PODMAN" run -d --name "$CONTAINER" --network host \
    -e QUARKUS_HTTP_PORT="$port" -e EDGEMEC_HTTP_HOST=127.0.0.1 \
    -e EDGEMEC_DB_URL="$EDGEMEC_DB_URL" -e EDGEMEC_DB_USER="${EDGEMEC_DB_USER:-postgres}" \
    -e EDGEMEC_DB_PASSWORD="${EDGEMEC_DB_PASSWORD:-postgres}" -e KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS" \
    -e EDGEMEC_DB_SCHEMA=app_lcm_image_check -e EDGEMEC_INSTANCE_NAME=mec-app-lcm-image-check \
    -e EDGEMEC_OPERATOR_TOKEN="image-check-$$" "localhost/edgemec/mec-app-lcm:$TAG" >/dev/null
health=""
deadline=$((SECONDS + READY_TIMEOUT))
while ((SECONDS < deadline)); do
    health=$(curl -s --max-time 2 "http://127.0.0.1:$port/q/health/ready" || true)
    grep -q '"status": *"UP"' <<<"$health" && break
    [[ $("$PODMAN" inspect --format '{{.State.Running}}' "$CONTAINER" 2>/dev/null) == true ]] || break
    sleep 0.5
done
if grep -q '"status": *"UP"' <<<"$health"; then
    pass "mec-app-lcm from its image: /q/health/ready UP (database and Kafka checks included)"
else
    fail "mec-app-lcm from its image: /q/health/ready not UP: ${health:-no answer}"
    "$PODMAN" logs --tail 20 "$CONTAINER" 2>&1 | sed 's/^/      /'
fi
expect_eq "its java process runs as user edgemec" "edgemec java" \
    "$("$PODMAN" top "$CONTAINER" user comm 2>&1 | awk 'NR > 1 {print $1, $2}' | head -1)"
"$PODMAN" rm -f "$CONTAINER" >/dev/null 2>&1 || true

if [[ -x $ENGINES/bin/docker ]] && "$ENGINES/bin/docker" info >/dev/null 2>&1; then
    image="localhost/edgemec/mec-app-lcm:$TAG"
    "$PODMAN" save --quiet --format docker-archive -o "$STATE/tmp/check-$$.tar" "$image"
    if "$ENGINES/bin/docker" load -q -i "$STATE/tmp/check-$$.tar" >/dev/null 2>&1; then
        docker_loaded=$image
        expect_eq "podman save | docker load: same entrypoint, user and ports in Docker" \
            "$(inspect mec-app-lcm '{{.Config.Entrypoint}} {{.Config.User}}') [18081/tcp]" \
            "$("$ENGINES/bin/docker" image inspect --format '{{.Config.Entrypoint}} {{.Config.User}} {{range $p, $_ := .Config.ExposedPorts}}[{{$p}}]{{end}}' "$image" 2>&1)"
    else
        fail "podman save | docker load of $image"
    fi
else
    echo "[check-images] no Docker engine of scripts/setup-engines.sh running: docker load not checked"
fi

echo "images: $passed passed, $failed failed"
((failed == 0))
