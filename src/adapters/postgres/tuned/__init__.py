"""SQL written by hand: the one place in ``src/`` where a statement is text
(docs/architecture.md, "SQL style"; ``tests/unit/architecture/test_sql_placement.py``
fails on one anywhere else).

Everything else is SQLAlchemy Core built over ``tables/`` and compiled once (``sql.py``):
writes, plain reads, lists. A read is here when its text is the measured artifact: its
shape was chosen with EXPLAIN and the benchmarks (docs/performance.md), and details that
Core would leave implicit in builder calls decide its cost (the order conditions are
written in, an optimisation fence, lateral aggregates, array forms psycopg parses in C).
As text, the statement a repository sends is the one that was measured, and the one the
``bench/`` scripts print plans of.

A statement that is no measured read is here when Core would hide what it does (two
data-modifying steps in one statement, an upsert whose rule is its ``CASE``, arrays
unnested into ranges), or when it asks the server rather than our tables (``server``).

One module per query family, each saying why its statements are text:

- ``search``: the artist and portfolio search pages and their cards, the near words of a
  typed word, the recommendations' taste;
- ``free_starts``: the free-starts projection's due artists and calendar read;
- ``scheduling``: the scheduling context (the slot query), in full and with the catalogue
  remembered;
- ``notification_context``: a message's recipient and booking, one join each;
- ``outbox``: the outbox feed's reads in transaction order, and its retention;
- ``analytics``: an artist's and the platform's figures from the rollup and its summaries;
- ``booking_links``, ``customer_lookups``, ``flash``, ``external_calendars``: a link's
  visit counted, an account's lookups counted, a one-off design claimed, a feed's spans
  stored and read, each in one statement;
- ``server``: the health probe, the replica's WAL positions, creating the database, the
  job queue's presence, the embedded server's password.

Every value is a bound parameter (``%(name)s``), but in ``server``'s two commands that
cannot take one (each says how its value is made safe); a fragment formatted into a statement is a
constant of its module (ruff's S608 is silenced line by line for that reason). The
repositories (and the entrypoints' database set-up) import their SQL from here and write
none of their own.
"""
