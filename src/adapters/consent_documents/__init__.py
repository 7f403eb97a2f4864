"""The signed copy of a consent as HTML and PDF (``booking_domain.consent.ConsentDocuments``):
``documents.FileConsentDocuments``. The PDF embeds DejaVu Sans (``fonts/``, its licence
beside it), which covers Latin and Cyrillic, every letter of Mongolian's Cyrillic alphabet."""
