/**
 * QPay's payment rows as the port's payments, in the edge's JSON (`payment_json`,
 * `check_json` in edge_wire.py).
 */

import { EdgeError, providerError } from "./errors";
import { isoTimeOf } from "./isodate";
import { field, truthy, type JsonObject, type JsonValue } from "./json";
import { minorOf, moneyJson, type Money } from "./money";

export const PAYMENT_STATES = ["NEW", "FAILED", "PAID", "PARTIAL", "REFUNDED"] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export interface PaymentJson {
  [key: string]: JsonValue;
  paymentId: string;
  state: PaymentState;
  amount: { amount: number; currency: string };
  method: "p2p" | "card";
  invoiceId: string | null;
  paidAt: string | null;
}

const UNKNOWN_CURRENCY = "XXX";

function isState(value: JsonValue | undefined): value is PaymentState {
  return typeof value === "string" && (PAYMENT_STATES as readonly string[]).includes(value);
}

/**
 * A scalar QPay sends as text (an id) as Python's `str()` writes it; a list or an object
 * where QPay documents a scalar is a provider error.
 */
export function textOf(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (value === null) return "None";
  throw providerError("QPay sent a structure where it documents a scalar");
}

/**
 * One payment row. Only a `PAID` row must be whole: a row of another status with an odd
 * amount or currency is kept as zero of an unknown currency rather than failing the check
 * (and with it the PAID rows beside it). A currency other than MNT, or none, is never read
 * as MNT.
 */
export function paymentOf(row: JsonObject, invoiceId: string | null): PaymentJson {
  const status = field(row, "payment_status");
  const state: PaymentState = isState(status) ? status : "FAILED"; // never counts as paid
  const rawCurrency = field(row, "payment_currency");
  const currency =
    typeof rawCurrency === "string" && /^[A-Za-z]{3}$/.test(rawCurrency)
      ? rawCurrency.toUpperCase()
      : UNKNOWN_CURRENCY;
  const kindValue = [field(row, "payment_type"), field(row, "transaction_type")].find(truthy);
  const kind = kindValue === undefined ? "P2P" : textOf(kindValue).toUpperCase();
  const date = field(row, "payment_date");
  const paidAt = typeof date === "string" ? isoTimeOf(date) : null;
  let amount: Money;
  try {
    amount = minorOf(field(row, "payment_amount") ?? 0, currency);
  } catch (failed) {
    if (state === "PAID" || !(failed instanceof EdgeError)) throw failed;
    amount = { amount: 0, currency: UNKNOWN_CURRENCY };
  }
  const idValue = field(row, "payment_id");
  const paymentId = truthy(idValue) && idValue !== undefined ? textOf(idValue) : "";
  if (state === "PAID" && paymentId === "") {
    console.error(`QPay reported a PAID payment without an id on invoice ${invoiceId}`);
    throw providerError();
  }
  return {
    paymentId,
    state,
    amount: moneyJson(amount),
    method: kind === "CARD" ? "card" : "p2p",
    invoiceId,
    paidAt,
  };
}
