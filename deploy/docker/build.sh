#!/usr/bin/env bash
# Build the Inkslot image with BuildKit.
#
# Usage: deploy/docker/build.sh [BASE_IMAGE [TAG]]
#   BASE_IMAGE  default python:3.12-slim-bookworm (the Dockerfile's); local/python:3.11-slim
#               on a machine that cannot pull it (deploy/docker/local-images.sh makes it)
#   TAG         default inkslot:latest
# Environment: CA_BUNDLE (default $PIP_CERT): a CA bundle that pip and uv trust while
# building, passed as the build secret "ca", never written into the image; DOCKER.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=deploy/docker/lib.sh
. deploy/docker/lib.sh

base=${1:-python:3.12-slim-bookworm}
tag=${2:-inkslot:latest}
docker_cli=$(buildkit_docker)
secret=()
ca=${CA_BUNDLE:-${PIP_CERT:-}}
if [ -n "$ca" ] && [ -s "$ca" ]; then
    secret=(--secret "id=ca,src=$ca")
fi
exec "$docker_cli" build --network host --progress "${PROGRESS:-plain}" \
    --build-arg BASE_IMAGE="$base" "${secret[@]}" -t "$tag" .
