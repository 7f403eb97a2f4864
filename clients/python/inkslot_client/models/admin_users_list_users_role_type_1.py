from enum import StrEnum


class AdminUsersListUsersRoleType1(StrEnum):
    ADMIN = "admin"
    ARTIST = "artist"
    CUSTOMER = "customer"

    def __str__(self) -> str:
        return str(self.value)
