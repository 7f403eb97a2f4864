/**
 * The signatures between the API and the edge (src/adapters/payments/edge_wire.py).
 *
 * A request carries `X-Inkslot-Timestamp` (Unix seconds), `X-Inkslot-Nonce` (random, once)
 * and `X-Inkslot-Signature: v1=<hex HMAC-SHA256>` over `timestamp\nnonce\nMETHOD\npath\n`
 * followed by the body's bytes. An answer carries `X-Inkslot-Signature` over
 * `nonce\nstatus\n` and its body, the nonce being the request's.
 */

export const WINDOW = 300; // seconds a signed request stays acceptable
export const TIMESTAMP = "x-inkslot-timestamp";
export const NONCE = "x-inkslot-nonce";
export const SIGNATURE = "x-inkslot-signature";

export type Refusal = "unsigned" | "stale" | "bad signature" | "replayed";

/** Remembers the nonces of the window: true the first time, false for a replay. */
export type NonceClaim = (nonce: string) => Promise<boolean>;

const encoder = new TextEncoder();
const ASCII = /^[\x00-\x7f]*$/;
const DIGITS = /^[0-9]+$/;

let cachedKey: { secret: string; key: CryptoKey } | undefined;

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (cachedKey?.secret === secret) return cachedKey.key;
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  cachedKey = { secret, key };
  return key;
}

async function signed(secret: string, head: string, body: Uint8Array): Promise<string> {
  const prefix = encoder.encode(head);
  const message = new Uint8Array(prefix.byteLength + body.byteLength);
  message.set(prefix);
  message.set(body, prefix.byteLength);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), message));
  return `v1=${Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export function requestSignature(
  secret: string,
  timestamp: string,
  nonce: string,
  method: string,
  path: string,
  body: Uint8Array,
): Promise<string> {
  return signed(secret, `${timestamp}\n${nonce}\n${method.toUpperCase()}\n${path}\n`, body);
}

/** The edge signs each answer over the request's nonce, its status and its body: a party
 * between the API and the edge cannot say "paid" in its place. */
export function responseSignature(
  secret: string,
  nonce: string,
  status: number,
  body: Uint8Array,
): Promise<string> {
  return signed(secret, `${nonce}\n${status}\n`, body);
}

/** Equal strings, in time that depends on their lengths only (`hmac.compare_digest`). */
export function sameText(expected: string, given: string): boolean {
  const a = encoder.encode(expected);
  const b = encoder.encode(given);
  if (a.byteLength !== b.byteLength) {
    crypto.subtle.timingSafeEqual(a, a);
    return false;
  }
  return crypto.subtle.timingSafeEqual(a, b);
}

export interface SignedRequest {
  method: string;
  path: string; // as sent: percent-encoded, without the query
  headers: Headers;
  body: Uint8Array;
}

/**
 * Why the request is refused, or null when it is signed, fresh and new. Checked in this
 * order, the nonce last: only a well-signed request is remembered.
 */
export async function refusal(
  secret: string,
  request: SignedRequest,
  claim: NonceClaim,
  nowSeconds: number,
): Promise<Refusal | null> {
  const timestamp = request.headers.get(TIMESTAMP) ?? "";
  const nonce = request.headers.get(NONCE) ?? "";
  const given = request.headers.get(SIGNATURE) ?? "";
  const plain = ASCII.test(timestamp) && ASCII.test(nonce) && ASCII.test(given);
  if (!(
    plain &&
    DIGITS.test(timestamp) &&
    timestamp.length <= 12 &&
    nonce.length >= 16 &&
    nonce.length <= 64 &&
    given.length > 0 &&
    given.length <= 128
  )) {
    return "unsigned";
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > WINDOW) return "stale";
  const { method, path, body } = request;
  const expected = await requestSignature(secret, timestamp, nonce, method, path, body);
  if (!sameText(expected, given)) return "bad signature";
  return (await claim(nonce)) ? null : "replayed";
}
