"""An issued invoice as JSON on the payment edge's wire (camelCase, deep links as a list):
what the edge answers to ``POST /v1/invoices`` and ``EdgeGateway`` reads back
(``edge_wire.py`` holds the rest of that wire). The PostgreSQL adapter stores the same shape
with a codec of its own (``adapters/postgres/payments.py``): a stored form and a wire form
change for different reasons, each on its own."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from booking_domain.payments import DeepLink, IssuedInvoice


def issued_json(issued: IssuedInvoice) -> dict[str, Any]:
    return {
        "invoiceId": issued.invoice_id,
        "qrText": issued.qr_text,
        "qrImage": issued.qr_image,
        "shortUrl": issued.short_url,
        "raw": issued.raw,
        "deepLinks": [
            {"name": d.name, "description": d.description, "logo": d.logo, "link": d.link}
            for d in issued.deep_links
        ],
    }


def issued_of(data: Mapping[str, Any]) -> IssuedInvoice:
    links = tuple(
        DeepLink(str(d["name"]), str(d["description"]), str(d["logo"]), str(d["link"]))
        for d in data["deepLinks"]
    )
    return IssuedInvoice(
        str(data["invoiceId"]),
        str(data["qrText"]),
        str(data["qrImage"]),
        str(data["shortUrl"]),
        links,
        str(data.get("raw", "")),
    )
