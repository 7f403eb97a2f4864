from enum import StrEnum


class QuestionBodyKind(StrEnum):
    DATE = "date"
    HEALTH = "health"
    TEXT = "text"
    YES_NO = "yes_no"

    def __str__(self) -> str:
        return str(self.value)
