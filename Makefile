# Two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
# Needs only Python 3.11+ and make: uv is bootstrapped into .tools/ when it is not installed.

PYTHON ?= python3
VENV   := .venv
TOOLS  := .tools
UV     := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
BIN    := $(VENV)/bin

.PHONY: run test install install-dev hooks lint typecheck unit contract api browser bench-auth bench-slots containers scale clean

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet "uv>=0.5"


# Bytecode is compiled at install (under a second when nothing changed): every process the
# API, the CLI and the test suites start would otherwise compile ~10,000 modules again
# wherever PYTHONDONTWRITEBYTECODE is set, several seconds each on a loaded machine.
install: $(UV)
	$(UV) sync --locked --no-default-groups --compile-bytecode --python $(PYTHON)
	$(BIN)/python -m compileall -q src migrations

install-dev: $(UV)
	$(UV) sync --locked --compile-bytecode --python $(PYTHON)
	$(BIN)/python -m compileall -q src migrations

## make hooks: git runs `make lint`'s gates before each commit and checks its message
## (.pre-commit-config.yaml; CONTRIBUTING.md)
hooks: install-dev
	$(BIN)/pre-commit install --hook-type pre-commit --hook-type commit-msg

## make run: the API on http://127.0.0.1:8000 with an embedded PostgreSQL under ./var/
run: install
	$(BIN)/inkslot serve

## make test: lint gates, then unit, contract and api suites
test: install-dev lint typecheck
	$(BIN)/pytest

lint:
	$(BIN)/ruff check src tests bench migrations scripts
	$(BIN)/ruff format --check src tests bench migrations scripts
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy

unit: install-dev
	$(BIN)/pytest tests/unit

contract: install-dev
	$(BIN)/pytest tests/contract

api: install-dev
	$(BIN)/pytest tests/api

## make browser: the booking page in headless Chromium (tests/browser; skipped without it);
## screenshots to $TMPDIR/page-*.png
browser: install-dev
	$(BIN)/pytest tests/browser -p no:randomly

bench-auth: install
	$(BIN)/python bench/auth.py

bench-slots: install
	$(BIN)/python bench/slots.py

## make containers: the image and the compose stack, checked with locally built images
## (docs/containers.md; as root it installs Docker and starts dockerd when needed)
containers: install-dev
	deploy/docker/check.sh

## make scale: several API processes and workers through PgBouncer and Redis behind HAProxy,
## the guarantees checked across processes (bench/scale.py; docs/deployment.md, "Scaling")
scale: install-dev
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
