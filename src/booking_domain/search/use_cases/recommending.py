"""Recommendations for a signed-in customer (``recommendations`` states the rules)."""

from __future__ import annotations

from booking_domain.search.queries import MAX_QUERY, ArtistQuery, ArtistSort, StylesMatch
from booking_domain.search.recommendations import Match, Taste
from booking_domain.search.results import ArtistHit
from booking_domain.search.use_cases.cards import RecommendedArtist, artist_card
from booking_domain.search.use_cases.deps import SearchDeps
from booking_domain.search.use_cases.likes import require_customer
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase

MAX_RECOMMENDATIONS = 20


class RecommendArtists(UseCase[SearchDeps]):
    async def __call__(self, actor: Actor, limit: int = 10) -> tuple[RecommendedArtist, ...]:
        """Up to ``limit`` artists, best first, each with its reason."""
        require_customer(actor)
        limit = max(1, min(limit, MAX_RECOMMENDATIONS))
        now = self._deps.clock.now()
        async with self._deps.uow(read_only=True, may_lag=True) as uow:
            taste = await uow.portfolio_likes.taste(actor.user_id)
            styles = taste.top_styles()
            if not styles:
                return ()
            # Enough rows that the ones left out still leave a full list.
            size = min(50, limit + len(taste.seen_enough))
            found: list[ArtistHit] = []
            # A stored city longer than a query allows cannot narrow the search anyway.
            near_home = taste.city if taste.city and len(taste.city) <= MAX_QUERY else None
            for city in dict.fromkeys((near_home, None)):
                query = ArtistQuery(
                    styles=styles,
                    styles_match=StylesMatch.ANY_OR_FLASH,
                    city=city,
                    sort=ArtistSort.RATING,
                    page_size=size,
                ).check()
                found += (await uow.artist_search.artists(query, now)).items
                if len(_kept(found, taste)) >= limit:
                    break
            kept = _kept(found, taste)
            # Which top styles each one's open flash designs are tagged with (one read).
            ids = [hit.artist.id for hit in kept]
            flash = await uow.portfolio_likes.flash_tags(ids, styles) if ids else {}
        explained = [(hit, _match(hit, taste, flash.get(hit.artist.id, ()))) for hit in kept]
        # The closest taste first, the best rated among equals (the search's order, kept).
        explained.sort(key=lambda e: -taste.score(e[1].style))
        return tuple(
            RecommendedArtist(
                artist_card(self._deps.stores, hit),
                taste.reason(match.style, flash=match.flash),
                match.style,
            )
            for hit, match in explained[:limit]
        )


def _kept(hits: list[ArtistHit], taste: Taste) -> list[ArtistHit]:
    kept = {h.artist.id: h for h in hits if h.artist.id not in taste.seen_enough}
    return list(kept.values())


def _match(hit: ArtistHit, taste: Taste, flash_tags: tuple[str, ...]) -> Match:
    found = taste.match(hit.artist.styles, flash_tags)
    return found or Match(taste.top_styles()[0])
