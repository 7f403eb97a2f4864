"""The SMS provider's delivery reports: each recorded against the text it is about."""

from __future__ import annotations

from collections.abc import Mapping

from booking_domain.notifications.errors import UnsignedDeliveryReportError
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.use_case import UseCase


class RecordSmsDelivery(UseCase[NotificationsDeps]):
    """Record a provider's status callback against the sent text it names. Returns whether
    anything changed: a report about no text of ours (another system's on the same account,
    or a text long purged), a status not followed, or one older than the one recorded
    changes nothing, and is no error (the provider would retry an error for hours)."""

    async def __call__(self, params: Mapping[str, str], signature: str) -> bool:
        reports = self._deps.sms_reports
        if reports is None:
            raise UnsignedDeliveryReportError()
        report = reports.read(params, signature)
        if report is None:
            return False
        async with self._deps.uow() as uow:
            current = await uow.notifications.lock_sms_by_reference(report.reference)
            if current is None:
                return False
            after = current.reported(report, self._deps.clock.now())
            if after is current:
                return False
            await uow.notifications.update(after)
            await uow.commit()
        return True
