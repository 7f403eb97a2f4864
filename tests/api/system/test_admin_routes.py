"""Every admin operation in the OpenAPI document, walked: a customer and an artist get 403,
no token 401, and the list of admin operations cannot shrink unnoticed (a route that lost
its guard would answer something else)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
SOME_ID = "018f0000-0000-7000-8000-000000000000"


def _admin_operations(schema: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for path, operations in schema["paths"].items():
        if path.startswith("/api/v1/admin/"):
            concrete = re.sub(r"\{[^}]+\}", SOME_ID, path)
            found += [(method.upper(), concrete) for method in operations if method != "parameters"]
    return sorted(found)


async def test_every_admin_operation_refuses_everyone_else(api: Api) -> None:
    desk = await open_desk(api)
    schema = (await api.client.get("/schema/openapi.json")).json()
    operations = _admin_operations(schema)
    lists = {"users", "artists", "bookings", "transactions", "disputes", "audit", "settlements"}
    listed = {path.split("/")[4] for method, path in operations if method == "GET"}
    assert lists <= listed, lists - listed
    for method, path in operations:
        for who, expected in ((desk.customer, 403), (desk.artist.session, 403), (None, 401)):
            headers = desk.auth(who) if who else {}
            answer = await api.client.request(method, path, headers=headers, json={})
            assert answer.status_code == expected, (method, path, answer.text)
