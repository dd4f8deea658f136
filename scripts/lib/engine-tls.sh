# Sourced by scripts/setup-engines.sh: a loopback TLS endpoint in front of each engine's unix socket, so the engine
# adapters are tested over TLS with client certificates as they would reach a remote engine.
# Podman's `podman system service` serves only unix:// and plain tcp://, so socat terminates TLS (requiring a client
# certificate signed by the test CA) and forwards each connection to the socket.
# Expects STATE, log, die and alive_pid/stop_pid from engines-common.sh.

TLS_DIR="$STATE/tls"
TLS_DAYS=825
TLS_PORT_FIRST=23760
TLS_PORT_LAST=23999

# One CA signing the server certificate (SAN 127.0.0.1, localhost) and a client certificate laid out as Docker's
# DOCKER_CERT_PATH (client/ca.pem, cert.pem, key.pem); a second CA with its own client certificate (other-ca/), which
# the endpoints must refuse. Regenerated when absent or expiring within a day.
tls_material() {
    command -v openssl >/dev/null || die "openssl is not installed (it is in ENGINE_PACKAGES)"
    if [[ -f $TLS_DIR/client/cert.pem && -f $TLS_DIR/other-ca/cert.pem ]] &&
        openssl x509 -checkend 86400 -noout -in "$TLS_DIR/server/cert.pem" >/dev/null 2>&1 &&
        openssl x509 -checkend 86400 -noout -in "$TLS_DIR/client/cert.pem" >/dev/null 2>&1; then
        return 0
    fi
    log "TLS: generating a test CA, server certificate (127.0.0.1) and client certificates in $TLS_DIR"
    local tmp
    tmp=$(mktemp -d "$STATE/tls.XXXXXX")
    mkdir -p "$tmp/ca" "$tmp/server" "$tmp/client" "$tmp/other-ca"
    _tls_ca "$tmp/ca" "EdgeMEC test engine CA"
    _tls_ca "$tmp/other-ca" "EdgeMEC unrelated CA"
    _tls_leaf "$tmp/ca" "$tmp/server" "127.0.0.1" \
        "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth
keyUsage=critical,digitalSignature,keyEncipherment"
    _tls_leaf "$tmp/ca" "$tmp/client" "edgemec-lcm" "extendedKeyUsage=clientAuth
keyUsage=critical,digitalSignature,keyEncipherment"
    _tls_leaf "$tmp/other-ca" "$tmp/other-ca" "edgemec-lcm" "extendedKeyUsage=clientAuth
keyUsage=critical,digitalSignature,keyEncipherment"
    cp "$tmp/ca/ca.pem" "$tmp/client/ca.pem"
    chmod 600 "$tmp"/*/*key.pem
    rm -rf "$TLS_DIR"
    mv "$tmp" "$TLS_DIR"
}

_tls_ca() {
    openssl req -x509 -newkey rsa:2048 -nodes -days "$TLS_DAYS" -subj "/CN=$2" \
        -keyout "$1/ca-key.pem" -out "$1/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" >/dev/null 2>&1 || die "openssl: creating the CA in $1 failed"
}

_tls_leaf() {
    local ca=$1 dir=$2 cn=$3 ext=$4
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$cn" -keyout "$dir/key.pem" -out "$dir/req.csr" >/dev/null 2>&1 ||
        die "openssl: creating the key of $cn in $dir failed"
    printf '%s\n' "$ext" >"$dir/ext.cnf"
    openssl x509 -req -in "$dir/req.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial \
        -days "$TLS_DAYS" -extfile "$dir/ext.cnf" -out "$dir/cert.pem" >/dev/null 2>&1 ||
        die "openssl: signing the certificate of $cn in $dir failed"
    rm -f "$dir/req.csr" "$dir/ext.cnf"
}

# True when the engine answers GET /_ping through the TLS endpoint with the test client certificate.
tls_ping() {
    curl -sf --max-time 2 --cacert "$TLS_DIR/ca/ca.pem" --cert "$TLS_DIR/client/cert.pem" \
        --key "$TLS_DIR/client/key.pem" "https://127.0.0.1:$1/_ping" >/dev/null 2>&1
}

_tls_port_free() { [[ -z $(ss -Hltn "( sport = :$1 )" 2>/dev/null) ]]; }

# The TLS endpoint of one engine: reused when its socat still runs and answers, else started on a free loopback port
# (ports differ per checkout, so several checkouts' engines run side by side). Sets TLS_PORT.
start_tls_proxy() {
    local label=$1 sock=$2 pidfile="$TLS_DIR/$1.pid" portfile="$TLS_DIR/$1.port" p i
    if alive_pid "$pidfile" socat >/dev/null && [[ -f $portfile ]] && tls_ping "$(cat "$portfile")"; then
        TLS_PORT=$(cat "$portfile")
        log "$label over TLS: already serving on 127.0.0.1:$TLS_PORT"
        return
    fi
    stop_pid "$pidfile" socat "$label over TLS" >/dev/null
    TLS_PORT=""
    for ((p = TLS_PORT_FIRST; p <= TLS_PORT_LAST; p++)); do
        _tls_port_free "$p" && { TLS_PORT=$p; break; }
    done
    [[ -n $TLS_PORT ]] || die "no free port in $TLS_PORT_FIRST-$TLS_PORT_LAST for the TLS endpoint of $label"
    log "$label over TLS: socat on 127.0.0.1:$TLS_PORT -> unix://$sock (client certificate required)"
    # verify=1: the client must present a certificate signed by cafile; fork: one process per connection.
    setsid socat -d "OPENSSL-LISTEN:$TLS_PORT,bind=127.0.0.1,reuseaddr,fork,verify=1,cert=$TLS_DIR/server/cert.pem,key=$TLS_DIR/server/key.pem,cafile=$TLS_DIR/ca/ca.pem" \
        "UNIX-CONNECT:$sock" >"$TLS_DIR/$label.log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$pidfile"
    echo "$TLS_PORT" >"$portfile"
    for ((i = 0; i < 600; i++)); do
        if tls_ping "$TLS_PORT"; then log "$label over TLS: ready (pid $pid)"; return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -20 "$TLS_DIR/$label.log" >&2 || true
            die "socat for $label exited during start-up, see $TLS_DIR/$label.log"
        fi
        sleep 0.1
    done
    die "$label over TLS not answering on 127.0.0.1:$TLS_PORT after 60 s, see $TLS_DIR/$label.log"
}

stop_tls_proxy() { stop_pid "$TLS_DIR/$1.pid" socat "$1 over TLS"; rm -f "$TLS_DIR/$1.port"; }

tls_status_line() {
    local label=$1 pid port state
    pid=$(alive_pid "$TLS_DIR/$label.pid" socat || true)
    port=$(cat "$TLS_DIR/$label.port" 2>/dev/null || true)
    if [[ -n $pid && -n $port ]] && tls_ping "$port"; then state="running, API ready"
    elif [[ -n $pid ]]; then state="running, API NOT answering"
    else state="stopped"; fi
    printf '[setup-engines] %-13s %-26s pid=%-8s https://127.0.0.1:%s\n' "tls ${label#podman-}" "$state" "${pid:--}" "${port:--}"
}
