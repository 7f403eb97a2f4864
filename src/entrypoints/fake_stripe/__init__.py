"""A local fake of Stripe's API, its hosted Checkout and Connect onboarding pages and its
signed webhooks, for ``make run`` (``INKSLOT_STRIPE_FAKE=1``) and the tests
(docs/payments.md, "Stripe", "Trying it locally")."""

from entrypoints.fake_stripe.app import FakeStripeApi
from entrypoints.fake_stripe.state import FakeStripe
from entrypoints.fake_stripe.wire import sign

__all__ = ["FakeStripe", "FakeStripeApi", "sign"]
