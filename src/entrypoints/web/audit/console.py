"""The operator's audit trail (admins only; anyone else is "not found"):

``GET /console/admin/audit`` (``?action=``, ``&target=``, ``&before=``): the trail, newest
first, fifty entries a page (``ListAudit``), as the API's ``GET /admin/audit`` pages it: by
keyset, with no total; "Older entries" passes the page's ``next`` as ``before``.

- ``action``: one action (``booking.cancelled``) or a kind (``booking.`` or ``booking``:
  every act of it); ``target``: one subject (``booking/<id>``), as the API takes them. A
  filter the API would refuse is said on the page (422), with no entries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Final
from urllib.parse import urlencode
from uuid import UUID

from litestar import Request, get
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from booking_domain.audit import AuditEntry, AuditFilter
from booking_domain.audit.use_cases import AuditUseCases
from booking_domain.shared import Role
from entrypoints.web.shared.console import CONSOLE, Desk, Tab, admin_desk, console_page
from entrypoints.web.shared.render import Lang
from entrypoints.web.shared.texts import translator

AUDIT: Final = f"{CONSOLE}/admin/audit"
TABS: Final = (Tab(130, "admin-audit", AUDIT, "Audit log", frozenset({Role.ADMIN})),)
ENTRIES_SHOWN: Final = 50
BAD_FILTER: Final = (
    "Use an action such as booking.cancelled or a kind such as booking., "
    "and a target such as booking/ followed by its id."
)
# The API's own patterns (entrypoints.http.audit): a kind alone is taken with its dot.
_ACTION: Final = re.compile(r"[a-z_]{1,32}\.([a-z_]{1,32})?")
_KIND: Final = re.compile(r"[a-z_]{1,32}")
_TARGET: Final = re.compile(r"[a-z_]{1,32}/[A-Za-z0-9-]{1,64}")

Text = Annotated[str | None, QueryParameter(max_length=200)]


class _BadFilterError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class EntryLine:
    """An entry as the operator reads it: plain values (the time in UTC)."""

    at: str
    action: str
    target: str
    actor: str
    actor_role: str
    before: str
    after: str
    request_id: str


def _summary(summary: Mapping[str, object] | None) -> str:
    if not summary:
        return ""
    return ", ".join(f"{key}: {value}" for key, value in summary.items())


def _line(entry: AuditEntry) -> EntryLine:
    return EntryLine(
        at=entry.at.strftime("%Y-%m-%d %H:%M:%S UTC"),
        action=entry.action,
        target=entry.target,
        actor="" if entry.actor_id is None else str(entry.actor_id),
        actor_role="" if entry.actor_role is None else entry.actor_role.value,
        before=_summary(entry.before),
        after=_summary(entry.after),
        request_id=entry.request_id or "",
    )


def _action(text: str) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if _KIND.fullmatch(cleaned):
        return cleaned + "."
    if _ACTION.fullmatch(cleaned):
        return cleaned
    raise _BadFilterError


def _target(text: str) -> str | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if _TARGET.fullmatch(cleaned):
        return cleaned
    raise _BadFilterError


def _before(text: str) -> UUID | None:
    if not text.strip():
        return None
    try:
        return UUID(text.strip())
    except ValueError:
        raise _BadFilterError from None


@get(AUDIT, include_in_schema=False, media_type=MediaType.HTML)
async def console_admin_audit(
    request: Request[Any, Any, Any],
    audit: NamedDependency[AuditUseCases],
    lang: Lang = None,
    action: Text = None,
    target: Text = None,
    before: Text = None,
) -> Template | Redirect:
    """The audit trail, newest first, filtered by action (or kind) and target."""
    desk = await admin_desk(request, lang)
    if not isinstance(desk, Desk):
        return desk
    typed = {"action": action or "", "target": target or ""}
    try:
        where = AuditFilter(action=_action(typed["action"]), target=_target(typed["target"]))
        after = _before(before or "")
    except _BadFilterError:
        problem = translator(desk.locale)(BAD_FILTER)
        return _page(request, desk, typed, [], None, problem=problem, status=422)
    found = await audit.list_audit(desk.actor, where, before=after, limit=ENTRIES_SHOWN)
    older = None
    if found.next_before is not None:
        kept = {key: value for key, value in typed.items() if value.strip()}
        older = f"{AUDIT}?{urlencode({**kept, 'before': str(found.next_before)})}"
    return _page(request, desk, typed, [_line(e) for e in found.items], older)


def _page(
    request: Request[Any, Any, Any],
    desk: Desk,
    typed: dict[str, str],
    lines: list[EntryLine],
    older: str | None,
    *,
    problem: str | None = None,
    status: int = 200,
) -> Template:
    return console_page(
        "console_admin_audit.html.j2",
        request,
        desk,
        status=status,
        tab="admin-audit",
        typed=typed,
        lines=lines,
        older=older,
        problem=problem,
        paged=bool(request.query_params.get("before")),
    )


CONSOLE_PAGES: Final = (console_admin_audit,)
