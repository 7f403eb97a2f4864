"""The payment edge: the small service that alone holds the QPay credentials."""

from entrypoints.payment_edge.app import PaymentEdge

__all__ = ["PaymentEdge"]
