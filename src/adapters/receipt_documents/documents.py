"""A studio payment's receipt: the same lines as a standalone HTML page and as a PDF (fpdf2
with the consent copies' DejaVu font, so Mongolian Cyrillic is drawn), in English or
Mongolian. The artist's note is text: escaped in HTML, drawn as text in the PDF."""

from __future__ import annotations

import html
from datetime import datetime

from adapters.consent_documents.documents import FONT
from booking_domain.bookings import Booking
from booking_domain.payments.ports import ReceiptDocuments
from booking_domain.payments.studio import StudioPayment
from booking_domain.shared.money import Money

# label -> (en, mn)
LABELS: dict[str, tuple[str, str]] = {
    "title": ("Receipt", "Төлбөрийн баримт"),
    "number": ("Receipt number", "Баримтын дугаар"),
    "date": ("Date", "Огноо"),
    "booking": ("Booking", "Захиалга"),
    "appointment": ("Appointment", "Цаг"),
    "for": ("For", "Төлбөрийн зориулалт"),
    "method": ("Paid by", "Төлсөн хэлбэр"),
    "amount": ("Amount received", "Хүлээн авсан дүн"),
    "refunded": ("Given back", "Буцаан олгосон"),
    "note": ("Note", "Тэмдэглэл"),
    "cash": ("Cash", "Бэлэн мөнгө"),
    "card_terminal": ("Card terminal", "Картын терминал"),
    "bank_transfer": ("Bank transfer", "Банкны шилжүүлэг"),
    "deposit": ("Deposit", "Урьдчилгаа"),
    "balance": ("Balance", "Үлдэгдэл"),
    "all": ("The whole balance", "Үлдэгдэл бүтнээрээ"),
}


def label(name: str, locale: str) -> str:
    en, mn = LABELS[name]
    return mn if locale == "mn" else en


def money_text(value: Money) -> str:
    """Minor units as the currency's major units, two decimals: ``MNT 70,000.00``."""
    whole, cents = divmod(value.amount, 100)
    return f"{value.currency} {whole:,}.{cents:02d}"


def _when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC"


def lines_of(payment: StudioPayment, booking: Booking, locale: str) -> list[tuple[str, str]]:
    """(label, value) pairs, in the order a receipt shows them."""

    def lab(name: str) -> str:
        return label(name, locale)

    lines = [
        (lab("number"), payment.receipt_label),
        (lab("date"), _when(payment.recorded_at)),
        (lab("booking"), booking.reference),
        (lab("appointment"), _when(booking.start)),
        (lab("for"), lab(payment.kind.value)),
        (lab("method"), lab(payment.method.value)),
        (lab("amount"), money_text(payment.amount)),
    ]
    if not payment.refunded.is_zero:
        lines.append((lab("refunded"), money_text(payment.refunded)))
    if payment.note:
        lines.append((lab("note"), payment.note))
    return lines


def receipt_html(payment: StudioPayment, booking: Booking, locale: str) -> str:
    e = html.escape
    title = f"{label('title', locale)} {payment.receipt_label}"
    rows = "".join(
        f"<tr><th scope=row>{e(k)}</th><td>{e(v)}</td></tr>"
        for k, v in lines_of(payment, booking, locale)
    )
    return (
        f'<!doctype html><html lang="{e(locale)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>"
        "body{font-family:'DejaVu Sans',sans-serif;max-width:36em;margin:2em auto;"
        "padding:0 1em;line-height:1.45;color:#111}table{border-collapse:collapse;width:100%}"
        "th,td{text-align:left;padding:.4em .3em;border-bottom:1px solid #ddd;"
        "vertical-align:top;overflow-wrap:anywhere}th{font-weight:normal;color:#555;width:40%}"
        f"</style></head><body><main><h1>{e(title)}</h1><table>{rows}</table></main>"
        "</body></html>\n"
    )


def receipt_pdf(payment: StudioPayment, booking: Booking, locale: str) -> bytes:
    from fpdf import FPDF  # ~0.2 s to import: only when a receipt is asked for

    pdf = FPDF(format="A5")
    title = f"{label('title', locale)} {payment.receipt_label}"
    pdf.set_title(title)
    pdf.set_creator("Inkslot")
    pdf.set_creation_date(payment.recorded_at)
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("DejaVu", size=15)
    pdf.multi_cell(pdf.epw, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for key, value in lines_of(payment, booking, locale):
        pdf.set_font("DejaVu", size=9)
        pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(pdf.epw, 5, key, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", size=11)
        pdf.multi_cell(pdf.epw, 6, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


class FileReceiptDocuments(ReceiptDocuments):
    def html(self, payment: StudioPayment, booking: Booking, locale: str) -> str:
        return receipt_html(payment, booking, locale)

    def pdf(self, payment: StudioPayment, booking: Booking, locale: str) -> bytes:
        return receipt_pdf(payment, booking, locale)
