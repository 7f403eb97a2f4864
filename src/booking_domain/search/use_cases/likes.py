"""Likes: a signed-in customer likes a piece of a visible artist, once; and takes it back."""

from __future__ import annotations

from booking_domain.catalog import PortfolioItemId, PortfolioItemNotFoundError
from booking_domain.search.use_cases.deps import SearchDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.use_case import UseCase


def require_customer(actor: Actor) -> None:
    if actor.role is not Role.CUSTOMER:
        raise PermissionDeniedError("Only customers like pieces and get recommendations.")


class LikePortfolioItem(UseCase[SearchDeps]):
    async def __call__(self, actor: Actor, item_id: PortfolioItemId) -> None:
        require_customer(actor)
        async with self._deps.uow() as uow:
            if not await uow.portfolio_likes.is_visible(item_id):
                raise PortfolioItemNotFoundError()
            await uow.portfolio_likes.like(item_id, actor.user_id, self._deps.clock.now())
            await uow.commit()


class UnlikePortfolioItem(UseCase[SearchDeps]):
    async def __call__(self, actor: Actor, item_id: PortfolioItemId) -> None:
        require_customer(actor)
        async with self._deps.uow() as uow:
            await uow.portfolio_likes.unlike(item_id, actor.user_id)
            await uow.commit()
