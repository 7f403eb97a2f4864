"""The Telegram bot over HTTP: its webhook (docs/telegram.md)."""
