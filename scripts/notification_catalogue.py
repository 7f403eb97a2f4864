"""Write the notification catalogue template from the wording module, and merge it into
each language's .po (new messages arrive untranslated; a test refuses untranslated ones).

    .venv/bin/python scripts/notification_catalogue.py
"""

from __future__ import annotations

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from adapters.notifications.catalogues import DOMAIN, LANGUAGES, LOCALES_DIR
from adapters.notifications.wording import source_messages


def main() -> None:
    for language in LANGUAGES:
        if language == "en":
            continue
        path = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        old = Catalog(locale=language, domain=DOMAIN)
        if path.is_file():
            with path.open("rb") as source:
                old = read_po(source, locale=language, domain=DOMAIN)
        new = Catalog(locale=language, domain=DOMAIN, project="Inkslot", fuzzy=False)
        for message in source_messages():
            kept = old.get(message)
            new.add(message, kept.string if kept is not None else "")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as target:
            write_po(target, new, width=100, omit_header=False)


if __name__ == "__main__":
    main()
