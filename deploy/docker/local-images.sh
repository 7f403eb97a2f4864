#!/usr/bin/env bash
# Build the images the local container checks use, on a machine that cannot pull from a
# registry of images (docs/containers.md, "Checking locally"):
#
#   local/debian:bookworm        Debian's minimal system, made by debootstrap (when absent)
#   local/python:3.11-slim       the stand-in for python:3.12-slim-bookworm (BASE_IMAGE)
#   local/postgres:15-bookworm   local/redis:7-bookworm   local/nginx:bookworm
#   local/mailcatcher:bookworm   the stand-ins for the stack's other images
#   $INKSLOT_IMAGE               Inkslot itself, from local/python:3.11-slim (local/inkslot:test)
#
# Usage: deploy/docker/local-images.sh [--no-inkslot]
# Environment: INKSLOT_IMAGE, CA_BUNDLE (deploy/docker/build.sh), DEBIAN_MIRROR, DOCKER.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/docker/lib.sh
. deploy/docker/lib.sh

build_inkslot=1
[ "${1:-}" = "--no-inkslot" ] && build_inkslot=0

DEBIAN_IMAGE=local/debian:bookworm
PYTHON_IMAGE=local/python:3.11-slim
INKSLOT_IMAGE=${INKSLOT_IMAGE:-local/inkslot:test}

docker_cli=$(buildkit_docker)

if ! $docker_cli image inspect "$DEBIAN_IMAGE" > /dev/null 2>&1; then
    command -v debootstrap > /dev/null || die "debootstrap is missing (apt-get install debootstrap)"
    rootfs=$(mktemp -d "$(work_dir)/rootfs.XXXXXX")
    trap 'rm -rf "$rootfs"' EXIT
    say "debootstrap bookworm into $rootfs"
    # shellcheck disable=SC2086 # the mirror is optional: debootstrap's own default otherwise
    debootstrap --variant=minbase bookworm "$rootfs" ${DEBIAN_MIRROR:-} > "$rootfs.log" 2>&1 \
        || { tail -20 "$rootfs.log"; die "debootstrap failed"; }
    rm -f "$rootfs.log"
    # Slim as Debian's -slim images are: no manuals, documentation or translations, now
    # or in packages installed later.
    cat > "$rootfs/etc/dpkg/dpkg.cfg.d/slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
CFG
    find "$rootfs/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
    rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/groff/* "$rootfs"/usr/share/info/* \
        "$rootfs"/usr/share/lintian/* "$rootfs"/usr/share/locale/* \
        "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    say "import $DEBIAN_IMAGE"
    tar -C "$rootfs" -c . | $docker_cli import - "$DEBIAN_IMAGE" > /dev/null
    rm -rf "$rootfs"
    trap - EXIT
fi

for name in python:"$PYTHON_IMAGE" postgres:local/postgres:15-bookworm \
    redis:local/redis:7-bookworm proxy:local/nginx:bookworm mail:local/mailcatcher:bookworm; do
    dir=${name%%:*}
    tag=${name#*:}
    say "build $tag"
    $docker_cli build --quiet --network host --build-arg DEBIAN_IMAGE="$DEBIAN_IMAGE" \
        -t "$tag" "deploy/docker/local/$dir" > /dev/null
done

if [ "$build_inkslot" = 1 ]; then
    say "build $INKSLOT_IMAGE (BASE_IMAGE=$PYTHON_IMAGE)"
    log="$(work_dir)/build.log"
    if ! deploy/docker/build.sh "$PYTHON_IMAGE" "$INKSLOT_IMAGE" > "$log" 2>&1; then
        tail -40 "$log"
        die "the Inkslot image did not build (log: $log)"
    fi
fi
$docker_cli image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E '^local/' | sort
