"""External calendars' feeds: fetched through the webhooks' SSRF guard, read with
``icalendar`` and ``recurring-ical-events``."""
