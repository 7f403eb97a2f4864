"""The Telegram bot's operator side: ``inkslot telegram set-webhook`` and ``status``, and a
local fake of Telegram's Bot API (``inkslot telegram fake-api``) for ``make run`` and the
tests (docs/telegram.md)."""
