from enum import StrEnum


class PlacementDtoArea(StrEnum):
    ANKLE = "ankle"
    CALF = "calf"
    CHEST = "chest"
    FACE = "face"
    FINGER = "finger"
    FOOT = "foot"
    FOREARM = "forearm"
    FULL_BACK = "full_back"
    HAND = "hand"
    HEAD = "head"
    HIP = "hip"
    KNEE = "knee"
    LOWER_BACK = "lower_back"
    NECK = "neck"
    OTHER = "other"
    RIBS = "ribs"
    SHOULDER = "shoulder"
    STOMACH = "stomach"
    THIGH = "thigh"
    UPPER_ARM = "upper_arm"
    UPPER_BACK = "upper_back"

    def __str__(self) -> str:
        return str(self.value)
