"""The repository stands alone: its Markdown links only to files it holds, nothing in it
sends a reader to the pages kept outside it (the ``../shared`` folder with its product and
design pages and its reference notes), and nothing speaks of the issues work came from. The
product's rules live in docs/product.md, the house's in docs/architecture.md.

Checked on the text: Markdown links ``[text](path)`` and ``[text](path#anchor)`` (and
reference definitions ``[label]: path``) outside code, in README.md, CHANGELOG.md,
CONTRIBUTING.md and docs/*.md; mentions anywhere in those files and in every text file under
src/, tests/, bench/, scripts/ and migrations/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[3]
THIS_FILE = Path(__file__).resolve()  # it names the outside pages to look for them

TOP_LEVEL_MARKDOWN = ("README.md", "CHANGELOG.md", "CONTRIBUTING.md")
SOURCE_DIRS = ("src", "tests", "bench", "scripts", "migrations")
# Case matters: docs/product.md is the repository's own page, not the outside PRODUCT.md.
OUTSIDE_PAGES = (
    "../shared",
    "PRODUCT.md",
    "DESIGN.md",
    *(f"reference/{n}.md" for n in ("qpay-v2", "object-storage", "containers", "dependencies")),
)
# "issue 14", "issues 13 and 15", "this issue", "later issues": where work came from, not
# what it is. (The verb is not one: "it issues 3 tokens".)
_ISSUE = re.compile(
    r"\b(?:[Ii]ssue \d+|[Ii]ssues \d+(?: and|,)"
    r"|(?:[Tt]his|[Tt]hat|[Ll]ater|[Ee]arlier|[Nn]ext|[Pp]revious|[Cc]oming) issues?)\b"
)
IGNORED_SCHEMES = ("http", "https", "mailto")
SKIPPED_DIRS = frozenset(
    {"__pycache__", ".hypothesis", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A code span ends in its paragraph: a stray backtick must not hide the links after it.
_CODE_SPAN = re.compile(r"(`+)((?:(?!\n[ \t]*\n).)+?)\1", re.DOTALL)
_INLINE_LINK = re.compile(
    r"!?\[(?P<text>[^\]]*)\]\(\s*(?P<target><[^>\n]*>|[^)\s]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)(?P<text>[^\]]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")


def markdown_files(root: Path) -> list[Path]:
    """The Markdown a reader of the repository opens."""
    named = [root / name for name in TOP_LEVEL_MARKDOWN if (root / name).is_file()]
    return named + sorted((root / "docs").glob("*.md"))


def _without_code(text: str) -> str:
    """The text with fenced blocks and code spans blanked (links there are not links);
    line breaks stay, so offsets still give line numbers."""
    lines, fence = text.split("\n"), ""
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            lines[number] = ""
        elif opening:
            fence, lines[number] = opening.group(1), ""
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), "\n".join(lines))


def _links(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, text, target) of every link outside code."""
    plain = _without_code(text)
    for pattern in (_INLINE_LINK, _REFERENCE):
        for match in pattern.finditer(plain):
            line = plain.count("\n", 0, match.start()) + 1
            yield line, match.group("text"), match.group("target").strip("<>")


def _link_problem(root: Path, page: Path, target: str) -> str | None:
    """Why ``target``, linked from ``page``, is not a file of the repository (None if it is,
    or if it is not a path: a web or mail address, an anchor of the page itself)."""
    if not target or target.startswith("#"):
        return None
    scheme = _SCHEME.match(target)
    if scheme is not None:
        if scheme.group("scheme").lower() in IGNORED_SCHEMES:
            return None
        return "not a path in the repository"
    path = unquote(re.split(r"[#?]", target, maxsplit=1)[0])
    if not path:
        return None
    base = root if path.startswith("/") else page.parent
    resolved = (base / path.lstrip("/")).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return "outside the repository"
    if not resolved.exists():
        return "no such file"
    return None


def broken_links(root: Path) -> list[str]:
    """``file:line: [text](target): why`` for every relative link to nothing in ``root``."""
    problems = []
    for page in markdown_files(root):
        for line, text, target in _links(page.read_text(encoding="utf-8")):
            why = _link_problem(root, page, target)
            if why is not None:
                name = page.relative_to(root).as_posix()
                label = " ".join(text.split())
                problems.append(f"{name}:{line}: [{label}]({target}): {why}")
    return problems


def _text_files(root: Path) -> Iterator[Path]:
    yield from markdown_files(root)
    for top in SOURCE_DIRS:
        for path in sorted((root / top).rglob("*")):
            parts = path.relative_to(root).parts
            if path.is_file() and not SKIPPED_DIRS.intersection(parts) and path.suffix != ".pyc":
                yield path


def outside_mentions(root: Path, *, skip: frozenset[Path] = frozenset()) -> list[str]:
    """``file:line: mentions 'X': the words around it``, a line for each line naming an
    outside page."""
    problems = []
    for path in _text_files(root):
        if path.resolve() in skip:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # images and other binary files name no page
            continue
        name = path.relative_to(root).as_posix()
        for number, line in enumerate(text.splitlines(), start=1):
            named = [page for page in OUTSIDE_PAGES if page in line]
            named += [m.group(0) for m in _ISSUE.finditer(line)]
            if named:
                mentions = ", ".join(repr(page) for page in named)
                problems.append(f"{name}:{number}: mentions {mentions}: {_excerpt(line, named[0])}")
    return problems


def _excerpt(line: str, page: str, room: int = 60) -> str:
    """The mention with up to ``room`` characters of the line on either side."""
    at = line.index(page)
    start, end = max(0, at - room), at + len(page) + room
    text = line[start:end].strip()
    return ("..." if start else "") + text + ("..." if end < len(line) else "")


def test_markdown_links_point_at_files_of_the_repository() -> None:
    problems = broken_links(ROOT)
    assert not problems, "Relative links to nothing in the repository:\n" + "\n".join(problems)


def test_nothing_sends_readers_outside_the_repository() -> None:
    problems = outside_mentions(ROOT, skip=frozenset({THIS_FILE}))
    assert not problems, (
        "Mentions of pages outside the repository or of issues (state the rule, or link "
        "docs/product.md or docs/architecture.md):\n" + "\n".join(problems)
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_link_check_would_notice_a_broken_link(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _write(tmp_path / "shared" / "PRODUCT.md", "# outside\n")
    _write(root / "docs" / "api.md", "# API\n")
    _write(root / "src" / "m.py", "")
    _write(
        root / "README.md",
        "[api](docs/api.md) [anchored](docs/api.md#accounts) [top](#start)\n"
        "[web](https://example.com/x.md) [mail](mailto:ops@example.com) ![code](src/m.py)\n"
        "[gone](docs/gone.md#x) [out](../shared/PRODUCT.md)\n"
        "`[not a link](nowhere.md)`\n"
        "```md\n[in a fence](nowhere.md)\n```\n"
        "[wrapped\ntext](docs/missing%20page.md)\n"
        "[ref]: docs/also-gone.md\n"
        "[^1]: a footnote, not a link\n",
    )
    _write(root / "docs" / "guide.md", "[back](../README.md) [self](guide.md) [api](api.md)\n")
    assert broken_links(root) == [
        "README.md:3: [gone](docs/gone.md#x): no such file",
        "README.md:3: [out](../shared/PRODUCT.md): outside the repository",
        "README.md:8: [wrapped text](docs/missing%20page.md): no such file",
        "README.md:10: [ref](docs/also-gone.md): no such file",
    ]


def test_the_mention_check_would_notice_an_outside_page(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    _write(root / "README.md", "See docs/product.md.\n")
    _write(root / "docs" / "product.md", "# The product rules\n")
    _write(root / "docs" / "api.md", "# API\nAs PRODUCT.md says.\nIt issues 3 tokens.\n")
    _write(root / "docs" / "jobs.md", "Decided in issue 10; see reference/qpay-v2.md.\n")
    _write(root / "src" / "m.py", '"""Rules: ../shared/DESIGN.md."""\n')
    _write(root / "src" / "__pycache__" / "m.txt", "PRODUCT.md\n")
    _write(root / "tests" / "t.py", "x" * 100 + " DESIGN.md " + "y" * 100 + "\n")
    (root / "bench").mkdir()
    (root / "bench" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nDESIGN.md\xff")
    assert outside_mentions(root) == [
        "docs/api.md:2: mentions 'PRODUCT.md': As PRODUCT.md says.",
        "docs/jobs.md:1: mentions 'reference/qpay-v2.md', 'issue 10': Decided in issue 10; see "
        "reference/qpay-v2.md.",
        'src/m.py:1: mentions \'../shared\', \'DESIGN.md\': """Rules: ../shared/DESIGN.md."""',
        "tests/t.py:1: mentions 'DESIGN.md': ..." + "x" * 59 + " DESIGN.md " + "y" * 59 + "...",
    ]
