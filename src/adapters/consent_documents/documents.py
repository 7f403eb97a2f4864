"""``FileConsentDocuments``: a signed consent's copy, the same lines as an HTML page and as
a PDF. Everything the artist or the signer wrote is text: escaped in HTML, drawn as text in
the PDF. Times are the appointment's zone's, named."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from adapters.consent_documents.labels import DOCUMENTS, LABELS
from booking_domain.consent import (
    Consent,
    ConsentDocument,
    ConsentDocuments,
    QuestionKind,
    in_language,
)

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = Path(__file__).parent / "fonts" / "DejaVuSans.ttf"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the copy: a heading, a label with its value, or a paragraph."""

    kind: str  # "title" | "heading" | "field" | "text"
    text: str
    value: str = ""


def lines_of(document: ConsentDocument) -> list[Line]:
    c, locale = document.consent, document.consent.form.locale

    def label(name: str) -> str:
        return in_language(LABELS[name], locale)

    zone = document.time_zone
    lines = [
        Line("title", c.form.title),
        Line("field", label("heading"), f"{label('booking')} {document.reference}"),
        Line("field", label("artist"), document.artist_name),
        Line("field", label("appointment"), _when(document.start, zone)),
        Line("field", label("form"), str(c.form_version)),
    ]
    if c.form.statement:
        lines.append(Line("text", c.form.statement))
    lines.append(Line("heading", label("answers")))
    lines += _answers(c, label)
    lines += [
        Line("field", c.form.adult_text, label("confirmed")),
        Line("field", c.form.acceptance_text, label("confirmed")),
        Line("heading", label("signature")),
        Line("field", label("signed_name"), c.signature.name),
        Line("field", label("signed_at"), _when(c.signature.signed_at, zone)),
        Line("field", label("address"), c.signature.address),
        Line("field", label("user_agent"), c.signature.user_agent),
    ]
    if c.signature.in_person:
        lines.append(Line("text", label("in_person")))
    lines.append(Line("heading", label("id_check")))
    check = c.id_check
    if check is None:
        lines.append(Line("text", label("id_unchecked")))
    else:
        lines += [
            Line("field", in_language(DOCUMENTS[check.document], locale), label("id_checked")),
            Line("field", label("checked_at"), _when(check.checked_at, zone)),
        ]
    return lines


def _answers(c: Consent, label: Callable[[str], str]) -> list[Line]:
    found: list[Line] = []
    questions = {q.key: q for q in c.form.questions}
    for answer in c.answers:
        q = questions[answer.key]
        prompt = q.prompt + (f" ({label('required')})" if q.required else "")
        value = answer.value
        if value is None:
            shown = label("unanswered")
        elif isinstance(value, bool):
            shown = label("yes") if value else label("no")
        elif isinstance(value, date):
            shown = value.isoformat()
        else:
            shown = value
        found.append(Line("field", prompt, shown))
        if q.kind is QuestionKind.HEALTH and answer.details:
            found.append(Line("field", label("details"), answer.details))
    return found


def _when(moment: datetime, zone: str) -> str:
    local = moment.astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} ({zone})"


class FileConsentDocuments(ConsentDocuments):
    def html(self, document: ConsentDocument) -> str:
        e = html.escape
        body = []
        for line in lines_of(document):
            if line.kind == "title":
                body.append(f"<h1>{e(line.text)}</h1>")
            elif line.kind == "heading":
                body.append(f"<h2>{e(line.text)}</h2>")
            elif line.kind == "text":
                body.append(f'<p class="text">{e(line.text)}</p>')
            else:
                body.append(f"<p><b>{e(line.text)}</b><br>{e(line.value)}</p>")
        locale = document.consent.form.locale
        return (
            f'<!doctype html><html lang="{e(locale)}"><head><meta charset="utf-8">'
            f"<title>{e(document.consent.form.title)}</title><style>"
            "body{font-family:'DejaVu Sans',sans-serif;max-width:44em;margin:2em auto;"
            "line-height:1.45;color:#111}.text{white-space:pre-wrap}h2{margin-top:1.6em}"
            "</style></head><body>" + "".join(body) + "</body></html>\n"
        )

    def pdf(self, document: ConsentDocument) -> bytes:
        # fpdf2 (with fontTools and Pillow's font code) costs a process ~0.2 s to import:
        # loaded by the first document asked for, not by every process that starts.
        from fpdf import FPDF

        pdf = FPDF(format="A4")
        pdf.set_title(document.consent.form.title)
        pdf.set_creator("Inkslot")
        pdf.set_creation_date(document.consent.updated_at)
        pdf.add_font("DejaVu", fname=str(FONT))
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.add_page()
        for line in lines_of(document):
            _draw(pdf, line)
        return bytes(pdf.output())


def _draw(pdf: FPDF, line: Line) -> None:
    width = pdf.epw
    if line.kind in ("title", "heading"):
        pdf.set_font("DejaVu", size=16 if line.kind == "title" else 13)
        pdf.ln(2)
        pdf.multi_cell(width, 8, line.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        return
    pdf.set_font("DejaVu", size=10)
    if line.kind == "text":
        pdf.multi_cell(width, 5, line.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        return
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(width, 5, line.text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(width, 5, line.value or "-", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
