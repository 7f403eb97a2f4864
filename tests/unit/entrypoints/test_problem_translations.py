# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)
"""The ``problems`` catalogue: every fixed English text a client can be shown has a Mongolian
entry (in the catalogue of the context that raises it, or the shared one), the entries are
well formed and kept once, and translating never fails."""

from __future__ import annotations

import ast
from http import HTTPStatus
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import booking_domain
import entrypoints.http
from entrypoints.http import translations
from entrypoints.http.translations import (
    DOMAIN,
    PLACEHOLDER,
    TEMPLATE,
    catalogue,
    catalogue_files,
    load_catalogue,
    translate,
    translate_template,
)
from tests.support.errors import all_domain_errors

HTTP_PACKAGE = Path(entrypoints.http.__path__[0])
DOMAIN_PACKAGE = Path(booking_domain.__path__[0])
CATALOGUE = Path("locales", "mn", "LC_MESSAGES", f"{DOMAIN}.po")
SHARED_FILE = HTTP_PACKAGE / CATALOGUE
# The shared catalogue, then each context's (its HTTP package's), by name.
PO_FILES = [SHARED_FILE, *sorted(HTTP_PACKAGE.glob(f"*/{CATALOGUE}"))]


def _is_translated(message: str) -> bool:
    return translate("mn", message) != message


def _where_to_add(raised_at: str) -> str:
    """The catalogue a message raised at ``raised_at`` (``booking_domain/<context>/...:12``,
    ``http/<context>/...``) belongs in: its context's, or the shared one (a message several
    contexts raise moves there)."""
    parts = Path(raised_at).parts
    context = parts[1] if len(parts) > 2 else "shared"
    if context != "shared" and (HTTP_PACKAGE / context).is_dir():
        return str(HTTP_PACKAGE / context / CATALOGUE)
    return str(SHARED_FILE)


def test_every_domain_errors_default_message_has_a_mongolian_entry() -> None:
    missing = sorted(
        f"{k.__module__}.{k.__name__}: {k.default_message!r} -> "
        + _where_to_add(k.__module__.replace(".", "/"))
        for k in all_domain_errors()
        if not _is_translated(k.default_message)
    )
    assert missing == []


def _literal_messages(root: Path, callables: set[str]) -> dict[str, str]:
    """Fixed texts (string literals) passed as the message of ``callables`` anywhere under
    ``root``: an error's first argument or ``message``/``detail``, a FieldError's second,
    problem_response's detail. Texts built at run time (f-strings) are not fixed."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in callables:
                continue
            position = {"FieldError": 1, "problem_response": 3}.get(name, 0)
            args = node.args[position : position + 1]
            args += [k.value for k in node.keywords if k.arg in ("message", "detail")]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                    found.setdefault(arg.value, f"{path.relative_to(root.parent)}:{arg.lineno}")
    return found


def test_every_fixed_message_raised_by_the_domain_has_a_mongolian_entry() -> None:
    errors = {k.__name__ for k in all_domain_errors()} | {"FieldError"}
    texts = _literal_messages(DOMAIN_PACKAGE, errors)
    assert len(texts) > 40  # the scan sees the raise sites
    missing = sorted(
        f"{where}: {text!r} -> {_where_to_add(where)}"
        for text, where in texts.items()
        if not _is_translated(text)
    )
    assert missing == []


def test_every_fixed_detail_of_the_http_layer_has_a_mongolian_entry() -> None:
    errors = {k.__name__ for k in all_domain_errors()}
    raisers = errors | {"HTTPException", "SerializationException", "problem_response"}
    texts = _literal_messages(HTTP_PACKAGE, raisers)
    assert "Something went wrong on our side." in texts
    assert "Send the body as application/json." in texts
    missing = sorted(
        f"{where}: {text!r} -> {_where_to_add(where)}"
        for text, where in texts.items()
        if not _is_translated(text)
    )
    assert missing == []


def test_every_error_status_has_a_mongolian_title() -> None:
    phrases = [s.phrase for s in HTTPStatus if s >= 400]
    # The RFC 9110 names newer Pythons use.
    phrases += ["Content Too Large", "URI Too Long", "Range Not Satisfiable"]
    phrases += ["Unprocessable Content"]
    assert [p for p in phrases if not _is_translated(p)] == []
    assert translate("mn", "Not Found") == "Олдсонгүй"
    assert translate("mn", "Unprocessable Content") == "Боловсруулах боломжгүй хүсэлт"
    assert translate("mn", HTTPStatus(422).phrase) == "Боловсруулах боломжгүй хүсэлт"


@pytest.mark.parametrize("po_file", PO_FILES, ids=lambda p: p.relative_to(HTTP_PACKAGE).parts[0])
def test_the_catalogue_is_well_formed(po_file: Path) -> None:
    with po_file.open("rb") as po:
        entries = read_po(po, locale="mn", domain=DOMAIN, abort_invalid=True)
    ids = [line for line in po_file.read_text(encoding="utf-8").splitlines()]
    written = [line for line in ids if line.startswith('msgid "') and line != 'msgid ""']
    assert len(written) == len(entries), "an id is written twice"
    for message in entries:
        assert isinstance(message.id, str) and isinstance(message.string, str)
        assert message.string, f"untranslated: {message.id!r}"
        assert not message.fuzzy, f"fuzzy: {message.id!r}"
        held = set(PLACEHOLDER.findall(message.id))
        assert set(PLACEHOLDER.findall(message.string)) == held, message.id
        assert (
            message.string.count("{")
            == message.string.count("}")
            == len(PLACEHOLDER.findall(message.string))
        ), message.id
        assert message.context in (None, TEMPLATE), message.id


def test_the_catalogue_ships_inside_the_package() -> None:
    # hatch puts every file under src/entrypoints into the wheel (pyproject's
    # [tool.hatch.build.targets.wheel] packages); the loader reads them as package data.
    found = [Path(str(po)) for po in catalogue_files("mn")]
    assert found == PO_FILES  # the shared one first, then every context's
    assert len(found) > 10
    assert all(po.is_file() and po.resolve().is_relative_to(HTTP_PACKAGE.resolve()) for po in found)


def test_a_message_kept_in_two_catalogues_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    entry = 'msgid "Not Found"\nmsgstr "Олдсонгүй"\n'
    files = [tmp_path / "shared.po", tmp_path / "bookings.po"]
    for po in files:
        po.write_text(entry, encoding="utf-8")
    monkeypatch.setattr(translations, "catalogue_files", lambda locale: files)
    with pytest.raises(ValueError, match=r"bookings\.po: 'Not Found' is in another catalogue too"):
        load_catalogue("mn")


def test_the_catalogue_is_compiled_once() -> None:
    assert load_catalogue("mn").messages  # it loads (catalogue() would hide a failure)
    assert catalogue("mn") is not None
    assert catalogue("mn") is catalogue("mn")
    assert catalogue("en") is None and catalogue("xx") is None


@pytest.mark.parametrize(
    ("english", "mongolian"),
    [
        ("Use at least 10 characters.", "Хамгийн багадаа 10 тэмдэгт ашиглана уу."),
        ("Use at most 128 characters.", "Хамгийн ихдээ 128 тэмдэгт ашиглана уу."),
        ("Use 1 to 200 characters.", "1-200 тэмдэгт ашиглана уу."),
        ("Use 1 to 100.", "1-ээс 100 хүртэлх утга оруулна уу."),
        ("At most 2000 characters.", "Хамгийн ихдээ 2000 тэмдэгт."),
        ("A pending booking cannot become completed.", None),
        ("This time cannot be booked (outside_hours).", None),
        ("Unknown IANA time zone 'Mars/Base'.", None),
        ("must be at most 3 characters", "хамгийн ихдээ 3 тэмдэгт байх ёстой"),
        ("must be at least 1", "хамгийн багадаа 1 байх ёстой"),
        ("must be at least 0.5", "хамгийн багадаа 0.5 байх ёстой"),
        ("must have at most 24 items", "хамгийн ихдээ 24 зүйлтэй байх ёстой"),
        ("must be one of: artist, customer", "дараахын нэг байх ёстой: artist, customer"),
    ],
)
def test_texts_with_variable_parts_are_translated_by_their_shape(
    english: str, mongolian: str | None
) -> None:
    translated = translate("mn", english)
    assert translated != english
    if mongolian is not None:
        assert translated == mongolian


def test_the_most_specific_shape_wins() -> None:
    assert translate("mn", "Use 1 to 80 characters.") == "1-80 тэмдэгт ашиглана уу."
    assert translate("mn", "must be at least 1 characters") == (
        "хамгийн багадаа 1 тэмдэгт байх ёстой"
    )


def test_a_shape_does_not_swallow_what_it_does_not_describe() -> None:
    with_place = "Expected `int`, got `str` - at `$.email`"
    assert translate("mn", with_place) == with_place  # the place is problems.py's to split
    assert translate("mn", "{message} - at {path}") == "{message} - at {path}"  # a template
    assert translate("mn", "Use at least ten characters.") == "Use at least ten characters."
    long = "must be one of: " + "x" * 1000
    assert translate("mn", long) == long  # too long to be one of ours: left alone


def test_english_unknown_locales_and_unknown_texts_pass_unchanged() -> None:
    assert translate("en", "Not Found") == "Not Found"
    assert translate("xx", "Not Found") == "Not Found"
    assert translate("mn", "Nothing like this is in the catalogue.") == (
        "Nothing like this is in the catalogue."
    )
    assert translate("mn", "") == ""


def test_templates_fill_in_both_languages() -> None:
    english = translate_template("en", "{message} - at {path}", message="Bad", path="`$.a`")
    assert english == "Bad - at `$.a`"
    mongolian = translate_template("mn", "{message} - at {path}", message="Муу", path="`$.a`")
    assert mongolian == "Муу (байршил: `$.a`)"
    # values are never read as format strings
    assert translate_template("mn", "{message} - at {path}", message="{0}", path="{x}") == (
        "{0} (байршил: {x})"
    )


@given(st.text(max_size=600))
def test_translating_any_text_never_fails(text: str) -> None:
    assert isinstance(translate("mn", text), str)
    assert translate("en", text) == text


def test_an_unreadable_catalogue_costs_the_translation_not_the_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(translations, "catalogue_files", lambda locale: [tmp_path / "none.po"])
    catalogue.cache_clear()
    try:
        assert translate("mn", "Not Found") == "Not Found"
        assert translate_template("mn", "{message} - at {path}", message="a", path="b") == (
            "a - at b"
        )
        assert "cannot be read" in caplog.text
    finally:
        catalogue.cache_clear()
    monkeypatch.undo()
    assert translate("mn", "Not Found") == "Олдсонгүй"
