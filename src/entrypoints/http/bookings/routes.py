"""The routes the app serves of bookings (``ROUTES``), in the order the API lists them."""

from entrypoints.http.bookings.admin_controller import (
    AdminBookingsController,
    AdminSuspensionController,
)
from entrypoints.http.bookings.controller import BookingsController
from entrypoints.http.bookings.ideas_controller import BookingIdeasController, IdeasController
from entrypoints.http.bookings.studio_day_controller import StudioDayController
from entrypoints.http.bookings.touch_ups_controller import TouchUpsController
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        BookingsController,
        BookingIdeasController,
        IdeasController,
        AdminBookingsController,
        AdminSuspensionController,
        TouchUpsController,
        StudioDayController,
    )
)
