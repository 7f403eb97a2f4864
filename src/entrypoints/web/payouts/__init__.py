"""The ledger's pages: the artist's payouts and the operator's round of payouts."""
