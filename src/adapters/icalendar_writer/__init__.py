"""Writing iCalendar (RFC 5545) with the ``icalendar`` library: the calendars context's
``CalendarWriter`` (feeds and invitations). Reading calendars is not done here."""
