"""The production Ingress routes every public path the app serves (docs/kubernetes.md,
"The Ingress").

The list is the app's own: the app production's settings build (``create_app``, never
started) is asked for its routes, so a public path added later fails here until the Ingress
routes it too. Only the probes and the metrics stay inside the cluster.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from entrypoints.app import create_app
from entrypoints.settings import load_settings
from tests.deploy.test_kubernetes import (
    APPS,
    config_map_data,
    one,
    render,
    workable_secret_values,
)

# Served to the cluster alone: the kubelet's probes and Prometheus.
INTERNAL = ("/health", "/metrics")
# What a calendar app, an email, a text or a booking link opens, and the pages' assets.
LINKS = (
    "/cal/token.ics",
    "/book/token",
    "/bookings/id",
    "/bookings/id/cancel",
    "/requests/id",
    "/verify-email",
    "/reset-password",
    "/unlock",
    "/static/booking-page/page.js",
    "/api/v1/artists",
    "/schema/openapi.json",
    "/docs",
)
_PARAMETER = re.compile(r"\{(\w+)(?::(\w+))?\}")


def sample(route: str) -> str:
    """A request path the route answers: each parameter filled in (a ``path`` one with two
    segments)."""
    return _PARAMETER.sub(lambda m: "a/b" if m.group(2) == "path" else "x", route)


def ingress_paths() -> list[tuple[str, str]]:
    ingress = one(render(APPS["production"]), "Ingress", "inkslot-api")
    return [
        (path["path"], path["pathType"])
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    ]


def routed(request_path: str, paths: list[tuple[str, str]]) -> bool:
    """Kubernetes' matching: Exact is the whole path; Prefix is whole segments of it."""
    for path, kind in paths:
        if kind == "Exact" and request_path == path:
            return True
        prefix = path.rstrip("/")
        if kind == "Prefix" and (request_path == prefix or request_path.startswith(prefix + "/")):
            return True
    return False


def production_app_routes() -> list[str]:
    objects = render(APPS["production"])
    environ = {
        **config_map_data(objects, "inkslot-config"),
        **workable_secret_values("inkslot-secrets"),
    }
    app: Any = create_app(load_settings(environ))
    return sorted({route.path for route in app.routes})


@pytest.fixture(scope="module")
def app_routes() -> list[str]:
    return production_app_routes()


def test_every_public_path_the_app_serves_is_routed(app_routes: list[str]) -> None:
    paths = ingress_paths()
    public = [r for r in app_routes if not r.startswith(INTERNAL)]
    missing = [r for r in public if not routed(sample(r), paths)]
    assert not missing, f"the Ingress does not route: {missing}"
    # The links people and programs are given, by name (should the app's list shrink).
    for link in LINKS:
        assert routed(link, paths), link


def test_the_probes_and_metrics_stay_inside_the_cluster(app_routes: list[str]) -> None:
    paths = ingress_paths()
    internal = [r for r in app_routes if r.startswith(INTERNAL)]
    assert internal  # the app serves them: the check below means something
    assert not [r for r in internal if routed(sample(r), paths)]
    assert not routed("/", paths)  # no catch-all that would take them in
