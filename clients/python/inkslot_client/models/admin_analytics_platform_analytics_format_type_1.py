from enum import StrEnum


class AdminAnalyticsPlatformAnalyticsFormatType1(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
