/**
 * One HTTP exchange with QPay's merchant API v2 and what its answer means: a JSON object
 * (and its text, kept as evidence), a refusal with QPay's error key, a 401, or
 * "unavailable". Tokens, the client secret and the Basic header are never logged.
 */

import { EdgeError, notFound, providerError, unavailable } from "./errors";
import { field, isObject, parseJson, truthy, type JsonObject, type JsonValue } from "./json";

export const TIMEOUT_MS = 15_000;

const NOT_FOUND = new Set(["INVOICE_NOTFOUND", "PAYMENT_NOTFOUND", "QRCODE_NOTFOUND"]);
const MISCONFIGURED = new Set([
  "AUTHENTICATION_FAILED",
  "PERMISSION_DENIED",
  "MERCHANT_NOTFOUND",
  "MERCHANT_INACTIVE",
  "INVOICE_CODE_INVALID",
]);
const AMOUNT = new Set(["INVALID_AMOUNT", "MIN_AMOUNT_ERR", "MAX_AMOUNT_ERR"]);

/** A 401: the token is no good (expired early, revoked). */
export class UnauthorizedError extends Error {
  constructor() {
    super("QPay refused the token");
    this.name = "UnauthorizedError";
  }
}

/** QPay answered with an error key (translated by the caller, or by `error()`). */
export class RefusedError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
  ) {
    super(key);
    this.name = "RefusedError";
  }

  error(): EdgeError {
    if (this.status === 422 || NOT_FOUND.has(this.key)) return notFound();
    if (AMOUNT.has(this.key)) {
      return new EdgeError("deposit_not_payable", "QPay refuses this amount.");
    }
    if (this.key === "PAYMENT_NOT_PAID") return new EdgeError("nothing_to_refund");
    if (this.status >= 500 || this.key === "SYSTEM_BUSY") return unavailable();
    if (MISCONFIGURED.has(this.key)) return unavailable("QPay refused our credentials.");
    return providerError();
  }
}

export interface Answer {
  data: JsonObject;
  raw: string;
}

export interface Exchange {
  method: string;
  path: string;
  authorization: string;
  body?: JsonObject;
}

/** One request to QPay; its answer as `answerOf` reads it. */
export async function exchange(baseUrl: string, call: Exchange): Promise<Answer> {
  const headers: Record<string, string> = { authorization: call.authorization };
  const init: RequestInit = {
    method: call.method,
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
  if (call.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(call.body);
  }
  let status: number;
  let raw: string;
  try {
    const response = await fetch(baseUrl + call.path, init);
    status = response.status;
    raw = await response.text();
  } catch (failed) {
    const kind = failed instanceof Error ? failed.name : typeof failed;
    console.warn(`QPay ${call.method} ${call.path} failed: ${kind}`);
    throw unavailable();
  }
  return answerOf(status, raw, call.method, call.path);
}

/**
 * The JSON object of a 2xx answer and its text; errors thrown as `RefusedError` (or
 * `UnauthorizedError`, or unavailable when the answer is not what QPay sends).
 */
export function answerOf(status: number, raw: string, method: string, path: string): Answer {
  if (status === 401) throw new UnauthorizedError();
  let parsed: JsonValue | undefined = {};
  if (raw.trim() !== "") {
    try {
      parsed = parseJson(raw);
    } catch {
      parsed = undefined;
    }
  }
  if (status >= 200 && status < 300) {
    if (!isObject(parsed)) {
      console.warn(`QPay ${method} ${path} answered ${status} without JSON`);
      throw unavailable();
    }
    return { data: parsed, raw };
  }
  const key = errorKey(parsed);
  if (status >= 500 && (key === "" || key === "INTERNAL_ERROR" || key === "SYSTEM_BUSY")) {
    console.warn(`QPay ${method} ${path}: ${status} ${key || "no key"}`);
    throw unavailable();
  }
  if (key === "" && status !== 422) {
    console.error(`QPay ${method} ${path}: ${status} ${raw.slice(0, 500)}`);
  }
  throw new RefusedError(status, key || `HTTP_${status}`);
}

/** `{"error": "KEY", "message": ...}`; `error` may be a nested object of field errors (then
 * the key is `VALIDATION_ERROR`). */
export function errorKey(parsed: JsonValue | undefined): string {
  if (!isObject(parsed)) return "";
  const error = Object.hasOwn(parsed, "error")
    ? field(parsed, "error")
    : field(parsed, "error_code");
  if (typeof error === "string") return error;
  return truthy(error) ? "VALIDATION_ERROR" : "";
}
