"""The platform's ledger over HTTP: an artist's accounts and entries, what is owed, payouts."""
