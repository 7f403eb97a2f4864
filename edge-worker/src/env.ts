import type { NonceLedger } from "./nonces";
import type { QPayTokenKeeper } from "./keeper";

/**
 * The Worker's bindings: five secrets (wrangler secret put), one optional variable (vars in
 * wrangler.jsonc) and two Durable Objects.
 */
export interface Env {
  EDGE_SECRET?: string;
  QPAY_BASE_URL?: string;
  QPAY_CLIENT_ID?: string;
  QPAY_CLIENT_SECRET?: string;
  QPAY_INVOICE_CODE?: string;
  // The API's callback endpoint (<API>/api/v1/payments/callback): set, the Worker passes
  // QPay's callbacks on to it (callbacks.ts); unset or empty, it has no callback route.
  API_CALLBACK_URL?: string;
  NONCES: DurableObjectNamespace<NonceLedger>;
  QPAY_TOKENS: DurableObjectNamespace<QPayTokenKeeper>;
}

export interface QPayCredentials {
  baseUrl: string; // https://merchant.qpay.mn or https://merchant-sandbox.qpay.mn
  clientId: string;
  clientSecret: string;
  invoiceCode: string;
}

export interface Config {
  edgeSecret: string;
  qpay: QPayCredentials;
  apiCallbackUrl: string | null; // no trailing "/"; null: no callback route
}

export const MIN_SECRET_LENGTH = 32;

/** The settings, or what is wrong with them (names only: never a value). */
export function configOf(env: Env): Config | { problems: string[] } {
  const problems: string[] = [];
  const required = {
    EDGE_SECRET: env.EDGE_SECRET,
    QPAY_BASE_URL: env.QPAY_BASE_URL,
    QPAY_CLIENT_ID: env.QPAY_CLIENT_ID,
    QPAY_CLIENT_SECRET: env.QPAY_CLIENT_SECRET,
    QPAY_INVOICE_CODE: env.QPAY_INVOICE_CODE,
  };
  for (const [name, value] of Object.entries(required)) {
    if (typeof value !== "string" || value === "") problems.push(`${name} is not set`);
  }
  const secret = env.EDGE_SECRET ?? "";
  if (secret !== "" && secret.length < MIN_SECRET_LENGTH) {
    problems.push(`EDGE_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const base = env.QPAY_BASE_URL ?? "";
  if (base !== "" && !/^https?:\/\/[^/]/.test(base)) {
    problems.push("QPAY_BASE_URL must be an http(s) URL");
  }
  // Read as the Python edge reads INKSLOT_PAYMENT_EDGE_FORWARD_URL (entrypoints/settings.py).
  const forward: unknown = env.API_CALLBACK_URL;
  const callbacks = typeof forward === "string" ? forward.trim().replace(/\/+$/, "") : "";
  if (forward !== undefined && forward !== "" && !/^https?:\/\/[^?# \r\n]*$/.test(callbacks)) {
    problems.push("API_CALLBACK_URL must be an http(s) URL without a query");
  }
  if (problems.length > 0) return { problems };
  return {
    edgeSecret: secret,
    qpay: {
      baseUrl: base.replace(/\/+$/, ""),
      clientId: env.QPAY_CLIENT_ID ?? "",
      clientSecret: env.QPAY_CLIENT_SECRET ?? "",
      invoiceCode: env.QPAY_INVOICE_CODE ?? "",
    },
    apiCallbackUrl: callbacks === "" ? null : callbacks,
  };
}
