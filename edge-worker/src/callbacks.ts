/**
 * QPay's callbacks passed on to the API (src/entrypoints/payment_edge/forward.py), for a
 * deployment whose API QPay cannot reach.
 *
 * The API then makes its invoices with callback URLs on this Worker
 * (`INKSLOT_PAYMENT_CALLBACK_BASE_URL=https://<worker host>/v1/callbacks`), and the Worker
 * passes each callback on to the API's own callback endpoint (the `API_CALLBACK_URL`
 * variable), the invoice number in the path and the query as QPay sent it. The API believes
 * nothing a callback says (it asks QPay, through the edge, what was paid), so the Worker
 * adds no signature; it only refuses what cannot be a callback of ours, so that it never
 * relays anything else:
 *
 * - the number: 1 to 32 ASCII letters and digits (an invoice number, `INK7K3M9Q02`);
 * - the query: at most `MAX_QUERY` bytes of printable ASCII.
 *
 * The query (it holds the invoice's callback token) is never logged.
 */

export const CALLBACKS = "/v1/callbacks/";
export const MAX_QUERY = 1024;
export const TIMEOUT_MS = 10_000;

const NUMBER = /^[A-Za-z0-9]{1,32}$/;

/** Whether a callback for `number` with `query` (raw, without its "?") is ours to pass on. */
export function forwardable(number: string, query: string): boolean {
  if (!NUMBER.test(number) || query.length > MAX_QUERY) return false;
  for (let i = 0; i < query.length; i++) {
    const code = query.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/**
 * Passes the callback on (`forwardable` first): `GET <apiCallbackUrl>/<number>?<query>`,
 * no redirect followed, at most `TIMEOUT_MS`. True when the API took it (200).
 */
export async function forwardCallback(
  apiCallbackUrl: string,
  number: string,
  query: string,
): Promise<boolean> {
  const target = `${apiCallbackUrl}/${number}` + (query === "" ? "" : `?${query}`);
  let answer: Response;
  try {
    answer = await fetch(target, {
      method: "GET",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (failed) {
    // The error's name only: its message may quote the URL, and so the token.
    const kind = failed instanceof Error ? failed.name : typeof failed;
    console.warn(`could not pass on the callback of ${number}: ${kind}`);
    return false;
  }
  await answer.body?.cancel().catch(() => undefined); // the API's text is not needed
  if (answer.status !== 200) {
    console.warn(`the API answered the callback of ${number} with ${answer.status}`);
    return false;
  }
  return true;
}
