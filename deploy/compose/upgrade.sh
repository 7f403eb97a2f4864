#!/usr/bin/env bash
# A rolling restart or upgrade of the compose stack: one API replica at a time, so the proxy
# always has one to send requests to (docs/deployment.md, "Rolling restarts and upgrades").
#
# Usage: deploy/compose/upgrade.sh [COMPOSE_OPTION...]
#   COMPOSE_OPTION  compose's own options, before its command: -p PROJECT, -f FILE, ...
#                   (none: compose.yaml of the current directory)
# Environment: INKSLOT_IMAGE (the image to run: set it to the new tag to upgrade, leave it
# to restart on the current one), COMPOSE (default `docker compose`, else docker-compose),
# HEALTHY_TIMEOUT (seconds a replica has to become healthy, default 180), SETTLE_SECONDS
# (waited after a replica is healthy before the next goes, default 2).
#
# 1. The migrations, with the new image, while the old replicas serve (a migration must
#    keep the running version working: docs/deployment.md).
# 2. api-1 recreated (SIGTERM: it drains, finishes its requests and stops; the proxy sends
#    the rest to api-2), then waited for until Docker calls it healthy, then 2 s more: the
#    proxy skips a failing replica for 1 s and has no health check of its own, so it has
#    tried api-1 again before api-2 goes. Then api-2 the same way.
# 3. The worker and the payment edge, recreated only if their image or settings changed
#    (the worker finishes its running job first).
# Stops at the first step that fails, leaving the rest on the version they run.
set -euo pipefail

if [ -n "${COMPOSE:-}" ]; then
    read -r -a compose <<< "$COMPOSE"
elif docker compose version > /dev/null 2>&1; then
    compose=(docker compose)
else
    compose=(docker-compose)
fi
compose+=("$@")
timeout=${HEALTHY_TIMEOUT:-180}
settle=${SETTLE_SECONDS:-2}

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

health() {
    local id
    id=$("${compose[@]}" ps -q "$1")
    [ -n "$id" ] || { echo missing; return; }
    docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id"
}

roll() {
    local service=$1 waited=0 status
    say "recreate $service"
    "${compose[@]}" up -d --no-deps --force-recreate "$service"
    while status=$(health "$service"); [ "$status" != healthy ]; do
        [ "$status" = unhealthy ] && die "$service is unhealthy: see \`logs $service\`"
        [ "$waited" -ge "$timeout" ] && die "$service not healthy after ${timeout} s ($status)"
        sleep 1
        waited=$((waited + 1))
    done
    say "$service healthy after ${waited} s"
    sleep "$settle"
}

say "migrate"
"${compose[@]}" run --rm --no-deps migrate
roll api-1
roll api-2
say "worker and payment-edge (recreated if changed)"
"${compose[@]}" up -d --no-deps worker payment-edge
say "done"
