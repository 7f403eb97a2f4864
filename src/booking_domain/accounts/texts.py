"""What the accounts context says to people, in English and Mongolian: the text message
that carries a code, and the emails about the account itself.

(Mongolian Cyrillic letters look like Latin ones to the linter's confusables check, which
is why this module, text only, is exempt from it in pyproject.toml.)
"""

from __future__ import annotations

from booking_domain.accounts.email_links import AccountEmail


def code_text(code: str, locale: str) -> str:
    """The text message that carries a code."""
    if locale == "mn":
        return f"Inkslot баталгаажуулах код: {code}. 5 минут хүчинтэй. Хэнд ч бүү хэлээрэй."
    return f"Your Inkslot code is {code}. It expires in 5 minutes. Never share it."


def number_changed_text(new_number: str, locale: str) -> str:
    """The text the old number gets when an account moves to a new one (its last digits)."""
    tail = new_number[-4:]
    if locale == "mn":
        return f"Inkslot: таны бүртгэлийн утасны дугаар ...{tail} болж өөрчлөгдлөө."
    return f"Inkslot: your account's phone number was changed to one ending in {tail}."


_TEXTS = {
    ("verify", "en"): (
        "Confirm your email address",
        "Hello {name},\n\nConfirm that this address is yours by opening the link below. It "
        "works once, for 24 hours.\n\n{link}\n\nIf you did not ask for this, ignore this email.",
    ),
    ("verify", "mn"): (
        "Имэйл хаягаа баталгаажуулна уу",
        "Сайн байна уу, {name}.\n\nДоорх холбоосыг нээж энэ хаяг таных болохыг "
        "баталгаажуулна уу. Холбоос 24 цагийн турш нэг удаа ажиллана.\n\n{link}\n\n"
        "Хэрэв та үүнийг хүсээгүй бол энэ имэйлийг үл тоомсорлоно уу.",
    ),
    ("reset", "en"): (
        "Reset your password",
        "Hello {name},\n\nSomeone asked to reset the password of your Inkslot account. "
        "Open the link below within 30 minutes to choose a new one; it works once and signs "
        "you out everywhere.\n\n{link}\n\nIf it was not you, ignore this email: your "
        "password stays as it is.",
    ),
    ("reset", "mn"): (
        "Нууц үгээ шинэчлэх",
        "Сайн байна уу, {name}.\n\nТаны Inkslot бүртгэлийн нууц үгийг шинэчлэх хүсэлт "
        "ирлээ. Шинэ нууц үг сонгохын тулд доорх холбоосыг 30 минутын дотор нээнэ үү; "
        "холбоос нэг удаа ажиллах бөгөөд бүх төхөөрөмжөөс гаргана.\n\n{link}\n\nХэрэв "
        "энэ та биш бол энэ имэйлийг үл тоомсорлоно уу.",
    ),
    ("unlock", "en"): (
        "Sign in to your account",
        "Hello {name},\n\nSomeone asked for a link to sign in to your Inkslot account after "
        "failed attempts. Open the link below within 30 minutes to sign in; it works once."
        "\n\n{link}\n\nIf it was not you, change your password once signed in.",
    ),
    ("unlock", "mn"): (
        "Бүртгэлдээ нэвтрэх",
        "Сайн байна уу, {name}.\n\nТаны Inkslot бүртгэлд амжилтгүй оролдлогын дараа "
        "нэвтрэх холбоос хүссэн байна. Нэвтрэхийн тулд доорх холбоосыг 30 минутын дотор "
        "нээнэ үү; холбоос нэг удаа ажиллана.\n\n{link}\n\nХэрэв энэ та биш бол "
        "нэвтэрсний дараа нууц үгээ солино уу.",
    ),
    ("changed", "en"): (
        "Your email address is changing",
        "Hello {name},\n\nSomeone signed in to your Inkslot account asked to change its "
        "email address to {new}. It changes once the link sent there is opened. If this was "
        "not you, change your password now.",
    ),
    ("changed", "mn"): (
        "Таны имэйл хаяг солигдож байна",
        "Сайн байна уу, {name}.\n\nТаны Inkslot бүртгэлийн имэйл хаягийг {new} болгох "
        "хүсэлт ирлээ. Тэнд илгээсэн холбоосыг нээхэд солигдоно. Хэрэв энэ та биш бол "
        "нууц үгээ одоо солино уу.",
    ),
}


def account_email(
    kind: str, *, key: str, to: str, name: str, locale: str, link: str | None, new: str = ""
) -> AccountEmail:
    """One of the account's emails (``kind``: verify, reset, changed) in its language."""
    subject, body = _TEXTS.get((kind, locale)) or _TEXTS[(kind, "en")]
    text = body.format(name=name, link=link or "", new=new)
    return AccountEmail(key, to, name, subject, text, link, locale)
