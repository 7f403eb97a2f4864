"""Email links: verify an address (at sign-up, on request, on a change of address), and
reset a forgotten password (rules: ``accounts.email_links``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.accounts.devices import SessionDevice
from booking_domain.accounts.email_links import (
    EmailLink,
    InvalidLinkError,
    LinkPurpose,
    new_email_link,
)
from booking_domain.accounts.emails import email_problem, normalize_email
from booking_domain.accounts.errors import EmailAlreadyRegisteredError, UserNotFoundError
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.accounts.sign_in import sign_in_key
from booking_domain.accounts.texts import account_email
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.use_cases.session_tokens import SignedIn, open_session
from booking_domain.accounts.users import User, password_problems
from booking_domain.shared.errors import FieldError, InvalidInputError, InvalidTransitionError
from booking_domain.shared.identity import Actor
from booking_domain.shared.text import is_clean_text
from booking_domain.shared.use_case import UseCase

VERIFY_PATH = "/verify-email"
RESET_PATH = "/reset-password"
UNLOCK_PATH = "/unlock"
MAX_TOKEN_LENGTH = 200


@dataclass(frozen=True, slots=True)
class LinkSent:
    """Where a verification link went, and until when it works."""

    email: str
    expires_at: datetime


def _digest(deps: AccountsDeps, token: str) -> str:
    return deps.digest.digest("email-link", token)


async def _issue(
    deps: AccountsDeps, uow: AccountsUnitOfWork, user: User, purpose: LinkPurpose, email: str
) -> tuple[EmailLink, str]:
    """A new link of ``purpose`` for ``user`` to ``email``, stored; its secret returned."""
    token = deps.tokens.new_refresh_secret()
    link = new_email_link(user.id, purpose, email, _digest(deps, token), deps.clock.now())
    await uow.email_links.add(link)
    return link, token


async def send_verification(
    deps: AccountsDeps, user: User, email: str, *, soon: bool = False
) -> LinkSent:
    """Store a verification link for ``email`` and send it there (after the commit; in the
    background when ``soon``, so that signing up waits for no mail server)."""
    async with deps.uow() as uow:
        link, token = await _issue(deps, uow, user, LinkPurpose.VERIFY_EMAIL, email)
        await uow.commit()
    message = account_email(
        "verify",
        key=str(link.id),
        to=email,
        name=user.name,
        locale=user.locale,
        link=deps.mail.link(VERIFY_PATH, token),
    )
    if soon:
        deps.mail.send_soon(message)
    else:
        await deps.mail.send(message)
    return LinkSent(email, link.expires_at)


async def _use(
    deps: AccountsDeps, uow: AccountsUnitOfWork, token: str, purpose: LinkPurpose
) -> tuple[EmailLink, User]:
    """The live link of ``purpose`` behind ``token`` and its account, the link spent. A
    reset or unlock link works only while it was sent to the account's address as it is
    now: one sent to an address the account has since left opens nothing."""
    if not token or len(token) > MAX_TOKEN_LENGTH or not is_clean_text(token):
        raise InvalidLinkError()
    now = deps.clock.now()
    link = await uow.email_links.live_for_update(_digest(deps, token), now)
    if link is None or link.purpose is not purpose:
        raise InvalidLinkError()
    user = await uow.users.get(link.user_id)
    if user is None or user.disabled:
        raise InvalidLinkError()
    if purpose is not LinkPurpose.VERIFY_EMAIL and link.email != user.email:
        raise InvalidLinkError()
    await uow.email_links.save(link.used(now))
    return link, user


class RequestEmailVerification(UseCase[AccountsDeps]):
    """Send the signed-in account a new link to verify its address."""

    async def __call__(self, actor: Actor) -> LinkSent:
        async with self._deps.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None or user.disabled:
            raise UserNotFoundError()
        if user.email is None:
            raise InvalidTransitionError("The account has no email address to verify.")
        if user.email_verified:
            raise InvalidTransitionError("The email address is verified already.")
        return await send_verification(self._deps, user, user.email)


async def checked_new_email(uow: AccountsUnitOfWork, user: User, email: str) -> str:
    """The new address (normalised) ``user`` asks for, or the refusal: malformed (422),
    the account's own (422), another account's (409)."""
    new = normalize_email(email)
    if (problem := email_problem(new)) is not None:
        raise InvalidInputError(errors=(problem,))
    if new == user.email:
        detail = "This is the account's address already."
        raise InvalidInputError(errors=(FieldError("email", detail, "unchanged"),))
    if await uow.users.get_by_email(new) is not None:
        raise EmailAlreadyRegisteredError()
    return new


async def start_email_change(deps: AccountsDeps, user: User, new: str) -> LinkSent:
    """A link to the new address; the old one (if any) is told. The address changes when
    the link is opened (``VerifyEmail``)."""
    sent = await send_verification(deps, user, new)
    if user.email is not None:
        notice = account_email(
            "changed",
            key=f"email-change-{sent.expires_at.timestamp():.0f}-{user.id}",
            to=user.email,
            name=user.name,
            locale=user.locale,
            link=None,
            new=new,
        )
        await deps.mail.send(notice)
    return sent


class ChangeEmail(UseCase[AccountsDeps]):
    """Ask to move the signed-in account to a new address: a link goes to the new one and
    the old one (if any) is told; the address changes only when the link is opened."""

    async def __call__(self, actor: Actor, *, email: str) -> LinkSent:
        async with self._deps.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
            if user is None or user.disabled:
                raise UserNotFoundError()
            new = await checked_new_email(uow, user, email)
        return await start_email_change(self._deps, user, new)


class VerifyEmail(UseCase[AccountsDeps]):
    """Open a verification link: its address becomes the account's, verified."""

    async def __call__(self, *, token: str) -> User:
        s = self._deps
        async with s.uow() as uow:
            link, user = await _use(s, uow, token, LinkPurpose.VERIFY_EMAIL)
            if link.email != user.email:  # a change of address: is it still free?
                holder = await uow.users.get_by_email(link.email)
                if holder is not None and holder.id != user.id:
                    raise EmailAlreadyRegisteredError()
            now = s.clock.now()
            verified = user.with_verified_email(link.email, now)
            await uow.users.update(verified)
            if link.email != user.email:  # links sent to the address it left open nothing
                await uow.email_links.spend_all(user.id, now)
            await uow.commit()
        return verified


async def _send_link(
    deps: AccountsDeps, address: str, purpose: LinkPurpose, kind: str, path: str
) -> None:
    """A link of ``purpose`` to the account of ``address``, if there is one (not
    suspended)."""
    async with deps.uow() as uow:
        user = await uow.users.get_by_email(address)
        if user is None or user.disabled:
            return
        link, token = await _issue(deps, uow, user, purpose, address)
        await uow.commit()
    message = account_email(
        kind,
        key=str(link.id),
        to=address,
        name=user.name,
        locale=user.locale,
        link=deps.mail.link(path, token),
    )
    await deps.mail.send(message)


def _send_soon(deps: AccountsDeps, email: str, purpose: LinkPurpose, kind: str, path: str) -> None:
    """``_send_link`` in the background: the caller answers at once, the same way, whether
    or not the address has an account (not even the lookup is on the request's clock)."""
    address = normalize_email(email)
    if not is_clean_text(address) or email_problem(address) is not None:
        return  # no account has such an address
    deps.mail.in_background(lambda: _send_link(deps, address, purpose, kind, path))


class ForgotPassword(UseCase[AccountsDeps]):
    """Ask for a reset link. The answer is the same, in the same time, whether or not the
    address has an account: the link (when there is one to send) leaves in the background."""

    async def __call__(self, *, email: str) -> None:
        _send_soon(self._deps, email, LinkPurpose.RESET_PASSWORD, "reset", RESET_PATH)


class RequestUnlockLink(UseCase[AccountsDeps]):
    """Ask for a link that signs in past failed password attempts; answered like a reset."""

    async def __call__(self, *, email: str) -> None:
        _send_soon(self._deps, email, LinkPurpose.UNLOCK, "unlock", UNLOCK_PATH)


class UnlockWithLink(UseCase[AccountsDeps]):
    """Open an unlock link from a client ``address``: the failed password sign-ins of that
    address are cleared and the account is signed in (an operator's lock or suspension
    still refuses it)."""

    async def __call__(
        self, *, token: str, address: str, user_agent: str | None = None
    ) -> SignedIn:
        s = self._deps
        async with s.uow() as uow:
            link, user = await _use(s, uow, token, LinkPurpose.UNLOCK)
            now = s.clock.now()
            user.ensure_not_locked(now)
            await uow.sign_in_attempts.clear(sign_in_key(user.sign_in_name, address))
            if link.email == user.email and not user.email_verified:
                user = user.with_verified_email(link.email, now)
                await uow.users.update(user)
            device = SessionDevice(user_agent, address)
            tokens, _ = await open_session(s, uow, user, now, device=device)
            await uow.commit()
        return SignedIn(user, tokens)


class ResetPassword(UseCase[AccountsDeps]):
    """Open a reset link with a new password: it is set, every session of the account ends,
    and the address is verified (the link proved it). The new password is checked and
    hashed before the transaction that spends the link (a slow hash holds no connection)."""

    async def __call__(self, *, token: str, password: str) -> None:
        s = self._deps
        async with s.uow() as uow:  # a look only: nothing is committed
            _, user = await _use(s, uow, token, LinkPurpose.RESET_PASSWORD)
        problems = password_problems(password, email=user.email or "", name=user.name)
        if problems:
            raise InvalidInputError(errors=tuple(problems))
        new_hash = await s.hasher.hash(password)
        async with s.uow() as uow:
            link, current = await _use(s, uow, token, LinkPurpose.RESET_PASSWORD)
            now = s.clock.now()
            updated = current.with_password_hash(new_hash, now)
            if link.email == current.email:
                updated = updated.with_verified_email(link.email, now)
            await uow.users.update(updated)
            await uow.refresh_tokens.revoke_user_sessions(current.id, now)
            await uow.email_links.spend_all(current.id, now)
            await uow.commit()
        s.sessions.forget(current.id)
