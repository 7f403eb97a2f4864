/**
 * QPay's access token: read from `/v2/auth/token` (Basic auth) or `/v2/auth/refresh` (the
 * refresh token as Bearer), renewed 60 s before the time in `expires_in` (an absolute Unix
 * time, or seconds from now when small), refreshed once while the refresh token is valid,
 * else a new login.
 */

import type { QPayCredentials } from "./env";
import { EdgeError, unavailable } from "./errors";
import { field, type JsonObject, type JsonValue } from "./json";
import { exchange, RefusedError, UnauthorizedError } from "./qpay-http";

export const RENEW_EARLY_MS = 60_000;
const RELATIVE_BELOW = 1_000_000_000; // a smaller expires_in is seconds from now
const MAX_DATE_MS = 8.64e15;

export interface ProviderToken {
  access: string;
  accessExpiresAt: number; // ms since the epoch
  refresh: string;
  refreshExpiresAt: number;
  refreshUsed: boolean;
}

/** What an isolate keeps: the access token and when to stop using it. */
export interface TokenGrant {
  access: string;
  renewAfter: number; // ms since the epoch
}

export function usable(token: ProviderToken, now: number): boolean {
  return now < token.accessExpiresAt - RENEW_EARLY_MS;
}

export function refreshable(token: ProviderToken, now: number): boolean {
  return !token.refreshUsed && now < token.refreshExpiresAt - RENEW_EARLY_MS;
}

export function grantOf(token: ProviderToken): TokenGrant {
  return { access: token.access, renewAfter: token.accessExpiresAt - RENEW_EARLY_MS };
}

/** A new token: refreshed once while the refresh token is valid; after any failure of
 * that (or without one), a new login. Throws unavailable when QPay gives none. */
export async function renew(
  creds: QPayCredentials,
  current: ProviderToken | null,
  now: number,
): Promise<ProviderToken> {
  if (current !== null && refreshable(current, now)) {
    try {
      const renewed = tokenOf(
        await auth(creds, "/v2/auth/refresh", `Bearer ${current.refresh}`),
        now,
      );
      // The same refresh token back: it is spent now.
      return renewed.refresh === current.refresh ? { ...renewed, refreshUsed: true } : renewed;
    } catch (failed) {
      const unavailableNow =
        failed instanceof EdgeError && failed.code === "payment_provider_unavailable";
      if (!(unavailableNow || failed instanceof UnauthorizedError)) throw failed;
      console.info("QPay token refresh failed; logging in again");
    }
  }
  const basic = `Basic ${base64(`${creds.clientId}:${creds.clientSecret}`)}`;
  try {
    return tokenOf(await auth(creds, "/v2/auth/token", basic), now);
  } catch (failed) {
    if (!(failed instanceof UnauthorizedError)) throw failed;
    console.error("QPay refused the merchant credentials");
    throw unavailable();
  }
}

async function auth(
  creds: QPayCredentials,
  path: string,
  authorization: string,
): Promise<JsonObject> {
  try {
    return (await exchange(creds.baseUrl, { method: "POST", path, authorization })).data;
  } catch (failed) {
    if (!(failed instanceof RefusedError)) throw failed;
    // Whatever the key or status: no token, so unavailable.
    console.error(`QPay refused to issue a token (${failed.key})`);
    throw unavailable();
  }
}

export function tokenOf(answer: JsonObject, now: number): ProviderToken {
  const access = field(answer, "access_token");
  const expiresIn = field(answer, "expires_in");
  const refresh = field(answer, "refresh_token");
  if (typeof access !== "string" || expiresIn === undefined) {
    throw unavailable("QPay's token answer lacks the access token or its expiry");
  }
  return {
    access,
    accessExpiresAt: expiry(expiresIn, now),
    refresh: typeof refresh === "string" ? refresh : "",
    refreshExpiresAt: expiry(field(answer, "refresh_expires_in") ?? 0, now),
    refreshUsed: false,
  };
}

/** Python's `int(value)` of a JSON number, integer string or boolean, as a time. */
function expiry(value: JsonValue, now: number): number {
  let seconds: number;
  if (typeof value === "number" && Number.isFinite(value)) seconds = Math.trunc(value);
  else if (typeof value === "bigint") seconds = Number(value);
  else if (typeof value === "boolean") seconds = value ? 1 : 0;
  else if (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value))
    seconds = Number(value.trim());
  else throw unavailable("QPay's token expiry is not a number");
  const at = seconds < RELATIVE_BELOW ? now + seconds * 1000 : seconds * 1000;
  if (!Number.isFinite(at) || Math.abs(at) > MAX_DATE_MS) {
    throw unavailable("QPay's token expiry is out of range");
  }
  return at;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""));
}
