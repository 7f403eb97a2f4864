"""A refused field in our own words: what its value must be, never the parser's text.

msgspec (through Litestar) says what it expected in its own terms: "Expected `int`, got
`str` - at `$.slotStepMinutes`". A client is told instead, by the field's name as it sends
it (``slotStepMinutes``; a nested one ``price.amount``, ``windows[0].startTime``), one of a
few fixed English sentences the ``problems`` catalogue translates ("must be a whole
number", "must be at most 1440", "must be one of: customer, artist", "must be a date like
2026-03-01"). A message we have no words for becomes "is not valid": the parser's text is
never passed on. Only a refusal reads this; an accepted request never comes here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import msgspec

# What a value of each msgspec kind must be.
_KINDS = {
    "int": "must be a whole number",
    "float": "must be a number",
    "str": "must be text",
    "bool": "must be true or false",
    "object": "must be an object",
    "array": "must be a list",
    "null": "must be null",
    "datetime": "must be a date and time like 2026-03-01T14:00:00+08:00",
    "date": "must be a date like 2026-03-01",
    "time": "must be a time like 14:30",
    "uuid": "must be an id (a UUID)",
    "decimal": "must be a decimal number",
    "bytes": "must be base64 text",
    "duration": "must be a duration like PT90M",
}
# msgspec's messages without a variable part, and ours for each.
_FIXED = {
    "Invalid RFC3339 encoded datetime": _KINDS["datetime"],
    "Invalid RFC3339 encoded date": _KINDS["date"],
    "Invalid RFC3339 encoded time": _KINDS["time"],
    "Invalid ISO8601 duration": _KINDS["duration"],
    "Invalid UUID": _KINDS["uuid"],
    "Invalid base64 encoded string": _KINDS["bytes"],
    "Invalid decimal string": _KINDS["decimal"],
    "Integer value out of range": "is too large",
    "Number out of range": "is too large",
}
_EXPECTED = re.compile(r"Expected `(?P<kind>[^`]+)`(?P<rest>.*)")
_TYPE_MISMATCH = re.compile(r", got `[^`]+`")
_LENGTH = re.compile(r" of length (?P<op>>=|<=) (?P<limit>\S+)")
_BOUND = re.compile(r" (?P<op>>=|<=|>|<) (?P<limit>\S+)")
_MULTIPLE = re.compile(r" that's a multiple of (?P<limit>\S+)")
_BOUNDS = {
    ">=": "must be at least {limit}",
    "<=": "must be at most {limit}",
    ">": "must be greater than {limit}",
    "<": "must be less than {limit}",
}
_LENGTHS = {
    ("str", ">="): "must be at least {limit} characters",
    ("str", "<="): "must be at most {limit} characters",
    ("array", ">="): "must have at least {limit} items",
    ("array", "<="): "must have at most {limit} items",
    ("object", ">="): "must have at least {limit} entries",
    ("object", "<="): "must have at most {limit} entries",
}
# Where msgspec says which field: "Object missing required field `name`", and "- at `$.a.b`".
_NAMED_FIELD = re.compile(
    r"Object (?P<what>missing required|contains unknown) field `(?P<name>[^`]+)`"
)
_PLACE = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str
    code: str  # required, unknown_field or invalid


def field_error(raw: str, field: str, annotation: Any = None) -> FieldError:
    """Our words for msgspec's ``raw`` message about ``field`` (the name the client sent, or
    empty for a body); ``annotation`` is the type the body or parameter was read as, which
    names an enumeration's choices."""
    place = _PLACE.search(raw)
    text = raw[: place.start()] if place else raw
    path = place.group("path") if place else ""
    named = _NAMED_FIELD.fullmatch(text)
    if named:
        path = f"{path}.{named.group('name')}"
    field = _joined(field, path)
    if named and named.group("what") == "missing required":
        return FieldError(field, "is required", "required")
    if named:
        return FieldError(field, "is not a field of this request", "unknown_field")
    choices = _choices(annotation, path)
    if choices and (text.startswith("Invalid enum value") or _TYPE_MISMATCH.search(text)):
        return FieldError(field, "must be one of: " + ", ".join(choices), "invalid")
    return FieldError(field, _message(text), "invalid")


def _joined(field: str, path: str) -> str:
    """``data`` and the body's root are no part of a name; ``$.a[0].b`` is ``a[0].b``."""
    name = "" if field in ("", "data", "body") else field
    joined = (name + path).removeprefix(".")
    return joined or "body"


def _message(text: str) -> str:
    if text in _FIXED:
        return _FIXED[text]
    expected = _EXPECTED.fullmatch(text)
    if expected is None:
        return "is not valid"
    kinds = [k for k in expected.group("kind").split(" | ") if k != "null"] or ["null"]
    kind, rest = kinds[0], expected.group("rest")
    if _TYPE_MISMATCH.fullmatch(rest):
        return _KINDS.get(kind, "is not valid") if len(kinds) == 1 else "has the wrong type"
    return _constraint(kind, rest)


def _constraint(kind: str, rest: str) -> str:
    length = _LENGTH.fullmatch(rest)
    if length:
        words = _LENGTHS.get((kind, length.group("op")), "is not of an allowed length")
        return words.format(limit=length.group("limit"))
    bound = _BOUND.fullmatch(rest)
    if bound:
        return _BOUNDS[bound.group("op")].format(limit=bound.group("limit"))
    multiple = _MULTIPLE.fullmatch(rest)
    if multiple:
        return "must be a multiple of {limit}".format(limit=multiple.group("limit"))
    if rest.startswith(" matching regex"):
        return "is not in the expected form"
    if rest == " with a timezone component":
        return "must include a UTC offset, like +08:00"
    if rest == " with no timezone component":
        return "must not include a UTC offset"
    return "is not valid"


def _choices(annotation: Any, path: str) -> tuple[str, ...]:
    """The values an enumeration or a literal at ``path`` of ``annotation`` accepts; none
    when it is neither, or the path cannot be followed."""
    if annotation is None:
        return ()
    try:
        node: Any = msgspec.inspect.type_info(annotation)
    except Exception:  # a type msgspec cannot describe: the choices go unnamed, never a 500
        return ()
    for name, index in _PATH_PART.findall(path):
        node = _child(node, name if not index else None)
        if node is None:
            return ()
    return _values(node)


def _child(node: Any, name: str | None) -> Any:
    """The type of a struct's field (by its name on the wire) or of a list's item."""
    inspect = msgspec.inspect
    node = _unwrapped(node)
    if name is not None and isinstance(node, inspect.StructType):
        return next((f.type for f in node.fields if f.encode_name == name), None)
    if name is not None and isinstance(node, inspect.DictType):
        return node.value_type
    if name is None and isinstance(
        node, inspect.ListType | inspect.SetType | inspect.FrozenSetType
    ):
        return node.item_type
    return None


def _unwrapped(node: Any) -> Any:
    """Constraints and null do not change what is accepted (msgspec leaves ``UNSET`` out)."""
    inspect = msgspec.inspect
    if isinstance(node, inspect.Metadata):
        node = node.type
    if isinstance(node, inspect.UnionType):
        kept = [t for t in node.types if not isinstance(t, inspect.NoneType)]
        if len(kept) == 1:
            return _unwrapped(kept[0])
    return node


def _values(node: Any) -> tuple[str, ...]:
    inspect = msgspec.inspect
    node = _unwrapped(node)
    if isinstance(node, inspect.EnumType):
        return tuple(str(member.value) for member in node.cls)
    if isinstance(node, inspect.LiteralType):
        return tuple(str(value) for value in node.values)
    return ()
