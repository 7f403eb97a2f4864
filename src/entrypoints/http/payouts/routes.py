"""The routes the app serves of the ledger (``ROUTES``), in the order the API lists them."""

from entrypoints.http.payouts.controller import (
    ArtistLedgerController,
    MyLedgerController,
    OwedController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(controllers=(MyLedgerController, ArtistLedgerController, OwedController))
