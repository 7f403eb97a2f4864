"""The console's settings: ``console_settings`` gathers every room's sections in their
order, under one Settings tab, each at ``/console/settings/<key>``; and every word the
settings' code says (the sections' labels among them) has a Mongolian entry."""

from __future__ import annotations

from entrypoints.web.accounts.settings_console import NO_SUCH_LANGUAGE, TELEGRAM_OFF
from entrypoints.web.accounts.telegram_console import ASK_AGAIN
from entrypoints.web.catalog.portfolio_console import NOT_YOUR_PIECE
from entrypoints.web.catalog.settings_uploads import CHOOSE_PICTURE
from entrypoints.web.shared.texts import translator
from entrypoints.web.site import console_settings, console_tabs


def test_the_sections_come_in_their_order_each_under_the_settings_path() -> None:
    sections = console_settings()
    assert [s.order for s in sections] == sorted(s.order for s in sections)
    keys = [s.key for s in sections]
    mine = ["profile", "portfolio", "language", "channels", "telegram"]
    assert [k for k in keys if k in mine] == mine
    assert all(s.path == f"/console/settings/{s.key}" for s in sections)
    assert len(set(keys)) == len(keys)
    assert [t.path for t in console_tabs() if t.key == "settings"] == ["/console/settings"]


def test_every_word_the_settings_code_says_has_a_mongolian_entry() -> None:
    mongolian, english = translator("mn"), translator("en")
    labels = [s.label for s in console_settings()] + ["Settings"]
    said = (NO_SUCH_LANGUAGE, TELEGRAM_OFF, ASK_AGAIN, CHOOSE_PICTURE, NOT_YOUR_PIECE)
    for text in (*labels, *said):
        assert english(text) == text
        assert mongolian(text) != text, text
