from enum import StrEnum


class ArtistsArtistIdReviewsListReviewsSort(StrEnum):
    NEWEST = "newest"
    RATING = "rating"

    def __str__(self) -> str:
        return str(self.value)
