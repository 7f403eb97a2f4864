"""Which adapters carry notifications: SMTP or .eml files for email, Twilio, a JSON SMS
gateway or the log for texts (and who reads the SMS provider's delivery reports), and the
Telegram bot's Bot API when a bot token is set, chosen from the settings
(docs/notifications.md, docs/telegram.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from adapters.notifications.eml_files import EmlFileEmailSender
from adapters.notifications.rendering import BabelRenderer
from adapters.notifications.sms_http import HttpSmsSender
from adapters.notifications.sms_log import LogSmsSender
from adapters.notifications.sms_twilio import TwilioSmsSender
from adapters.notifications.smtp import SmtpEmailSender, TlsMode
from adapters.notifications.telegram_bot_api import HttpBotApi
from adapters.notifications.twilio_reports import TwilioDeliveryReports
from booking_domain.notifications import EmailSender, SmsDeliveryReports, SmsSender
from booking_domain.shared import Clock
from entrypoints.settings import Settings


@dataclass(frozen=True, slots=True)
class Channels:
    email: EmailSender
    sms: SmsSender
    renderer: BabelRenderer
    # The API's own senders for messages about the account itself (codes, links): a
    # request never waits for a pooled connection the job worker holds, and never uses one
    # opened on another event loop (the worker may run on its own).
    account_email: EmailSender
    account_sms: SmsSender
    sms_reports: SmsDeliveryReports | None = None  # None: the provider reports nothing
    telegram: HttpBotApi | None = None  # None: no bot token, Telegram off

    async def close(self) -> None:
        if self.telegram is not None:
            await self.telegram.aclose()
        for email in (self.email, self.account_email):
            if isinstance(email, SmtpEmailSender):
                await email.close()
        for sms in (self.sms, self.account_sms):
            if isinstance(sms, HttpSmsSender | TwilioSmsSender):
                await sms.aclose()


def channels_for(settings: Settings, clock: Clock) -> Channels:
    sms, reports = _sms(settings)
    account_sms, _ = _sms(settings)
    return Channels(
        email=_email(settings, clock),
        sms=sms,
        renderer=BabelRenderer(),
        account_email=_email(settings, clock),
        account_sms=account_sms,
        sms_reports=reports,
        telegram=telegram_bot_api(settings),
    )


def telegram_bot_api(settings: Settings) -> HttpBotApi | None:
    """The bot's Bot API (messages, answers, the webhook); None without a bot token."""
    token = settings.telegram_bot_token
    return HttpBotApi(settings.telegram_api_url, token) if token else None


def _email(settings: Settings, clock: Clock) -> EmailSender:
    """SMTP when a host is set (production requires one), else .eml files."""
    if settings.smtp_host:
        return SmtpEmailSender(
            settings.smtp_host,
            settings.smtp_port,
            sender=settings.mail_from,
            clock=clock,
            username=settings.smtp_username,
            password=settings.smtp_password,
            tls=cast(TlsMode, settings.smtp_tls),
        )
    return EmlFileEmailSender(settings.mail_dir, sender=settings.mail_from, clock=clock)


def _sms(settings: Settings) -> tuple[SmsSender, SmsDeliveryReports | None]:
    """Twilio, the JSON gateway or the log (``Settings.sms``), and who reads the provider's
    delivery reports."""
    if settings.sms == "twilio":
        return _twilio(settings)
    if settings.sms == "gateway" and settings.sms_gateway_url and settings.sms_gateway_key:
        gateway = HttpSmsSender(
            settings.sms_gateway_url, settings.sms_gateway_key, sender_id=settings.sms_sender_id
        )
        return gateway, None
    return LogSmsSender(), None


def _twilio(settings: Settings) -> tuple[TwilioSmsSender, TwilioDeliveryReports | None]:
    """Twilio's sender, and the reader of its delivery reports when it is asked for them
    (a public URL to post them to)."""
    account, token = settings.twilio_account_sid, settings.twilio_auth_token
    if not (account and token):  # load_settings refuses this; a hand-made Settings may not
        raise ValueError("the twilio SMS provider needs an Account SID and an Auth Token")
    callback = settings.twilio_status_callback_url
    sender = TwilioSmsSender(
        account,
        settings.twilio_api_key_secret or token,
        key_sid=settings.twilio_api_key_sid if settings.twilio_api_key_secret else None,
        sender=settings.twilio_from,
        messaging_service_sid=None
        if settings.twilio_from
        else settings.twilio_messaging_service_sid,
        status_callback=callback,
        base_url=settings.twilio_base_url,
    )
    reports = None if callback is None else TwilioDeliveryReports(token, callback)
    return sender, reports
