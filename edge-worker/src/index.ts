/**
 * Inkslot's payment edge as a Cloudflare Worker: the one place that holds the QPay
 * merchant credentials, serving the API the payment gateway's operations over signed
 * requests (the contract of src/entrypoints/payment_edge in the repository's root).
 */

import { handle } from "./edge";
import type { Env } from "./env";

export { QPayTokenKeeper } from "./keeper";
export { NonceLedger } from "./nonces";

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    return handle(request, env);
  },
} satisfies ExportedHandler<Env>;
