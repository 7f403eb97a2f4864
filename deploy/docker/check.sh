#!/usr/bin/env bash
# `make containers`: check the image and the compose stack on this machine, with no registry of
# images: Docker, the local images (deploy/docker/local-images.sh), then tests/containers
# (build the Inkslot image from local/python:3.11-slim, its user and roles, the stack with
# deploy/compose/compose.local.yaml, the README's walk through the proxy, tear-down).
#
# As root on Debian it installs what is missing (docker.io, docker-compose, debootstrap) and
# starts dockerd when none answers (left running, its log in var/containers/dockerd.log).
# Extra arguments go to pytest (e.g. -k walk). Docs: docs/containers.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/docker/lib.sh
. deploy/docker/lib.sh

missing=()
command -v docker > /dev/null || missing+=(docker.io)
command -v dockerd > /dev/null || missing+=(docker.io)
command -v debootstrap > /dev/null || missing+=(debootstrap)
if ! docker compose version > /dev/null 2>&1 && ! command -v docker-compose > /dev/null; then
    missing+=(docker-compose)
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
        say "apt-get install ${missing[*]}"
        apt-get update -q > /dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" > /dev/null
    else
        die "missing: ${missing[*]} (as root: apt-get install ${missing[*]})"
    fi
fi

if ! docker info > /dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "no Docker daemon answers; start one (dockerd) and run again"
    log="$(work_dir)/dockerd.log"
    say "start dockerd (log: $log)"
    nohup dockerd > "$log" 2>&1 &
    for _ in $(seq 60); do
        docker info > /dev/null 2>&1 && break
        sleep 1
    done
    docker info > /dev/null 2>&1 || die "dockerd did not start (log: $log)"
fi

deploy/docker/local-images.sh --no-inkslot

[ -x .venv/bin/pytest ] || die "no .venv/bin/pytest: run make install-dev first"
say "tests/containers"
INKSLOT_CONTAINER_TESTS=1 \
    INKSLOT_CONTAINER_BASE_IMAGE=local/python:3.11-slim \
    INKSLOT_CONTAINER_IMAGE="${INKSLOT_IMAGE:-local/inkslot:test}" \
    INKSLOT_CONTAINER_OVERRIDE=deploy/compose/compose.local.yaml \
    .venv/bin/pytest tests/containers -v -p no:cacheprovider "$@"
