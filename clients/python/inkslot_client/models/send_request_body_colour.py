from enum import StrEnum


class SendRequestBodyColour(StrEnum):
    BLACK_AND_GREY = "black_and_grey"
    COLOUR = "colour"

    def __str__(self) -> str:
        return str(self.value)
