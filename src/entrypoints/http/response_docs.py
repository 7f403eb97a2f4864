"""Responses a handler documents beyond its own return type (a ``ResponseSpec``): always with
an example written here, never one Litestar generates.

Litestar makes a ``ResponseSpec``'s examples with polyfactory, and polyfactory with Faker
(25 MB) that the image leaves out (docs/containers.md): a generated example would turn
``/schema/openapi.json`` into a 500 there. What it generates teaches a reader nothing
either (a random string for a time zone, dates in any year). So the example is a real view,
encoded as the API encodes it: it cannot drift from the schema it illustrates. One
difference remains, Litestar's: the document leaves out every null, so an example's null
fields (an open invoice's ``paidAt``) are absent from it where the API writes ``null``.
"""

from __future__ import annotations

import msgspec
from litestar.openapi import ResponseSpec
from litestar.openapi.spec import Example

from entrypoints.http.wire import View


def documented(example: View, description: str, summary: str) -> ResponseSpec:
    """A JSON answer of ``type(example)``, shown by ``example``."""
    return ResponseSpec(
        type(example),
        description=description,
        generate_examples=False,
        examples=[Example(summary=summary, value=msgspec.to_builtins(example))],
    )
