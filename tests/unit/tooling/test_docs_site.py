"""The documentation site (mkdocs.yml, ``make docs``) builds with ``--strict``, as
``make docs-build`` builds it, and its search index holds what readers look for; a broken
link or heading fails the strict build.

The site's build takes about 10 s (the HTTP reference from the OpenAPI document and
booking_domain's reference from its docstrings are most of it), so it is built once for the
module; the broken-link builds use a project of two pages with the site's own validation
settings, a second each.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.support.docs_site import CONFIG, mkdocs_build

# The top-level keys of mkdocs.yml a two-page project leaves out: its own nav, and the
# plugins, styles and scripts of the pages it does not have.
NOT_FOR_A_SMALL_PROJECT = frozenset({"nav", "plugins", "extra_css", "extra_javascript"})


@pytest.fixture(scope="module")
def search_index(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The entries of the search index of the site, built as ``make docs-build`` builds it:
    ``mkdocs build --strict`` (the HTTP reference from clients/openapi.json)."""
    site = tmp_path_factory.mktemp("site")
    built = mkdocs_build(CONFIG, site)
    assert built.returncode == 0, "mkdocs build --strict failed:\n" + built.stderr[-4000:]
    docs: list[dict[str, Any]] = json.loads(
        (site / "search" / "search_index.json").read_text(encoding="utf-8")
    )["docs"]
    return docs


def pages_saying(docs: list[dict[str, Any]], word: str) -> set[str]:
    """The pages (without their anchors) whose text or titles hold ``word`` as a word."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}", re.IGNORECASE)
    return {
        doc["location"].split("#")[0]
        for doc in docs
        if pattern.search(doc["title"]) or pattern.search(doc["text"])
    }


@pytest.mark.parametrize(
    ("word", "a_page_that_explains_it"),
    [("deposit", "payments/"), ("DST", "domain/"), ("webhook", "events/")],
)
def test_the_search_finds_what_readers_look_for(
    search_index: list[dict[str, Any]], word: str, a_page_that_explains_it: str
) -> None:
    assert a_page_that_explains_it in pages_saying(search_index, word)


def test_the_references_are_built_into_the_site(search_index: list[dict[str, Any]]) -> None:
    # One operation of the OpenAPI document, one function of booking_domain's public API.
    assert "reference/http/" in pages_saying(search_index, "/api/v1/bookings")
    assert "reference/domain-scheduling/" in pages_saying(search_index, "free_slots")


def small_project(root: Path, link: str, *, left_out: bool = False) -> Path:
    """A site of two pages with mkdocs.yml's own settings but its nav, plugins and styles;
    the first page links to ``link``; with ``left_out``, a third page the nav does not name.
    Returns its config file."""
    kept, keep = [], True
    for line in CONFIG.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            keep = line.split(":", 1)[0] not in NOT_FOR_A_SMALL_PROJECT
        if keep:
            kept.append(line)
    kept += ["plugins:", "  - search", "nav:", "  - index.md", "  - other.md"]
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(f"# Home\n\nSee [the other page]({link}).\n")
    (root / "docs" / "other.md").write_text("# Other\n\n## A heading\n\nText.\n")
    if left_out:
        (root / "docs" / "forgotten.md").write_text("# Forgotten\n")
    config = root / "mkdocs.yml"
    config.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return config


def test_a_good_link_builds(tmp_path: Path) -> None:
    built = mkdocs_build(small_project(tmp_path, "other.md#a-heading"), tmp_path / "site")
    assert built.returncode == 0, built.stderr


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("gone.md", "not found among documentation files"),
        ("other.md#no-such-heading", "does not contain an anchor '#no-such-heading'"),
    ],
)
def test_a_broken_link_fails_the_strict_build(tmp_path: Path, link: str, complaint: str) -> None:
    built = mkdocs_build(small_project(tmp_path, link), tmp_path / "site")
    assert built.returncode != 0
    assert complaint in built.stderr


def test_a_page_left_out_of_the_nav_fails_the_strict_build(tmp_path: Path) -> None:
    config = small_project(tmp_path, "other.md", left_out=True)
    built = mkdocs_build(config, tmp_path / "site")
    assert built.returncode != 0
    assert "forgotten.md" in built.stderr
