# shellcheck shell=bash
# Podman 4.3 refuses a --runroot longer than 50 characters ("the specified runroot is longer than 50 characters":
# its sockets live there and a unix socket path is bounded), which a checkout at a longer path than /tmp/x reaches
# with <checkout>/.mec/.../runroot. Prints the directory to pass: DIR itself when short enough, else a short one
# under /run/edgemec named by a hash of DIR (runtime state only, like /run itself; one per DIR, so stores stay apart).
podman_runroot() {
    local dir=$1
    if ((${#dir} <= 50)); then
        printf '%s\n' "$dir"
    else
        printf '/run/edgemec/%s\n' "$(printf '%s' "$dir" | sha1sum | cut -c1-12)"
    fi
}
