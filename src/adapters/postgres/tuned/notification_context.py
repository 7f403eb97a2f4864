"""The notification context (``notification_context.py`` sends it): what a message is
about, read when a round of messages is sent, one join each for all of the round's
recipients, client records and bookings: the recipient with their channel choices (or
an artist's client record with its artist's language), and
the booking with its artist, service, studio and customer (the customer's account, or the
artist's client record for a booking the artist made for one: exactly one is set).

Why text (docs/performance.md, "Notifications"): ``NotificationContext`` is a read port
(docs/architecture.md, rule 9) whose answers are these two projections, each a single join
shaped for the message's facts; a round reads each of them once for all its messages (a job
per event's group reading each once took the worker from 80-90 to 155 emails a second,
before the MIME change brought it to 261).
The columns each join takes, and their aliases (``pref_email``, ``studio_lat``, ...), are
the read's contract with the code that turns a row into ``Recipient`` and ``BookingFacts``;
as text they are read in one place, where Core would scatter them over label calls.
"""

from __future__ import annotations

# The chat with the Telegram bot, while it can be reached (migration 0050).
RECIPIENT = """
SELECT u.id, u.name, u.email, u.phone, u.phone_verified, u.locale, u.disabled, u.locked_until,
       p.email AS pref_email, p.sms AS pref_sms, p.in_app AS pref_in_app,
       p.telegram AS pref_telegram, p.updated_at AS pref_updated_at, t.chat_id AS telegram_chat
  FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
  LEFT JOIN telegram_chats t ON t.user_id = u.id AND t.blocked_at IS NULL
 WHERE u.id = ANY(%(ids)s::uuid[])
"""
# An artist's client record, in the language of its artist's account.
CLIENT = """
SELECT k.id, k.name, k.email, k.phone, u.locale
  FROM clients k
  JOIN artists a ON a.id = k.artist_id
  JOIN users u ON u.id = a.user_id
 WHERE k.id = ANY(%(ids)s::uuid[])
"""
# The price is the booking's own, as booked (migration 0040: a later change of the
# service's price does not change it; a free touch-up's is zero), else its service's.
BOOKING = """
SELECT b.id, b.reference, b.status, b.starts_at, b.ends_at,
       b.status = 'pending' AND b.requires_approval AND NOT b.approved AS awaiting_approval,
       b.requires_approval,
       CASE WHEN b.status = 'pending' AND b.offer = 'offered' THEN b.hold_expires_at END
         AS offer_until,
       a.display_name, a.time_zone, a.free_cancellation_minutes, a.lat AS artist_lat,
       a.lng AS artist_lng, s.name AS service_name,
       coalesce(b.price, s.price_amount) AS price_amount,
       CASE WHEN b.price IS NULL THEN s.currency ELSE b.currency END AS currency,
       st.name AS studio_name, st.address, st.lat AS studio_lat, st.lng AS studio_lng,
       coalesce(c.name, k.name) AS customer_name
  FROM bookings b
  JOIN artists a ON a.id = b.artist_id
  JOIN services s ON s.id = b.service_id
  LEFT JOIN users c ON c.id = b.customer_id
  LEFT JOIN clients k ON k.id = b.client_id
  LEFT JOIN studios st ON st.id = a.studio_id
 WHERE b.id = ANY(%(ids)s::uuid[])
"""
