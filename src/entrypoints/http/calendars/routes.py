"""The routes the app serves of calendars (``ROUTES``): the owner's feed URL under
``/api/v1``, the feed itself at the root."""

from entrypoints.http.calendars.controller import CalendarFeedController, MyCalendarFeedController
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(MyCalendarFeedController,), root=(CalendarFeedController,))
