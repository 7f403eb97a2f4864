# Helpers shared by the scripts of deploy/docker (sourced, not run).

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# A docker command whose `build` runs BuildKit with --secret: `docker` itself when buildx is
# installed or its builder still embeds BuildKit; otherwise another docker CLI on the PATH
# that does (Debian's docker.io ships one). $DOCKER wins when it works.
buildkit_docker() {
    local candidate
    for candidate in ${DOCKER:-} $(type -ap docker); do
        command -v "$candidate" > /dev/null 2>&1 || continue
        if DOCKER_BUILDKIT=1 "$candidate" build --help 2>/dev/null | grep -q -- '--secret'; then
            echo "$candidate"
            return 0
        fi
    done
    die "no docker CLI here builds with BuildKit (install the buildx plugin, or Debian's docker.io)"
}

# Scratch space of these scripts (logs, debootstrap's tree), inside the ignored var/.
work_dir() {
    mkdir -p var/containers
    echo var/containers
}

export DOCKER_BUILDKIT=1
