"""The words a signed copy adds around the form's own (English, Mongolian): a copy is in its
form's language. ``tests/unit/adapters/test_consent_documents.py`` holds every label to
having both."""

from __future__ import annotations

from booking_domain.consent import IdDocument

# label -> (en, mn)
LABELS: dict[str, tuple[str, str]] = {
    "heading": ("Signed consent", "Гарын үсэг зурсан зөвшөөрөл"),
    "booking": ("Booking", "Захиалга"),
    "artist": ("Artist", "Шивээсчин"),
    "appointment": ("Appointment", "Цаг"),
    "form": ("Form version", "Маягтын хувилбар"),
    "answers": ("Answers", "Хариултууд"),
    "yes": ("Yes", "Тийм"),
    "no": ("No", "Үгүй"),
    "unanswered": ("Not answered", "Хариулаагүй"),
    "details": ("Details", "Дэлгэрэнгүй"),
    "confirmed": ("Confirmed", "Баталсан"),
    "signature": ("Signature", "Гарын үсэг"),
    "signed_name": ("Signed by (full name as typed)", "Гарын үсэг зурсан (бичсэн бүтэн нэр)"),
    "signed_at": ("Signed at", "Гарын үсэг зурсан цаг"),
    "address": ("From the address", "Хаягаас"),
    "user_agent": ("Browser", "Хөтөч"),
    "in_person": ("Signed in person at the studio", "Студид биечлэн гарын үсэг зурсан"),
    "id_check": ("Photo ID check", "Зургийн үнэмлэх шалгалт"),
    "id_checked": ("Checked, shows 18 or older", "Шалгасан, 18 ба түүнээс дээш настай"),
    "id_unchecked": ("Not checked yet", "Хараахан шалгаагүй"),
    "checked_at": ("Checked at", "Шалгасан цаг"),
    "required": ("required", "заавал"),
}
DOCUMENTS: dict[IdDocument, tuple[str, str]] = {
    IdDocument.PASSPORT: ("Passport", "Гадаад паспорт"),
    IdDocument.NATIONAL_ID: ("National ID card", "Иргэний үнэмлэх"),
    IdDocument.DRIVING_LICENCE: ("Driving licence", "Жолооны үнэмлэх"),
    IdDocument.OTHER: ("Other photo ID", "Бусад зурагтай бичиг баримт"),
}
