"""The hand-tuned reads, written as SQL text: the one place in ``adapters.postgres`` where
SQL is written by hand.

Everything else is SQLAlchemy Core built over ``tables/`` and compiled once (``sql.py``):
writes, plain reads, lists. A read is here when its text is the measured artifact: its
shape was chosen with EXPLAIN and the benchmarks (docs/performance.md), and details that
Core would leave implicit in builder calls decide its cost (the order conditions are
written in, an optimisation fence, lateral aggregates, array forms psycopg parses in C).
As text, the statement a repository sends is the one that was measured, and the one the
``bench/`` scripts print plans of.

One module per query family, each saying why its statements are text:

- ``search``: the artist and portfolio search pages and their cards, the near words of a
  typed word, the recommendations' taste;
- ``free_starts``: the free-starts projection's due artists and calendar read;
- ``scheduling``: the scheduling context (the slot query), in full and with the catalogue
  remembered;
- ``notification_context``: a message's recipient and booking, one join each;
- ``outbox``: the outbox feed's reads in transaction order, and its retention.

Every value is a bound parameter (``%(name)s``); a fragment formatted into a statement is a
constant of its module (ruff's S608 is silenced line by line for that reason). The
repositories import their SQL from here and write none of their own.
"""
