"""Fixtures of the notification channel suites: a real SMTP server and a sender on it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from adapters.notifications.smtp import SmtpEmailSender
from tests.contract.notifications.samples import smtp_sender
from tests.support.smtp_sink import SmtpSink


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
async def smtp(sink: SmtpSink) -> AsyncIterator[SmtpEmailSender]:
    sender = smtp_sender(sink.port, timeout=5.0)
    yield sender
    await sender.close()
