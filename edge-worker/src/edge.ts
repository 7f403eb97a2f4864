/**
 * The edge's HTTP surface (src/entrypoints/payment_edge/app.py):
 *
 *     POST /v1/invoices                  {number, amount, description, callbackUrl}
 *     POST /v1/invoices/{id}/check       {}
 *     POST /v1/invoices/{id}/cancel      {}
 *     GET  /v1/payments/{id}
 *     POST /v1/payments/{id}/refund      {note}
 *     GET  /health                       (unsigned: is the Worker up)
 *     GET|POST /v1/callbacks/{number}    (unsigned: QPay's callback, passed on to the API
 *                                        when API_CALLBACK_URL is set; callbacks.ts)
 *
 * Every other request is verified first (401 `unauthorised`, and nothing reaches QPay,
 * when it is unsigned, stale, badly signed or replayed); every answer is JSON signed over
 * the request's nonce, its status and its body.
 */

import { CALLBACKS, forwardable, forwardCallback } from "./callbacks";
import { configOf, type Config, type Env } from "./env";
import { EdgeError, ERROR_STATUS, MalformedError, NoRouteError } from "./errors";
import { dumps, field, isObject, parseJson, type JsonObject, type JsonValue } from "./json";
import { TokenSource } from "./keeper";
import { moneyOfRequest } from "./money";
import { NONCE_LEDGER_NAME } from "./nonces";
import { QPayGateway } from "./qpay";
import { NONCE, refusal, responseSignature, SIGNATURE, type NonceClaim } from "./wire";

export const MAX_BODY = 16 * 1024;

type Outcome = [status: number, answer: JsonValue];

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export async function handle(request: Request, env: Env): Promise<Response> {
  const config = configOf(env);
  if ("problems" in config) {
    // Nothing to sign with, or nothing to reach QPay with: the Python edge would not start.
    console.error(`the payment edge is misconfigured: ${config.problems.join("; ")}`);
    return answer(503, { error: "payment_provider_unavailable" }, {});
  }
  if (config.apiCallbackUrl !== null) {
    const url = new URL(request.url);
    const path = unquote(url.pathname);
    if (path.startsWith(CALLBACKS)) {
      const number = path.slice(CALLBACKS.length);
      return callback(request, number, url.search.slice(1), config.apiCallbackUrl);
    }
  }
  const [status, body] = await outcome(request, env, config);
  const raw = encoder.encode(dumps(body));
  const nonce = (request.headers.get(NONCE) ?? "").slice(0, 64);
  const signature = await responseSignature(config.edgeSecret, nonce, status, raw);
  return answer(status, raw, { [SIGNATURE]: signature });
}

/** QPay's callback, passed on to the API: `SUCCESS` once the API took it; never signed. */
async function callback(
  request: Request,
  number: string,
  query: string,
  apiCallbackUrl: string,
): Promise<Response> {
  let status: number, text: string;
  const method = request.method;
  if ((method !== "GET" && method !== "POST") || (await readBody(request, MAX_BODY)) === null) {
    [status, text] = [405, "FAILED"];
  } else if (!forwardable(number, query)) {
    [status, text] = [404, "FAILED"];
  } else if (await forwardCallback(apiCallbackUrl, number, query)) {
    [status, text] = [200, "SUCCESS"];
  } else {
    [status, text] = [502, "FAILED"];
  }
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function answer(
  status: number,
  body: JsonValue | Uint8Array,
  headers: Record<string, string>,
): Response {
  const raw = body instanceof Uint8Array ? body : encoder.encode(dumps(body));
  return new Response(raw, {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

async function outcome(request: Request, env: Env, config: Config): Promise<Outcome> {
  const url = new URL(request.url);
  const method = request.method;
  const path = unquote(url.pathname);
  if (method === "GET" && path === "/health") return [200, { status: "ok" }];
  const claim: NonceClaim = (nonce) =>
    env.NONCES.get(env.NONCES.idFromName(NONCE_LEDGER_NAME)).claim(nonce);
  try {
    const body = await readBody(request, MAX_BODY);
    if (body === null) return [413, { error: "too_large" }];
    const signed = { method, path: url.pathname, headers: request.headers, body };
    const refused = await refusal(config.edgeSecret, signed, claim, Date.now() / 1000);
    if (refused !== null) {
      console.warn(`refused a request to ${method} ${path}: ${refused}`);
      return [401, { error: "unauthorised" }];
    }
    const data = bodyObject(body);
    const gateway = new QPayGateway(config.qpay, TokenSource.of(env, config.qpay));
    return [200, await route(gateway, method, path.replace(/^\/+|\/+$/g, "").split("/"), data)];
  } catch (failed) {
    if (failed instanceof EdgeError) return [ERROR_STATUS[failed.code], { error: failed.code }];
    if (failed instanceof NoRouteError) return [404, { error: "no_such_operation" }];
    if (failed instanceof MalformedError) return [400, { error: "malformed" }];
    console.error(`the payment edge failed on ${method} ${path}: ${describe(failed)}`);
    return [503, { error: "payment_provider_unavailable" }];
  }
}

async function route(
  gateway: QPayGateway,
  method: string,
  parts: string[],
  data: JsonObject,
): Promise<JsonValue> {
  const [v1, kind, id, action, ...more] = parts;
  if (v1 === "v1" && more.length === 0) {
    if (method === "POST" && kind === "invoices" && id === undefined) {
      return gateway.createInvoice({
        number: text(data, "number"),
        amount: moneyOfRequest(field(data, "amount")),
        description: text(data, "description"),
        callbackUrl: text(data, "callbackUrl"),
      });
    }
    if (method === "POST" && kind === "invoices" && id !== undefined && action === "check") {
      return gateway.checkPayments(id);
    }
    if (method === "POST" && kind === "invoices" && id !== undefined && action === "cancel") {
      return { outcome: await gateway.cancelInvoice(id) };
    }
    if (method === "GET" && kind === "payments" && id !== undefined && action === undefined) {
      return gateway.getPayment(id);
    }
    if (method === "POST" && kind === "payments" && id !== undefined && action === "refund") {
      const note = field(data, "note");
      if (note !== undefined && typeof note !== "string") {
        throw new MalformedError("note is not text");
      }
      return { outcome: await gateway.refundPayment(id, note ?? "") };
    }
  }
  throw new NoRouteError();
}

/** The body's JSON object (an empty body is `{}`). */
function bodyObject(body: Uint8Array): JsonObject {
  if (body.byteLength === 0) return {};
  let data: JsonValue;
  try {
    data = parseJson(strictUtf8.decode(body));
  } catch {
    throw new MalformedError("the body is not JSON in UTF-8");
  }
  if (!isObject(data)) throw new MalformedError("the body is not an object");
  return data;
}

function text(data: JsonObject, key: string): string {
  const value = field(data, key);
  if (typeof value !== "string") throw new MalformedError(`${key} is not text`);
  return value;
}

/** The body, or null when it is longer than `limit` bytes. */
async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) return null;
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The path as the Python edge routes it (`urllib.parse.unquote`): each run of %XX escapes
 * decoded as UTF-8 with U+FFFD for bad bytes; a "%" not followed by two hex digits kept.
 */
export function unquote(path: string): string {
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(3 * i + 1, 3 * i + 3), 16);
    return new TextDecoder("utf-8").decode(bytes);
  });
}

function describe(failed: unknown): string {
  return failed instanceof Error ? `${failed.name}: ${failed.message}` : String(failed);
}
