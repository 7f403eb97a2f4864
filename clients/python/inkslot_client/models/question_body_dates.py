from enum import StrEnum


class QuestionBodyDates(StrEnum):
    ANY = "any"
    FUTURE = "future"
    PAST = "past"

    def __str__(self) -> str:
        return str(self.value)
