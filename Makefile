# Two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
# Needs only Python 3.11+ and make: uv is bootstrapped into .tools/ when it is not installed.

PYTHON ?= python3
VENV   := .venv
TOOLS  := .tools
UV     := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
BIN    := $(VENV)/bin

.PHONY: run test check install install-dev hooks lint typecheck commit-messages unit contract api browser clients clients-check bench bench-auth bench-slots bench-startup containers scale docs docs-build dist clean

# Every process make starts writes its bytecode: some machines set PYTHONDONTWRITEBYTECODE,
# and then each test run compiles its ~400 test modules again (pytest's rewritten modules
# are not compiled at install), and every server a test starts the project's own modules.
unexport PYTHONDONTWRITEBYTECODE

# The test processes `make test` spreads the tests in process over (pytest-xdist); `auto` is
# one per core. The serial tests (servers, workers, browsers of their own) run after them,
# one at a time: the modules marked `pytest.mark.serial`.
TEST_WORKERS   ?= auto
SERIAL_MODULES  = $(shell grep -rlE --include='test_*.py' '^(pytestmark = .*|    )pytest\.mark\.serial' tests | sort)
TIMES          := .pytest_cache/suite-times.json

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet "uv>=0.5"


# Bytecode is compiled at install (under a second when nothing changed): every process the
# API, the CLI and the test suites start would otherwise compile ~10,000 modules again
# wherever PYTHONDONTWRITEBYTECODE is set, several seconds each on a loaded machine.
# Both take the `local` extra: the embedded PostgreSQL that `make run` and the tests start
# by themselves (the image leaves it out: a deployment names its database), and Faker, for
# a developer who switches Litestar's generated OpenAPI examples on.
install: $(UV)
	$(UV) sync --locked --no-default-groups --extra local --compile-bytecode --python $(PYTHON)
	$(BIN)/python -m compileall -q src migrations

install-dev: $(UV)
	$(UV) sync --locked --extra local --compile-bytecode --python $(PYTHON)
	$(BIN)/python -m compileall -q src migrations

## make hooks: git runs `make lint`'s gates before each commit, checks its message, and runs
## `make typecheck` before each push (.pre-commit-config.yaml; CONTRIBUTING.md)
hooks: install-dev
	$(BIN)/pre-commit install --hook-type pre-commit --hook-type commit-msg --hook-type pre-push

## make run: the API on http://127.0.0.1:8000 with an embedded PostgreSQL under ./var/
run: install
	$(BIN)/inkslot serve

## make test: lint gates and the commit messages, then every suite: the tests in process
## spread over the cores, then the serial ones; at the end, the time per suite and the 15
## slowest tests of the whole run
test: install-dev lint typecheck commit-messages
	@mkdir -p .pytest_cache && rm -f $(TIMES)
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not serial" --times-file $(TIMES); parallel=$$?; \
	$(BIN)/pytest -m serial --times-file $(TIMES) $(SERIAL_MODULES); serial=$$?; \
	exit $$(( parallel || serial ))

## make check: the quick loop while working (a few minutes): lint, types, and the unit and
## contract suites in process at Hypothesis's dev profile (50 examples); never instead of
## `make test`
check: install-dev lint typecheck
	HYPOTHESIS_PROFILE=dev $(BIN)/pytest -n $(TEST_WORKERS) -m "not serial" tests/unit tests/contract

lint:
	$(BIN)/ruff check src tests bench migrations scripts
	$(BIN)/ruff format --check src tests bench migrations scripts
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy

## make clients: the OpenAPI document exported without a server (clients/openapi.json) and the
## typed clients generated from it: Python (clients/python) and TypeScript (clients/typescript);
## the same source gives the same bytes (docs/clients.md). Run it after changing the API.
## Both run `npm ci` in clients/typescript first when its node_modules is not the lockfile's.
clients: install-dev
	$(BIN)/python -m scripts.clients

## make clients-check: exits 1, naming the files, when the committed document or a client is
## not what the source generates (tests/clients/test_generated.py checks the same in `make test`)
clients-check: install-dev
	$(BIN)/python -m scripts.clients --check

## make commit-messages: every commit since the rule came in keeps it (a subject of at most
## 72 characters, a blank line before the body), merges included; the commits that broke it
## before CI checked are listed in scripts/commit_messages.txt (CONTRIBUTING.md, "Commits")
commit-messages:
	$(BIN)/python scripts/check_commit_message.py --history

unit: install-dev
	$(BIN)/pytest -n $(TEST_WORKERS) tests/unit

contract: install-dev
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not serial" tests/contract
	$(BIN)/pytest -m serial tests/contract

api: install-dev
	$(BIN)/pytest -n $(TEST_WORKERS) -m "not serial" tests/api
	$(BIN)/pytest -m serial tests/api

## make browser: the pages and the console in headless Chromium (tests/browser; skipped
## without it); screenshots to $TMPDIR/page-*.png and console-*.png
browser: install-dev
	$(BIN)/pytest tests/browser -p no:randomly

bench-auth: install
	$(BIN)/python bench/auth.py

bench-slots: install
	$(BIN)/python bench/slots.py

## make bench: the cost of a booking as same-run ratios, four rounds (bench/cost.py;
## docs/performance.md, "The cost of a booking"); about a quarter of an hour
bench: install
	$(BIN)/python bench/cost.py

## make bench-startup: what the inkslot commands cost to start (bench/startup.py)
bench-startup: install
	$(BIN)/python bench/startup.py

## make containers: the image and the compose stack, checked with locally built images
## (docs/containers.md; as root it installs Docker and starts dockerd when needed)
containers: install-dev
	deploy/docker/check.sh

## make scale: several API processes and workers through PgBouncer and Redis behind HAProxy,
## the guarantees checked across processes (bench/scale.py; docs/deployment.md, "Scaling")
scale: install-dev
	$(BIN)/python bench/scale.py

## make docs: the documentation site (mkdocs.yml, MkDocs Material) on http://127.0.0.1:8001,
## rebuilt as its pages change; the HTTP reference is read from the OpenAPI document the
## repository keeps, clients/openapi.json (`make clients` writes it after an API change)
docs: install-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8001

## make docs-build: the site built into build/site with --strict: a broken link or heading, a
## page left out of the nav or a docstring griffe cannot read fails it (about 10 s)
docs-build: install-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

## make dist: the two wheels built from this tree into dist/: booking-domain's (the booking
## core alone, no dependency) and inkslot's (docs/domain.md, "Installing it on its own")
dist: $(UV)
	$(UV) build --wheel --package booking-domain --out-dir dist
	$(UV) build --wheel --package inkslot --out-dir dist

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
