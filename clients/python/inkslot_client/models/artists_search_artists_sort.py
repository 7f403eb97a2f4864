from enum import StrEnum


class ArtistsSearchArtistsSort(StrEnum):
    DISTANCE = "distance"
    PRICE = "price"
    RATING = "rating"
    RELEVANCE = "relevance"
    SOONEST = "soonest"

    def __str__(self) -> str:
        return str(self.value)
