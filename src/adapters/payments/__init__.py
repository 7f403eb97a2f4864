"""Payment gateways: the sandbox (the embedded default), QPay over HTTP, and the payment
edge. Each serves ``booking_domain.payments.PaymentGateway``."""
