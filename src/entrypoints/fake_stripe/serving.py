"""The fake Stripe served beside ``inkslot serve`` (``INKSLOT_STRIPE_FAKE=1``, local profile
only): in a thread of the serving process, on a port of its own, its events posted to the
API's webhook endpoint. The API (every worker process of it) is pointed at it through the
Stripe settings, which the environment passes on."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import replace

import uvicorn

from entrypoints.fake_stripe.app import FakeStripeApi
from entrypoints.fake_stripe.state import FakeStripe
from entrypoints.settings import Settings

WEBHOOK_PATH = "/api/v1/payments/stripe/events"
START_WITHIN = 10.0  # seconds


def with_fake_stripe(settings: Settings) -> Settings:
    """``settings`` pointed at a fake Stripe started now, when they ask for one."""
    if not settings.stripe_fake:
        return settings
    with socket.socket() as probe:
        probe.bind((settings.host, 0))
        port = probe.getsockname()[1]
    url = f"http://{settings.host}:{port}"
    state = FakeStripe(base_url=url)
    app = FakeStripeApi(state, webhook_url=settings.base_url + WEBHOOK_PATH)
    config = uvicorn.Config(app, host=settings.host, port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, name="fake-stripe", daemon=True).start()
    deadline = time.monotonic() + START_WITHIN
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)  # polling the server's thread, not waiting for time
    values = {
        "INKSLOT_STRIPE_SECRET_KEY": state.secret_key,
        "INKSLOT_STRIPE_WEBHOOK_SECRET": state.webhook_secret,
        "INKSLOT_STRIPE_API_URL": url,
    }
    os.environ.update(values)  # the worker processes of --workers N build from these
    print(f"fake Stripe on {url} (its pages: /checkout/<session>, its events to the API)")
    return replace(
        settings,
        stripe_secret_key=state.secret_key,
        stripe_webhook_secret=state.webhook_secret,
        stripe_api_url=url,
    )
