"""The Kubernetes manifests (``deploy/kubernetes``, docs/kubernetes.md).

Each kustomization is rendered with ``kubectl kustomize``; every object it renders is checked
against Kubernetes' own schema (the JSON schemas kubernetes-validate ships, offline, in its
strict form: a misspelt field is an error), for the oldest version the manifests support and
the newest the package knows; and the house rules are asserted over what was rendered: every
container locked down and sized, the API's probes and shutdown, what selects what, which
settings each process gets, and the order rollout.sh deploys in.
"""

from __future__ import annotations

import base64
import copy
import functools
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import kubernetes_validate  # type: ignore[import-untyped]
import pytest
import yaml  # type: ignore[import-untyped]

from entrypoints.http.system import live, ready
from entrypoints.settings import Profile, SettingsError, load_settings

Obj = dict[str, Any]

KUBERNETES = Path(__file__).resolve().parents[2] / "deploy" / "kubernetes"
KUBECTL = shutil.which("kubectl")
# The oldest Kubernetes the manifests are written for (preStop's `sleep` action is on by
# default from 1.30), and the newest whose schema the package ships.
SCHEMA_VERSIONS = ("1.30", kubernetes_validate.latest_version())

IMAGE = "ghcr.io/inkslot/inkslot"
UID = 10001
# The application's kustomization and its migration Job's, per environment.
APPS = {"base": "base", "production": "overlays/production"}
MIGRATIONS = {"base": "base/migrate", "production": "overlays/production/migrate"}
RENDERS = [*APPS.values(), *MIGRATIONS.values()]
# Secrets made per environment, outside the kustomizations, with an example beside them.
EXAMPLE_SECRETS = {
    "inkslot-secrets": KUBERNETES / "base" / "secret.example.yaml",
    "inkslot-payment-edge-secrets": KUBERNETES / "base" / "payment-edge-secret.example.yaml",
}
# The edge's TLS Secret (tls.crt, tls.key, ca.crt), made as docs/kubernetes.md says.
EDGE_TLS_SECRET = "inkslot-payment-edge-tls"
# The pods' temporary directory (a path inside them, not on this machine).
POD_TMP = "/tmp"  # noqa: S108
API_LABELS = {"app.kubernetes.io/name": "inkslot", "app.kubernetes.io/component": "api"}


@functools.cache
def render(path: str) -> tuple[Obj, ...]:
    if KUBECTL is None:
        pytest.skip("kubectl is not installed: it renders the kustomizations (kubectl kustomize)")
    done = subprocess.run(
        [KUBECTL, "kustomize", str(KUBERNETES / path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return tuple(o for o in yaml.safe_load_all(done.stdout) if o)


def one(objects: tuple[Obj, ...], kind: str, name: str) -> Obj:
    found = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} rendered"
    return found[0]


def of_kind(objects: tuple[Obj, ...], kind: str) -> list[Obj]:
    return [o for o in objects if o["kind"] == kind]


def pod_templates(objects: tuple[Obj, ...]) -> Iterator[tuple[Obj, Obj]]:
    """(the workload, its pod template) for every Deployment and Job."""
    for workload in objects:
        if workload["kind"] in ("Deployment", "Job"):
            yield workload, workload["spec"]["template"]


def all_containers(pod: Obj) -> list[Obj]:
    spec = pod["spec"]
    return [*spec.get("initContainers", []), *spec["containers"]]


def container(workload: Obj, name: str) -> Obj:
    found = [c for c in all_containers(workload["spec"]["template"]) if c["name"] == name]
    assert len(found) == 1, name
    return found[0]


def config_map_data(objects: tuple[Obj, ...], name: str) -> dict[str, str]:
    """The data of the ConfigMap generated as ``name`` (rendered with a hash suffix)."""
    found = [
        o
        for o in of_kind(objects, "ConfigMap")
        if re.fullmatch(rf"{re.escape(name)}-[a-z0-9]{{10}}", o["metadata"]["name"])
    ]
    assert len(found) == 1, name
    data: dict[str, str] = found[0]["data"]
    return data


def env_sources(c: Obj) -> tuple[set[str], set[str]]:
    """The ConfigMaps and Secrets a container reads its environment from."""
    maps, secrets = set(), set()
    for source in c.get("envFrom", []):
        if "configMapRef" in source:
            maps.add(source["configMapRef"]["name"])
        if "secretRef" in source:
            secrets.add(source["secretRef"]["name"])
    for var in c.get("env", []):
        ref = var.get("valueFrom", {})
        if "configMapKeyRef" in ref:
            maps.add(ref["configMapKeyRef"]["name"])
        if "secretKeyRef" in ref:
            secrets.add(ref["secretKeyRef"]["name"])
    return maps, secrets


def example_secret(name: str) -> Obj:
    loaded: Obj = yaml.safe_load(EXAMPLE_SECRETS[name].read_text())
    return loaded


def workable_secret_values(name: str) -> dict[str, str]:
    """The example Secret's keys with values the settings accept (the placeholders are
    refused, on purpose)."""
    usable = {
        "INKSLOT_DATABASE_URL": "postgresql://inkslot:pw@db.internal:5432/inkslot",
        "INKSLOT_JWT_SECRET": "j" * 48,
        "INKSLOT_ENCRYPTION_KEY": base64.urlsafe_b64encode(bytes(32)).decode(),
        "INKSLOT_PAYMENT_EDGE_SECRET": "e" * 40,
        "INKSLOT_REDIS_URL": "redis://redis.internal:6379/0",
    }
    return {key: usable.get(key, "value") for key in example_secret(name)["stringData"]}


def cpu(quantity: str) -> float:
    return float(quantity[:-1]) / 1000 if quantity.endswith("m") else float(quantity)


def memory(quantity: str) -> int:
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    for suffix, factor in units.items():
        if quantity.endswith(suffix):
            return int(quantity[: -len(suffix)]) * factor
    return int(quantity)


# -- the schema -------------------------------------------------------------------------------


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
@pytest.mark.parametrize("path", RENDERS)
def test_every_rendered_object_validates_against_the_kubernetes_schema(
    path: str, version: str
) -> None:
    objects = render(path)
    assert objects
    for obj in objects:
        kubernetes_validate.validate(obj, version, strict=True)


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
def test_the_example_secrets_validate_too(version: str) -> None:
    for name in EXAMPLE_SECRETS:
        secret = example_secret(name)
        assert secret["metadata"]["name"] == name
        kubernetes_validate.validate(secret, version, strict=True)


def test_the_schema_check_refuses_a_misspelt_field() -> None:
    """The check is real: strict schemas refuse what Kubernetes would drop silently."""
    api = copy.deepcopy(one(render(APPS["base"]), "Deployment", "inkslot-api"))
    api["spec"]["template"]["spec"]["containers"][0]["securityContext"][
        "readOnlyRootFileSystem"
    ] = True
    with pytest.raises(kubernetes_validate.ValidationError, match="readOnlyRootFileSystem"):
        kubernetes_validate.validate(api, SCHEMA_VERSIONS[0], strict=True)


# -- every pod --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", RENDERS)
def test_every_container_runs_unprivileged_and_read_only(path: str) -> None:
    for workload, pod in pod_templates(render(path)):
        pod_context = pod["spec"].get("securityContext", {})
        for c in all_containers(pod):
            where = f"{workload['metadata']['name']}/{c['name']}"
            context = {**pod_context, **c.get("securityContext", {})}
            assert context.get("runAsNonRoot") is True, where
            assert context.get("runAsUser") == UID, where
            assert context.get("readOnlyRootFilesystem") is True, where
            assert context.get("allowPrivilegeEscalation") is False, where
            assert context.get("privileged", False) is False, where
            assert context.get("capabilities", {}).get("drop") == ["ALL"], where
            assert not context.get("capabilities", {}).get("add"), where
            assert context.get("seccompProfile") == {"type": "RuntimeDefault"}, where


@pytest.mark.parametrize("path", RENDERS)
def test_every_container_has_requests_within_its_limits(path: str) -> None:
    for workload, pod in pod_templates(render(path)):
        for c in all_containers(pod):
            where = f"{workload['metadata']['name']}/{c['name']}"
            requests, limits = c["resources"]["requests"], c["resources"]["limits"]
            assert set(requests) == set(limits) == {"cpu", "memory"}, where
            assert cpu(requests["cpu"]) <= cpu(limits["cpu"]), where
            assert memory(requests["memory"]) <= memory(limits["memory"]), where


@pytest.mark.parametrize("path", RENDERS)
def test_pods_get_no_token_and_no_service_links(path: str) -> None:
    objects = render(path)
    account = one(objects, "ServiceAccount", "inkslot")
    assert account["automountServiceAccountToken"] is False
    for workload, pod in pod_templates(objects):
        spec = pod["spec"]
        name = workload["metadata"]["name"]
        assert spec["serviceAccountName"] == "inkslot", name
        assert spec["automountServiceAccountToken"] is False, name
        # Service links would put INKSLOT_<SERVICE>_PORT=tcp://... into the environment.
        assert spec["enableServiceLinks"] is False, name


@pytest.mark.parametrize("path", RENDERS)
def test_writable_paths_are_empty_dirs_and_inkslot_has_a_tmp(path: str) -> None:
    for workload, pod in pod_templates(render(path)):
        volumes = {v["name"]: v for v in pod["spec"].get("volumes", [])}
        for c in all_containers(pod):
            where = f"{workload['metadata']['name']}/{c['name']}"
            mounts = c.get("volumeMounts", [])
            for mount in mounts:
                volume = volumes[mount["name"]]
                if "emptyDir" not in volume:
                    assert mount.get("readOnly") is True, f"{where}: {mount['mountPath']}"
            if c["image"].startswith(IMAGE) and c["name"] != "trust-bundle":
                tmp = [m for m in mounts if m["mountPath"] == POD_TMP]
                assert tmp, f"{where} has no /tmp"
                assert "emptyDir" in volumes[tmp[0]["name"]], where


@pytest.mark.parametrize("path", RENDERS)
def test_every_reference_names_an_object_that_exists(path: str) -> None:
    """ConfigMaps are rendered (with their hashed names); Secrets are the ones made out of
    band, each with its example or its recipe."""
    objects = render(path)
    rendered_maps = {o["metadata"]["name"] for o in of_kind(objects, "ConfigMap")}
    known_secrets = {*EXAMPLE_SECRETS, EDGE_TLS_SECRET}
    for workload, pod in pod_templates(objects):
        name = workload["metadata"]["name"]
        for c in all_containers(pod):
            maps, secrets = env_sources(c)
            assert maps <= rendered_maps, name
            assert secrets <= known_secrets, name
        for volume in pod["spec"].get("volumes", []):
            if "secret" in volume:
                assert volume["secret"]["secretName"] in known_secrets, name
            if "configMap" in volume:
                assert volume["configMap"]["name"] in rendered_maps, name


# -- the API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", APPS.values())
def test_the_api_probes_the_apps_own_health_routes(path: str) -> None:
    api = one(render(path), "Deployment", "inkslot-api")
    server = container(api, "api")
    assert server["args"][0] == "serve"
    port = {p["name"]: p["containerPort"] for p in server["ports"]}["http"]
    assert server["args"][server["args"].index("--port") + 1] == str(port)
    (live_path,), (ready_path,) = live.paths, ready.paths
    probes = {kind: server[kind]["httpGet"] for kind in ("startupProbe", "livenessProbe")}
    probes["readinessProbe"] = server["readinessProbe"]["httpGet"]
    # Liveness and start-up ask only whether the process answers; readiness asks the database.
    assert probes["startupProbe"]["path"] == probes["livenessProbe"]["path"] == live_path
    assert probes["readinessProbe"]["path"] == ready_path
    assert all(probe["port"] in ("http", port) for probe in probes.values())


@pytest.mark.parametrize("path", APPS.values())
def test_the_api_rolls_and_stops_gracefully(path: str) -> None:
    api = one(render(path), "Deployment", "inkslot-api")
    assert api["spec"]["strategy"]["type"] == "RollingUpdate"
    assert api["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    pod = api["spec"]["template"]["spec"]
    pause = container(api, "api")["lifecycle"]["preStop"]["sleep"]["seconds"]
    # The pause, the event streams' 3 s and a few bounded shutdown steps fit the grace period.
    assert pause >= 5
    assert pause + 3 + 2 * 10 <= pod["terminationGracePeriodSeconds"]


@pytest.mark.parametrize("path", APPS.values())
def test_the_budget_and_the_autoscaler_govern_the_api_pods(path: str) -> None:
    objects = render(path)
    api = one(objects, "Deployment", "inkslot-api")
    pod_labels = api["spec"]["template"]["metadata"]["labels"]
    budget = one(objects, "PodDisruptionBudget", "inkslot-api")
    assert budget["spec"]["minAvailable"] == 1
    selector = budget["spec"]["selector"]["matchLabels"]
    assert selector == api["spec"]["selector"]["matchLabels"] == API_LABELS
    assert selector.items() <= pod_labels.items()
    for workload, pod in pod_templates(objects):  # the budget holds the API pods alone
        if workload is not api:
            assert not selector.items() <= pod["metadata"]["labels"].items()

    scaler = one(objects, "HorizontalPodAutoscaler", "inkslot-api")
    assert scaler["apiVersion"] == "autoscaling/v2"
    target = scaler["spec"]["scaleTargetRef"]
    assert (target["apiVersion"], target["kind"], target["name"]) == (
        "apps/v1",
        "Deployment",
        "inkslot-api",
    )
    (metric,) = scaler["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert metric["resource"]["target"]["type"] == "Utilization"
    assert 2 <= scaler["spec"]["minReplicas"] < scaler["spec"]["maxReplicas"]
    # An apply sets the Deployment's count; it is the autoscaler's floor, never above it.
    assert api["spec"]["replicas"] == scaler["spec"]["minReplicas"]
    assert budget["spec"]["minAvailable"] < scaler["spec"]["minReplicas"]


@pytest.mark.parametrize("path", APPS.values())
def test_each_service_selects_one_deployment_and_a_port_it_declares(path: str) -> None:
    objects = render(path)
    for service in of_kind(objects, "Service"):
        selector = service["spec"]["selector"]
        chosen = [
            w
            for w, pod in pod_templates(objects)
            if selector.items() <= pod["metadata"]["labels"].items()
        ]
        assert len(chosen) == 1, service["metadata"]["name"]
        declared = {
            p["name"]
            for c in chosen[0]["spec"]["template"]["spec"]["containers"]
            for p in c.get("ports", [])
        }
        for port in service["spec"]["ports"]:
            assert port["targetPort"] in declared, service["metadata"]["name"]


# -- the payment edge -------------------------------------------------------------------------


@pytest.mark.parametrize("path", APPS.values())
def test_the_payment_edge_is_internal_and_fenced(path: str) -> None:
    objects = render(path)
    service = one(objects, "Service", "inkslot-payment-edge")
    assert service["spec"]["type"] == "ClusterIP"
    edge = one(objects, "Deployment", "inkslot-payment-edge")
    assert edge["spec"]["replicas"] == 1  # it keeps the nonces it has seen in memory
    process = container(edge, "payment-edge")
    assert process["args"][:3] == ["payment-edge", "--host", "127.0.0.1"]  # behind the TLS

    policy = one(objects, "NetworkPolicy", "inkslot-payment-edge")
    edge_labels = edge["spec"]["template"]["metadata"]["labels"]
    assert policy["spec"]["podSelector"]["matchLabels"].items() <= edge_labels.items()
    assert "Ingress" in policy["spec"]["policyTypes"]
    (rule,) = policy["spec"]["ingress"]
    allowed = [peer["podSelector"]["matchLabels"] for peer in rule["from"]]
    assert all(set(peer) == {"podSelector"} for peer in rule["from"])
    components = {labels["app.kubernetes.io/component"] for labels in allowed}
    assert components == {"api", "worker"}
    tls_port = {p["name"]: p["containerPort"] for p in container(edge, "tls")["ports"]}
    assert [p["port"] for p in rule["ports"]] == [tls_port["https"]]


@pytest.mark.parametrize("env", APPS)
def test_the_api_reaches_the_edge_at_its_service_over_https(env: str) -> None:
    objects = render(APPS[env])
    settings = config_map_data(objects, "inkslot-config")
    assert settings["INKSLOT_PAYMENT_GATEWAY"] == "edge"
    url = urlsplit(settings["INKSLOT_PAYMENT_EDGE_URL"])
    service = one(objects, "Service", "inkslot-payment-edge")
    assert url.scheme == "https"
    assert url.hostname == service["metadata"]["name"]
    assert url.port in [p["port"] for p in service["spec"]["ports"]]
    # Whoever calls the edge trusts its CA: the bundle the init container writes.
    for name in ("inkslot-api", "inkslot-worker"):
        workload = one(objects, "Deployment", name)
        main = workload["spec"]["template"]["spec"]["containers"][0]
        bundle = {v["name"]: v.get("value") for v in main["env"]}["SSL_CERT_FILE"]
        assert Path(bundle).parent.as_posix() in {m["mountPath"] for m in main["volumeMounts"]}
        assert container(workload, "trust-bundle")["image"] == main["image"]


@pytest.mark.parametrize("env", APPS)
def test_the_edge_holds_only_its_own_settings(env: str) -> None:
    objects = render(APPS[env])
    edge = container(one(objects, "Deployment", "inkslot-payment-edge"), "payment-edge")
    maps, secrets = env_sources(edge)
    assert secrets == {"inkslot-payment-edge-secrets"}
    assert len(maps) == 1
    (edge_map,) = maps
    assert edge_map.startswith("inkslot-payment-edge-config-")
    data = next(o["data"] for o in of_kind(objects, "ConfigMap") if o["metadata"]["name"] in maps)
    # The production profile would demand the API's settings (a database, R2, SMTP) of it.
    assert "INKSLOT_PROFILE" not in data
    environ = {**data, **workable_secret_values("inkslot-payment-edge-secrets")}
    settings = load_settings(environ)
    # What `inkslot payment-edge` refuses to start without.
    assert settings.qpay_client_id and settings.qpay_client_secret and settings.qpay_invoice_code
    assert settings.payment_edge_secret and len(settings.payment_edge_secret) >= 32
    # And no pod but the edge sees QPay's credentials.
    for workload, pod in pod_templates(objects):
        if workload["metadata"]["name"] != "inkslot-payment-edge":
            for c in all_containers(pod):
                assert "inkslot-payment-edge-secrets" not in env_sources(c)[1]


# -- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("env", APPS)
def test_the_api_the_workers_and_the_migration_read_the_same_settings(env: str) -> None:
    app, job_objects = render(APPS[env]), render(MIGRATIONS[env])
    job = one(job_objects, "Job", "inkslot-migrate")
    job_sources = env_sources(container(job, "migrate"))
    assert job_sources[1] == {"inkslot-secrets"}
    for name, process in (("inkslot-api", "api"), ("inkslot-worker", "worker")):
        assert env_sources(container(one(app, "Deployment", name), process)) == job_sources
    # Rendered apart, the ConfigMap is the same object under the same hashed name.
    (config_name,) = job_sources[0]
    assert config_name in {o["metadata"]["name"] for o in of_kind(app, "ConfigMap")}
    assert config_map_data(app, "inkslot-config") == config_map_data(job_objects, "inkslot-config")


def test_production_settings_load_with_the_secret_filled_in() -> None:
    """The production profile names every missing setting: the ConfigMap plus the example
    Secret's keys leave none missing, and every value parses."""
    objects = render(APPS["production"])
    environ = {
        **config_map_data(objects, "inkslot-config"),
        **workable_secret_values("inkslot-secrets"),
    }
    settings = load_settings(environ)
    assert settings.profile is Profile.PRODUCTION
    assert settings.gateway == "edge"
    assert settings.redis_url  # several API pods share rate limits and events through Redis
    assert settings.metrics_token  # production serves /metrics to no one without it
    assert settings.trusted_proxies  # behind the ingress controller


def test_the_example_secrets_placeholders_are_refused() -> None:
    """A copy of the example applied unchanged stops the rollout instead of running."""
    objects = render(APPS["production"])
    environ = {
        **config_map_data(objects, "inkslot-config"),
        **example_secret("inkslot-secrets")["stringData"],
    }
    with pytest.raises(SettingsError):
        load_settings(environ)
    for name in EXAMPLE_SECRETS:
        values = example_secret(name)["stringData"].values()
        assert all("REPLACE_ME" in value for value in values), name


# -- the migration Job ------------------------------------------------------------------------


@pytest.mark.parametrize("env", MIGRATIONS)
def test_migrations_run_alone_as_a_job_before_the_application(env: str) -> None:
    objects = render(MIGRATIONS[env])
    assert {o["kind"] for o in objects} == {"Job", "ConfigMap", "ServiceAccount"}
    job = one(objects, "Job", "inkslot-migrate")
    pod = job["spec"]["template"]["spec"]
    migrate = container(job, "migrate")
    assert "command" not in migrate  # the image's entrypoint, inkslot
    assert migrate["args"] == ["migrate"]
    assert pod["restartPolicy"] == "Never"
    assert job["spec"]["backoffLimit"] <= 2
    assert job["spec"]["activeDeadlineSeconds"] > 0
    # The application never carries the Job: it would be applied alongside the new pods.
    assert not of_kind(render(APPS[env]), "Job")


# -- production -------------------------------------------------------------------------------


def production_tag() -> str:
    settings = yaml.safe_load(
        (KUBERNETES / "overlays" / "production" / "settings" / "kustomization.yaml").read_text()
    )
    (image,) = [i for i in settings["images"] if i["name"] == IMAGE]
    tag: str = image["newTag"]
    return tag


@pytest.mark.parametrize("path", [APPS["production"], MIGRATIONS["production"]])
def test_production_runs_the_release_tag_everywhere(path: str) -> None:
    tag = production_tag()
    assert tag and tag != "latest"
    for workload, pod in pod_templates(render(path)):
        assert workload["metadata"]["namespace"] == "inkslot"
        for c in all_containers(pod):
            repository, _, version = c["image"].rpartition(":")
            assert version and version != "latest", c["image"]  # every image pinned
            if repository == IMAGE:
                assert version == tag, c["name"]


def test_production_sizes() -> None:
    objects = render(APPS["production"])
    scaler = one(objects, "HorizontalPodAutoscaler", "inkslot-api")
    assert (scaler["spec"]["minReplicas"], scaler["spec"]["maxReplicas"]) == (3, 12)
    assert one(objects, "Deployment", "inkslot-api")["spec"]["replicas"] == 3
    assert one(objects, "Deployment", "inkslot-worker")["spec"]["replicas"] >= 2
    assert one(objects, "Deployment", "inkslot-payment-edge")["spec"]["replicas"] == 1


def test_the_ingress_serves_the_public_api_over_tls() -> None:
    objects = render(APPS["production"])
    ingress = one(objects, "Ingress", "inkslot-api")
    (tls,) = ingress["spec"]["tls"]
    hosts = [rule["host"] for rule in ingress["spec"]["rules"]]
    assert hosts and set(hosts) <= set(tls["hosts"])
    assert tls["secretName"]
    # The public URL (QPay's callbacks under it) is the Ingress's host, over https.
    public = urlsplit(config_map_data(objects, "inkslot-config")["INKSLOT_PUBLIC_URL"])
    assert (public.scheme, public.hostname) == ("https", hosts[0])
    api_service = one(objects, "Service", "inkslot-api")
    service_ports = {p["name"] for p in api_service["spec"]["ports"]}
    paths = []
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] == "inkslot-api"
            assert backend["port"]["name"] in service_ports
            paths.append(path["path"])
    assert "/api" in paths
    assert not any(p in ("/", "/metrics") or p.startswith("/health") for p in paths)


# -- rollout.sh -------------------------------------------------------------------------------

FAKE_KUBECTL = """#!/usr/bin/env bash
echo "$*" >> "$KUBECTL_LOG"
if [[ "$*" == *" get job/inkslot-migrate "* ]]; then printf '%s ' "$JOB_CONDITION"; fi
"""


def run_rollout(tmp_path: Path, condition: str) -> tuple[int, list[str]]:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "kubectl"
    fake.write_text(FAKE_KUBECTL)
    fake.chmod(0o755)
    log = tmp_path / "kubectl.log"
    done = subprocess.run(
        [bash, str(KUBERNETES / "rollout.sh"), "overlays/production", "inkslot"],
        env={
            **os.environ,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "KUBECTL_LOG": str(log),
            "JOB_CONDITION": condition,
        },
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return done.returncode, [call.removeprefix("--namespace inkslot ") for call in calls]


def test_rollout_migrates_then_waits_then_applies_the_application(tmp_path: Path) -> None:
    code, calls = run_rollout(tmp_path, "Complete")
    assert code == 0
    verbs = [" ".join(call.split()[:2]) for call in calls]
    assert verbs[:4] == [
        "delete job/inkslot-migrate",
        "apply -k",
        "get job/inkslot-migrate",
        "logs job/inkslot-migrate",
    ]
    assert calls[1] == "apply -k overlays/production/migrate"
    assert calls[4] == "apply -k overlays/production"
    assert [c.split()[2] for c in calls[5:]] == [
        "deployment/inkslot-api",
        "deployment/inkslot-worker",
        "deployment/inkslot-payment-edge",
    ]


def test_rollout_stops_when_the_migration_fails(tmp_path: Path) -> None:
    code, calls = run_rollout(tmp_path, "FailureTarget Failed")
    assert code != 0
    assert "apply -k overlays/production" not in calls
    assert calls[-1].startswith("logs job/inkslot-migrate")
