"""What the notification contract suites send, and the SMTP sender they point at a sink."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from adapters.notifications.smtp import SmtpEmailSender
from adapters.system.clock import ManualClock
from booking_domain.notifications.messages import EmailMessage

NOW = datetime(2026, 3, 2, 4, 12, tzinfo=UTC)
SENDER = "Инкслот <no-reply@inkslot.mn>"
SUBJECT = "Таны захиалга баталгаажлаа: 3-р сарын 2, 14:00"  # noqa: RUF001 (Mongolian)
NAME = "Бат-Эрдэнэ Дорж"
TEXT = "Сайн байна уу! Таны захиалга баталгаажлаа.\n"  # noqa: RUF001
HTML = "<p>Сайн байна уу! Таны захиалга <b>баталгаажлаа</b>.</p>\n"  # noqa: RUF001


def a_message(n: int = 1, **changes: Any) -> EmailMessage:
    message = EmailMessage(
        message_id=f"<notification-{n}@inkslot.mn>",
        to_address=f"customer{n}@example.mn",
        to_name=NAME,
        subject=SUBJECT,
        text=TEXT,
        html=HTML,
        locale="mn_MN",
    )
    return replace(message, **changes)


def smtp_sender(port: int, **options: Any) -> SmtpEmailSender:
    options.setdefault("tls", "none")
    return SmtpEmailSender(
        "127.0.0.1",
        port,
        sender=SENDER,
        clock=ManualClock(NOW),
        local_hostname="client.test",
        **options,
    )
