"""Recording stand-ins for the far side of the email and SMS channels, for suites about
planning and storage (the channel adapters have their own suites against a real SMTP
server and a fake gateway). They answer as told and remember what they were handed."""

from __future__ import annotations

from dataclasses import dataclass, field

from booking_domain.notifications import EmailMessage, SendOutcome, SmsMessage


@dataclass
class RecordingEmail:
    sent: list[EmailMessage] = field(default_factory=list)
    # The next answers, then "sent"; an exception is raised (a worker dying mid-send).
    answers: list[SendOutcome | BaseException] = field(default_factory=list)

    async def send(self, message: EmailMessage) -> SendOutcome:
        self.sent.append(message)
        return _answer(self.answers) or SendOutcome.ok(message.message_id)


@dataclass
class RecordingSms:
    sent: list[SmsMessage] = field(default_factory=list)
    answers: list[SendOutcome | BaseException] = field(default_factory=list)

    async def send(self, message: SmsMessage) -> SendOutcome:
        self.sent.append(message)
        return _answer(self.answers) or SendOutcome.ok(message.key)


def _answer(answers: list[SendOutcome | BaseException]) -> SendOutcome | None:
    if not answers:
        return None
    answer = answers.pop(0)
    if isinstance(answer, BaseException):
        raise answer
    return answer
