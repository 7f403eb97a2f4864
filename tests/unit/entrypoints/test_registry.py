"""The registry of contexts (``entrypoints/contexts.py``): every line is wired from the
adapters and the settings, every context has its HTTP routes, its pages are found by its
name, and nothing is served that the registry does not name."""

from __future__ import annotations

import pkgutil
from dataclasses import dataclass, fields

import pytest

import entrypoints.http
import entrypoints.web
from booking_domain.shared.use_case import UseCase, UseCaseBundle
from entrypoints.bundles import Bundles
from entrypoints.container import (
    WiringError,
    build_container,
    bundles,
    memory_adapters,
    wire_context,
)
from entrypoints.contexts import Contexts, Entry, registered
from entrypoints.http.app import context_routes
from entrypoints.web.site import context_pages
from tests.support.builders import TEST_JWT_SECRET, cheap_settings


def test_every_registered_context_is_built_with_its_own_bundle() -> None:
    settings = cheap_settings()
    core = build_container(
        settings, jwt_secret=TEST_JWT_SECRET, adapters=memory_adapters(settings, TEST_JWT_SECRET)
    )
    made = bundles(core)
    for entry in registered():
        assert isinstance(getattr(made, entry.name), entry.bundle), entry.name
    assert {f.name for f in fields(Contexts)} < {f.name for f in fields(Bundles)}


def test_what_a_line_takes_from_the_settings_reaches_its_deps() -> None:
    settings = cheap_settings(app_url="https://studio.example/")
    core = build_container(
        settings, jwt_secret=TEST_JWT_SECRET, adapters=memory_adapters(settings, TEST_JWT_SECRET)
    )
    notifications = core.contexts["notifications"].deps()
    assert notifications.app_url == settings.web_url == "https://studio.example"
    assert notifications.mail_domain == settings.mail_domain
    assert notifications.clock is core.adapters.clock()  # an adapter of the field's name
    callback = core.contexts["payments"].deps().callback_url
    assert callback("INV-1", "t0k").startswith(f"{settings.base_url}/api/v1/payments/callback/")
    through_edge = cheap_settings(payment_callback_base_url="https://pay.example/v1/callbacks")
    core = build_container(
        through_edge,
        jwt_secret=TEST_JWT_SECRET,
        adapters=memory_adapters(through_edge, TEST_JWT_SECRET),
    )
    callback = core.contexts["payments"].deps().callback_url
    assert callback("INV1", "t0k") == "https://pay.example/v1/callbacks/INV1?t=t0k"


def test_a_deps_field_nothing_gives_stops_the_wiring() -> None:
    @dataclass(frozen=True)
    class LonelyDeps:
        clock: object
        nobody_gives_this: object

    class Nothing(UseCase[LonelyDeps]):
        pass

    @dataclass(frozen=True)
    class LonelyUseCases(UseCaseBundle[LonelyDeps]):
        nothing: Nothing

    settings = cheap_settings()
    adapters = memory_adapters(settings, TEST_JWT_SECRET)
    lonely = Entry("lonely", LonelyUseCases, LonelyDeps, {})
    with pytest.raises(WiringError, match=r"LonelyDeps\.nobody_gives_this"):
        wire_context(lonely, settings, adapters)
    misspelt = Entry("lonely", LonelyUseCases, LonelyDeps, {"nobody_gives_that": lambda s: 1})
    with pytest.raises(WiringError, match=r"LonelyDeps has no field nobody_gives_that"):
        wire_context(misspelt, settings, adapters)


def test_a_deps_field_takes_ports_only_never_what_else_the_adapters_hold() -> None:
    """``settings``, ``database_url``, ``open`` ... are the adapter container's, not ports: a
    field of such a name keeps its default."""

    @dataclass(frozen=True)
    class CuriousDeps:
        clock: object
        settings: object = "its own"

    class Nothing(UseCase[CuriousDeps]):
        pass

    @dataclass(frozen=True)
    class CuriousUseCases(UseCaseBundle[CuriousDeps]):
        nothing: Nothing

    settings = cheap_settings()
    adapters = memory_adapters(settings, TEST_JWT_SECRET)
    deps = wire_context(Entry("curious", CuriousUseCases, CuriousDeps, {}), settings, adapters)
    assert deps.deps().settings == "its own"


def test_every_context_serves_its_routes_and_no_http_package_is_left_out() -> None:
    for entry, routes in zip(registered(), context_routes(), strict=True):
        served = [
            *routes.controllers,
            *routes.sign_in,
            *routes.sign_up,
            *routes.sandbox,
            *routes.root,
        ]
        assert served, entry.name
        assert all(c.__module__.startswith(f"entrypoints.http.{entry.name}.") for c in served)
    packages = {
        info.name
        for info in pkgutil.iter_modules(entrypoints.http.__path__)
        if info.ispkg and info.name != "docs_assets"
    }
    assert packages == {entry.name for entry in registered()}


def test_every_web_room_is_a_registered_context_and_serves_only_its_own_pages() -> None:
    names = [entry.name for entry in registered()]
    rooms = {
        info.name
        for info in pkgutil.iter_modules(entrypoints.web.__path__)
        if info.ispkg and info.name != "shared"
    }
    assert rooms <= set(names)  # a room the registry does not name would be served by nothing
    found = dict(context_pages())
    assert set(found) == rooms
    assert list(found) == [name for name in names if name in rooms]  # the registry's order
    for name, pages in found.items():
        # Its own modules' pages (``pages.py``, and the console's ``console.py``), no other's.
        room = f"entrypoints.web.{name}."
        assert all(page.fn.__module__.startswith(room) for page in pages), name
    assert found["catalog"] and found["bookings"] and found["consent"]  # its console forms
