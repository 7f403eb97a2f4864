# Inkslot: one image for every role (docs/containers.md).
#
#   docker run IMAGE                                  the API (serve, 0.0.0.0:8000)
#   docker run IMAGE worker                           background jobs
#   docker run IMAGE payment-edge --host 0.0.0.0      the payment edge (8100)
#   docker run IMAGE migrate | seed | create-admin --email E ...
#
# Build with BuildKit (the cache and secret mounts need it):
#   DOCKER_BUILDKIT=1 docker build -t inkslot .
# Build arguments:
#   BASE_IMAGE  the Python image both stages start from (the same one: the virtualenv points
#               at its interpreter); any Debian-based image with python3 and its venv module
#   UV_VERSION  the uv that installs the locked dependencies
#   INKSLOT_UID the fixed user and group id the processes run as
# Behind a proxy that inspects TLS, pass its CA bundle as the build secret "ca"
# (--secret id=ca,src=/path/to/ca.pem): pip and uv trust it while building; it is never
# written into a layer.

ARG BASE_IMAGE=python:3.12-slim-bookworm

FROM ${BASE_IMAGE} AS build

ARG UV_VERSION=0.13.9
ENV UV_PROJECT_ENVIRONMENT=/opt/inkslot/venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_COMPILE_BYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# uv itself, in a virtualenv the runtime stage never sees.
RUN --mount=type=secret,id=ca \
    if [ -s /run/secrets/ca ]; then export PIP_CERT=/run/secrets/ca; fi; \
    python3 -m venv /opt/uv \
    && /opt/uv/bin/pip install --quiet "uv==${UV_VERSION}"

WORKDIR /src

# The locked runtime dependencies alone first: this layer stays cached while only the code
# changes. Left out: the `local` extra (the embedded PostgreSQL of `make run`: a deployment
# names its database; and Faker, which only generated OpenAPI examples; docs/containers.md).
# booking-domain, the workspace's other member, is built from src/ with the rest below: only its
# pyproject.toml is needed to check the lock.
COPY pyproject.toml uv.lock ./
COPY src/pyproject.toml ./src/
RUN --mount=type=secret,id=ca \
    --mount=type=cache,target=/root/.cache/uv \
    if [ -s /run/secrets/ca ]; then export SSL_CERT_FILE=/run/secrets/ca UV_NATIVE_TLS=1; fi; \
    /opt/uv/bin/uv sync --locked --no-default-groups --no-dev --no-editable \
        --no-install-workspace --python python3

# Then Inkslot itself and booking-domain, installed as wheels (not editable): the migrations
# travel inside inkslot's (adapters/postgres/migrations), so `inkslot migrate` needs nothing
# else from the checkout.
COPY README.md ./
COPY src ./src
COPY migrations ./migrations
RUN --mount=type=secret,id=ca \
    --mount=type=cache,target=/root/.cache/uv \
    if [ -s /run/secrets/ca ]; then export SSL_CERT_FILE=/run/secrets/ca UV_NATIVE_TLS=1; fi; \
    /opt/uv/bin/uv sync --locked --no-default-groups --no-dev --no-editable --python python3 \
    && /opt/inkslot/venv/bin/python -c "import adapters.postgres.migrate as m; print('migrations:', m.migrations_dir())"


FROM ${BASE_IMAGE} AS runtime

ARG INKSLOT_UID=10001
RUN groupadd --system --gid "${INKSLOT_UID}" inkslot \
    && useradd --system --uid "${INKSLOT_UID}" --gid inkslot --no-create-home \
        --home-dir /var/lib/inkslot --shell /usr/sbin/nologin inkslot \
    && install -d -o inkslot -g inkslot -m 0750 /var/lib/inkslot

# The virtualenv (dependencies, Inkslot and its migrations, all compiled to bytecode) and
# the health check; no uv, no sources, no compilers.
COPY --from=build /opt/inkslot/venv /opt/inkslot/venv
COPY deploy/docker/healthcheck.py /opt/inkslot/healthcheck.py

ENV PATH=/opt/inkslot/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    INKSLOT_DATA_DIR=/var/lib/inkslot

WORKDIR /var/lib/inkslot
USER ${INKSLOT_UID}:${INKSLOT_UID}
EXPOSE 8000 8100

# uvicorn stops taking connections on SIGTERM and lets the requests in flight finish; the
# worker takes no new job and gives the running ones 30 s.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python3", "/opt/inkslot/healthcheck.py"]

ENTRYPOINT ["inkslot"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
