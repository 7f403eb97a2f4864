"""Search over HTTP on real PostgreSQL: artists by text (typos, accents, Mongolian
Cyrillic), styles, place, city, price, rating and free within N days, with keyset pages;
portfolio search and likes; recommendations; bad input is a 422 that changes nothing."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

import pytest

from tests.api.catalog_helpers import ArtistSetup, approved_artist
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload

pytestmark = pytest.mark.anyio
ARTISTS = "/api/v1/artists"
CENTRE = "47.9186,106.9177"  # Sükhbaatar Square, Ulaanbaatar


async def artist(api: Api, email: str, admin: dict[str, Any] | None, **profile: Any) -> ArtistSetup:
    price = profile.pop("price", 150000)
    rules = profile.pop("rules", tuple((d, "09:00", "17:00") for d in range(1, 6)))
    setup = await approved_artist(
        api, email, rules=rules, admin=admin,
        service={"name": "Session", "durationMinutes": 60, "price": {"amount": price}},
    )  # fmt: skip
    changed = await api.client.patch(
        f"{ARTISTS}/{setup.id}", json=profile, headers=api.bearer(setup.session)
    )
    assert changed.status_code == 200, changed.text
    return setup


async def found(api: Api, **params: Any) -> list[str]:
    response = await api.client.get(ARTISTS, params=params)
    assert response.status_code == 200, response.text
    return [item["displayName"] for item in response.json()["items"]]


@pytest.fixture
async def city(api: Api) -> dict[str, ArtistSetup]:
    """Three artists around Ulaanbaatar and one in Darkhan, the projection refreshed."""
    a = await artist(api, "a@example.com", None, displayName="Өлзий Бат", styles=["blackwork"],
                     city="Ulaanbaatar", location={"lat": 47.9186, "lng": 106.9177},
                     bio="Bold blackwork and dotwork.", price=100000)  # fmt: skip
    b = await artist(api, "b@example.com", a.admin, displayName="Crème Studio Artist",
                     styles=["fine-line", "blackwork"], city="Ulaanbaatar",
                     location={"lat": 47.93, "lng": 106.95}, bio="Delicate fine lines.",
                     price=300000, rules=())  # fmt: skip
    c = await artist(api, "c@example.com", a.admin, displayName="Tsetseg", styles=["realism"],
                     city="Ulaanbaatar", location={"lat": 47.90, "lng": 106.90},
                     bio="Portraits.", price=500000)  # fmt: skip
    d = await artist(api, "d@example.com", a.admin, displayName="Darkhan Ink",
                     styles=["blackwork"], city="Darkhan",
                     location={"lat": 49.4867, "lng": 105.9228}, bio="Blackwork up north.",
                     price=120000)  # fmt: skip
    await api.bundles.search.refresh_free_starts()
    return {"a": a, "b": b, "c": c, "d": d}


async def test_text_folds_cyrillic_accents_and_typos(
    api: Api, city: dict[str, ArtistSetup]
) -> None:
    for q in ("Өлзий", "ӨЛЗИЙ", "olzii", "Olzii bat"):
        assert await found(api, q=q) == ["Өлзий Бат"], q
    assert await found(api, q="creme") == ["Crème Studio Artist"]
    assert await found(api, q="portrats") == ["Tsetseg"]  # a typo
    assert await found(api, q="blackwrok", sort="rating")  # typo-tolerant, any order


async def test_styles_place_city_and_price(api: Api, city: dict[str, ArtistSetup]) -> None:
    assert set(await found(api, styles="blackwork")) == {"Өлзий Бат", "Crème Studio Artist",
                                                         "Darkhan Ink"}  # fmt: skip
    assert await found(api, styles="blackwork,fine-line", stylesMatch="all") == [
        "Crème Studio Artist"
    ]
    near = await found(api, near=CENTRE, radiusKm=5, sort="distance")
    assert near == ["Өлзий Бат", "Tsetseg", "Crème Studio Artist"]
    assert await found(api, near=CENTRE, radiusKm=0) == ["Өлзий Бат"]  # exactly there
    assert await found(api, near="90,0", radiusKm=100) == []  # the pole is fine
    assert await found(api, city="darkhan") == ["Darkhan Ink"]
    cheap = await found(api, priceMin=100000, priceMax=150000, sort="price")
    assert cheap == ["Өлзий Бат", "Darkhan Ink"]
    assert await found(api, priceMax=100, currency="USD") == []
    assert await found(api, ratingMin=1) == []  # nobody has a review yet


async def test_free_within_days_follows_bookings_and_rules(
    api: Api, city: dict[str, ArtistSetup]
) -> None:
    # B has no availability at all; the others work weekdays 09-17.
    free = set(await found(api, freeWithinDays=7))
    assert free == {"Өлзий Бат", "Tsetseg", "Darkhan Ink"}
    response = (await api.client.get(ARTISTS, params={"q": "Tsetseg"})).json()
    # Monday 10:00 UTC plus 24 h notice is past Tuesday's hours (09-17 local, 01-09 UTC).
    assert response["items"][0]["nextFreeSlot"]["start"] == "2026-03-04T01:00:00Z"
    # Tsetseg closes everything but one day next week; a customer books that day away.
    c = city["c"]
    auth = api.bearer(c.session)
    rules = (await api.client.get(f"{ARTISTS}/{c.id}/availability")).json()
    for rule in rules["rules"]:
        if rule["day"] != 4:
            gone = await api.client.delete(f"/api/v1/availability/{rule['id']}", headers=auth)
            assert gone.status_code == 204, gone.text
    await api.bundles.search.refresh_free_starts()
    assert "Tsetseg" in await found(api, freeWithinDays=7)
    assert "Tsetseg" not in await found(api, freeWithinDays=1)
    assert await found(api, freeWithinDays=7, serviceId=c.service["id"]) == ["Tsetseg"]
    assert "Tsetseg" not in await found(api, freeWithinDays=7, durationMinutes=90)
    customer = await api.register("eve@example.com", name="Eve")
    thursday = "2026-03-05T{:02d}:00:00Z"
    for hour in range(1, 9):  # 09:00-17:00 Ulaanbaatar is 01:00-09:00 UTC
        body = {"artistId": c.id, "serviceId": c.service["id"], "start": thursday.format(hour)}
        made = await api.client.post("/api/v1/bookings", json=body, headers=api.bearer(customer))
        assert made.status_code == 201, made.text
    await api.bundles.search.refresh_free_starts()
    assert "Tsetseg" not in await found(api, freeWithinDays=7)
    assert "Tsetseg" in await found(api, freeWithinDays=14)


async def test_a_profile_change_reaches_the_next_free_slot(
    api: Api, city: dict[str, ArtistSetup]
) -> None:
    """A profile change moves the catalogue version by trigger alone (no statement names
    the column): the refresher must still see the artist as due. (A longer notice needs no
    refresh: the search applies the current notice to the stored starts.)"""
    a = city["a"]
    before = (await api.client.get(ARTISTS, params={"q": "olzii"})).json()["items"][0]
    moved = await api.client.patch(
        f"{ARTISTS}/{a.id}", json={"timeZone": "Europe/London"}, headers=api.bearer(a.session)
    )
    assert moved.status_code == 200, moved.text
    longer = await api.client.patch(
        f"{ARTISTS}/{a.id}/settings", json={"minimumNoticeMinutes": 2 * 1440},
        headers=api.bearer(a.session),
    )  # fmt: skip
    assert longer.status_code == 200, longer.text
    await api.bundles.search.refresh_free_starts()
    after = (await api.client.get(ARTISTS, params={"q": "olzii"})).json()["items"][0]
    # 09:00-17:00 in Ulaanbaatar is 01:00-09:00 UTC; in London (winter) 09:00-17:00 UTC.
    assert before["nextFreeSlot"]["start"] == "2026-03-04T01:00:00Z"
    assert after["nextFreeSlot"]["start"] == "2026-03-04T10:00:00Z"


async def test_keyset_pages_walk_every_result_once(api: Api, city: dict[str, ArtistSetup]) -> None:
    for sort in ("relevance", "rating", "price", "soonest", "distance"):
        names, cursor = [], None
        while True:
            params: dict[str, Any] = {"pageSize": 1, "sort": sort, "near": CENTRE,
                                      "radiusKm": 1000}  # fmt: skip
            if cursor:
                params["cursor"] = cursor
            page = (await api.client.get(ARTISTS, params=params)).json()
            names += [i["displayName"] for i in page["items"]]
            cursor = page["nextCursor"]
            if cursor is None:
                break
        assert sorted(names) == sorted(["Өлзий Бат", "Crème Studio Artist", "Tsetseg",
                                        "Darkhan Ink"]), sort  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "distance"},
        {"radiusKm": 5},
        {"near": "north,east"},
        {"near": "91,0"},
        {"near": "nan,0"},
        {"near": CENTRE, "radiusKm": "inf"},
        {"cursor": "garbage"},
        {"priceMin": 10, "priceMax": 5},
        {"priceMin": 10**16},
        {"freeWithinDays": 31},
        {"serviceId": "00000000-0000-0000-0000-000000000000"},
        {"freeWithinDays": 3, "durationMinutes": 0},
        {"ratingMin": 6},
        {"currency": "mnt"},
        {"q": "a\x00b"},
        {"q": " "},
        {"pageSize": 0},
        {"sort": "random"},
    ],
)
async def test_bad_searches_are_4xx(api: Api, params: dict[str, Any]) -> None:
    response = await api.client.get(ARTISTS, params=params)
    assert 400 <= response.status_code < 500, (params, response.text)


async def test_a_cursor_of_another_sort_is_refused(api: Api, city: dict[str, ArtistSetup]) -> None:
    page = (await api.client.get(ARTISTS, params={"pageSize": 1, "sort": "price"})).json()
    other = await api.client.get(ARTISTS, params={"cursor": page["nextCursor"], "sort": "rating"})
    assert other.status_code == 422 and other.json()["code"] == "invalid_search_cursor"


async def test_portfolio_search_likes_and_recommendations(
    api: Api, city: dict[str, ArtistSetup]
) -> None:
    a = city["a"]
    auth = api.bearer(a.session)
    items = []
    for n, (text, tags) in enumerate([("Dragon sleeve in dotwork", ["blackwork", "dotwork"]),
                                      ("Geometric wolf", ["blackwork"]),
                                      ("Peony", ["fine-line"])]):  # fmt: skip
        api.clock.advance(timedelta(seconds=1))
        upload = await finished_upload(api, auth)
        body = {"uploadId": upload["id"], "description": text, "styleTags": tags}
        added = await api.client.post("/api/v1/portfolio", json=body, headers=auth)
        assert added.status_code == 201, (n, added.text)
        items.append(added.json()["id"])
    card = (await api.client.get(ARTISTS, params={"q": "Өлзий"})).json()["items"][0]
    assert [t["itemId"] for t in card["thumbnails"]] == items  # the first pieces by position
    assert all(t["images"] for t in card["thumbnails"])
    dragons = (await api.client.get("/api/v1/portfolio", params={"q": "dragn"})).json()
    assert [i["id"] for i in dragons["items"]] == [items[0]]
    newest = (await api.client.get("/api/v1/portfolio", params={"styles": "blackwork"})).json()
    assert [i["id"] for i in newest["items"]] == [items[1], items[0]]

    customer = await api.register("fan@example.com", name="Fan")
    fan = api.bearer(customer)
    for item in items[:2]:
        for _ in range(2):  # liking twice is liking once
            liked = await api.client.post(f"/api/v1/portfolio/{item}/like", headers=fan)
            assert liked.status_code == 204, liked.text
    by_artist = await api.client.post(f"/api/v1/portfolio/{items[0]}/like", headers=auth)
    assert by_artist.status_code == 403
    missing = await api.client.post(f"/api/v1/portfolio/{a.id}/like", headers=fan)
    assert missing.status_code == 404
    counted = (await api.client.get("/api/v1/portfolio", params={"q": "dragon"})).json()
    assert counted["items"][0]["likeCount"] == 1

    recommended = (await api.client.get("/api/v1/me/recommendations", headers=fan)).json()
    names = [r["artist"]["displayName"] for r in recommended["items"]]
    assert "Өлзий Бат" in names and "Tsetseg" not in names
    reasons = {r["artist"]["displayName"]: r["reason"] for r in recommended["items"]}
    assert reasons["Darkhan Ink"] == "you liked 2 blackwork pieces"
    assert (
        await api.client.delete(f"/api/v1/portfolio/{items[0]}/like", headers=fan)
    ).status_code == 204
    counted = (await api.client.get("/api/v1/portfolio", params={"q": "dragon"})).json()
    assert counted["items"][0]["likeCount"] == 0
    nobody = await api.client.get("/api/v1/me/recommendations", headers=api.bearer(a.session))
    assert nobody.status_code == 403


async def test_the_widest_styles_allowed_are_kept_and_found(api: Api) -> None:
    """Twenty styles of twenty four-byte letters (1,600 bytes), all different so that
    nothing compresses: the rating index carries them (migration 0021) and takes the widest
    a profile may hold; one letter more is refused before anything is written."""
    letters = random.Random(14).sample(range(0x20000, 0x2A6D0), 400)  # CJK extension B
    widest = ["".join(map(chr, letters[n : n + 20])) for n in range(0, 400, 20)]
    setup = await artist(api, "w@example.com", None, styles=widest,
                         location={"lat": 47.9186, "lng": 106.9177})  # fmt: skip
    assert await found(api, styles=widest[7], near=CENTRE, radiusKm=1) == ["Ink Master"]
    refused = await api.client.patch(
        f"{ARTISTS}/{setup.id}",
        json={"styles": [*widest[:-1], widest[-1] + "x"]},
        headers=api.bearer(setup.session),
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "styles"
    profile = (await api.client.get(f"{ARTISTS}/{setup.id}")).json()
    assert profile["styles"] == widest


async def test_an_artist_is_recommended_for_the_flash_on_their_sheet(
    api: Api, city: dict[str, ArtistSetup]
) -> None:
    """Tsetseg draws realism, but a design on her sheet is tagged blackwork: a customer who
    liked blackwork pieces is told about her flash, until the design leaves the sheet."""
    a, c = city["a"], city["c"]
    upload = await finished_upload(api, api.bearer(a.session))
    body = {"uploadId": upload["id"], "description": "Wolf", "styleTags": ["blackwork"]}
    item = await api.client.post("/api/v1/portfolio", json=body, headers=api.bearer(a.session))
    fan = api.bearer(await api.register("flashfan@example.com", name="Fan"))
    liked = await api.client.post(f"/api/v1/portfolio/{item.json()['id']}/like", headers=fan)
    assert liked.status_code == 204, liked.text

    async def reasons() -> dict[str, str]:
        got = await api.client.get("/api/v1/me/recommendations", headers=fan)
        assert got.status_code == 200, got.text
        return {r["artist"]["displayName"]: r["reason"] for r in got.json()["items"]}

    assert "Tsetseg" not in await reasons()
    picture = await finished_upload(api, api.bearer(c.session))
    design = await api.client.post(
        "/api/v1/me/flash",
        json={"uploadId": picture["id"], "title": "Raven", "tags": ["Blackwork", "bird"],
              "variants": [{"sizeLabel": "S", "durationMinutes": 60,
                            "price": {"amount": 90_000}}]},
        headers=api.bearer(c.session),
    )  # fmt: skip
    assert design.status_code == 201, design.text
    found_ = await reasons()
    assert found_["Tsetseg"] == "flash tagged blackwork, like pieces you liked"
    assert found_["Darkhan Ink"] == "you liked 1 blackwork piece"  # by her own style, as before
    removed = await api.client.delete(
        f"/api/v1/me/flash/{design.json()['id']}", headers=api.bearer(c.session)
    )
    assert removed.status_code == 204
    assert "Tsetseg" not in await reasons()
