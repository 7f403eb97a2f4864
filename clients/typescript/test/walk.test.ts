/**
 * The client's walk against a real `inkslot serve` with the demo data: a new customer signs
 * up, finds the demo artist, reads free slots, books with an Idempotency-Key (a retry gets
 * the same booking), the artist approves, the deposit is paid in the sandbox, the booking is
 * confirmed; and refusals read as typed problems.
 *
 * tests/clients/test_typescript_client.py starts the server and runs `npm test` with
 * INKSLOT_URL (the server's origin) and the demo artist's INKSLOT_ARTIST_EMAIL and
 * INKSLOT_ARTIST_PASSWORD; without them every test here is skipped, saying so.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";

import { createInkslotClient, isProblem, type InkslotClient, type Problem } from "../src/index.js";

const baseUrl = process.env["INKSLOT_URL"];
const artistEmail = process.env["INKSLOT_ARTIST_EMAIL"] ?? "";
const artistPassword = process.env["INKSLOT_ARTIST_PASSWORD"] ?? "";
const skip = baseUrl
  ? false
  : "INKSLOT_URL is not set: tests/clients/test_typescript_client.py starts a server for these";

function anonymous(): InkslotClient {
  return createInkslotClient({ baseUrl: baseUrl ?? "" });
}

async function signIn(email: string, password: string): Promise<string> {
  const { data, error } = await anonymous().POST("/api/v1/auth/login", {
    body: { email, password },
  });
  assert.equal(error, undefined, JSON.stringify(error));
  return data!.tokens.accessToken;
}

test("a new customer books the demo artist and pays the deposit", { skip }, async () => {
  const signedUp = await anonymous().POST("/api/v1/auth/register", {
    body: {
      email: `ts-${randomUUID()}@example.com`,
      password: "a long enough passphrase 42",
      name: "TypeScript Walker",
      role: "customer",
    },
  });
  assert.equal(signedUp.response.status, 201, JSON.stringify(signedUp.error));
  const customer = createInkslotClient({
    baseUrl: baseUrl!,
    token: signedUp.data!.tokens.accessToken,
  });
  const artist = createInkslotClient({
    baseUrl: baseUrl!,
    token: await signIn(artistEmail, artistPassword),
  });

  const found = await customer.GET("/api/v1/artists", { params: { query: { q: "saraa" } } });
  const saraa = found.data!.items.find((a) => a.displayName === "Saraa Ink");
  assert.ok(saraa, "the demo artist is found");
  const services = await customer.GET("/api/v1/artists/{artist_id}/services", {
    params: { path: { artist_id: saraa.id } },
  });
  const session = services.data!.items.find((s) => s.name === "Half-day session");
  assert.ok(session?.deposit, "the half-day session asks for a deposit");

  const day = 24 * 3600 * 1000;
  const slots = await customer.GET("/api/v1/artists/{artist_id}/slots", {
    params: {
      path: { artist_id: saraa.id },
      query: {
        serviceId: session.id,
        from: new Date(Date.now() + 2 * day).toISOString(),
        to: new Date(Date.now() + 30 * day).toISOString(),
        limit: 1,
      },
    },
  });
  const start = slots.data!.items[0]?.start;
  assert.ok(start, "a free slot within four weeks");

  const key = randomUUID();
  const book = () =>
    customer.POST("/api/v1/bookings", {
      params: { header: { "Idempotency-Key": key } },
      body: { artistId: saraa.id, serviceId: session.id, start },
    });
  const booked = await book();
  assert.equal(booked.response.status, 201, JSON.stringify(booked.error));
  const booking = booked.data!;
  assert.equal(booking.status, "pending");
  assert.deepEqual(booking.waitingFor, ["approval", "deposit"]);
  const retried = await book();
  assert.equal(retried.data!.id, booking.id, "a retry with the key gets the same booking");
  assert.equal(retried.response.headers.get("Idempotent-Replayed"), "true");

  const approved = await artist.PATCH("/api/v1/bookings/{booking_id}", {
    params: { path: { booking_id: booking.id } },
    body: { status: "confirmed" },
  });
  assert.equal(approved.data!.status, "pending", "approved, the deposit still owed");

  const invoice = await customer.POST("/api/v1/bookings/{booking_id}/deposit-invoice", {
    params: { path: { booking_id: booking.id } },
    body: null,
  });
  assert.equal(invoice.response.status, 201, JSON.stringify(invoice.error));
  const paid = await anonymous().POST("/api/v1/sandbox/invoices/{invoice_id}/pay", {
    params: { path: { invoice_id: invoice.data!.invoiceId } },
  });
  assert.ok(paid.data!.paymentId, JSON.stringify(paid.error));

  const read = await customer.GET("/api/v1/bookings/{booking_id}", {
    params: { path: { booking_id: booking.id } },
  });
  assert.equal(read.data!.status, "confirmed");
  assert.equal(read.data!.paymentStatus, "paid");
});

test("refusals read as typed problems", { skip }, async () => {
  // A token may be a function, asked before each request (a refreshed token, an API key).
  const artist = createInkslotClient({
    baseUrl: baseUrl!,
    token: async () => signIn(artistEmail, artistPassword),
  });
  const missing = await artist.GET("/api/v1/bookings/{booking_id}", {
    params: { path: { booking_id: randomUUID() } },
  });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.data, undefined);
  const problem: Problem | undefined = missing.error;
  assert.ok(isProblem(problem));
  assert.equal(problem.code, "booking_not_found");
  assert.equal(problem.status, 404);

  const weak = await anonymous().POST("/api/v1/auth/register", {
    body: { email: `ts-${randomUUID()}@example.com`, password: "short", name: "W", role: "customer" },
  });
  assert.equal(weak.response.status, 422);
  assert.ok(isProblem(weak.error));
  assert.equal(weak.error.code, "invalid_input");
  assert.ok(weak.error.errors?.some((field) => field.field === "password"), JSON.stringify(weak.error));

  const forged = createInkslotClient({ baseUrl: baseUrl!, token: "not-a-token" });
  const refused = await forged.GET("/api/v1/me");
  assert.equal(refused.response.status, 401);
  assert.equal(refused.error?.code, "invalid_token");
});
