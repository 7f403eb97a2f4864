"""Which adapters carry notifications: SMTP or .eml files for email, a JSON SMS gateway or
the log for texts, chosen from the settings (docs/notifications.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from adapters.notifications.eml_files import EmlFileEmailSender
from adapters.notifications.rendering import BabelRenderer
from adapters.notifications.sms_http import HttpSmsSender
from adapters.notifications.sms_log import LogSmsSender
from adapters.notifications.smtp import SmtpEmailSender, TlsMode
from booking_domain.notifications import EmailSender, SmsSender
from booking_domain.shared import Clock
from entrypoints.settings import Settings


@dataclass(frozen=True, slots=True)
class Channels:
    email: EmailSender
    sms: SmsSender
    renderer: BabelRenderer

    async def close(self) -> None:
        if isinstance(self.email, SmtpEmailSender):
            await self.email.close()
        if isinstance(self.sms, HttpSmsSender):
            await self.sms.aclose()


def channels_for(settings: Settings, clock: Clock) -> Channels:
    email: EmailSender
    if settings.smtp_host:
        email = SmtpEmailSender(
            settings.smtp_host,
            settings.smtp_port,
            sender=settings.mail_from,
            clock=clock,
            username=settings.smtp_username,
            password=settings.smtp_password,
            tls=cast(TlsMode, settings.smtp_tls),
        )
    else:
        email = EmlFileEmailSender(settings.mail_dir, sender=settings.mail_from, clock=clock)
    sms: SmsSender = LogSmsSender()
    if settings.sms_gateway_url and settings.sms_gateway_key:
        sms = HttpSmsSender(
            settings.sms_gateway_url, settings.sms_gateway_key, sender_id=settings.sms_sender_id
        )
    return Channels(email=email, sms=sms, renderer=BabelRenderer())
