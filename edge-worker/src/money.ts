/**
 * Money as the edge's wire carries it: `{"amount": <integer minor units>, "currency": "MNT"}`.
 * QPay speaks whole tögrög; ours are möngö (1/100): nothing is ever rounded.
 */

import { EdgeError, MalformedError, providerError, unavailable } from "./errors";
import { field, isObject, type JsonValue } from "./json";

export const CURRENCY = "MNT";
export const MINOR = 100;

export interface Money {
  amount: number; // minor units, a safe integer >= 0
  currency: string; // three upper-case ASCII letters
}

const DECIMAL = /^\s*([+-]?)(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*)?)?(?:[eE]([+-]?\d+(?:_\d+)*))?\s*$/;
const MAX_EXPONENT = 40; // 10^40 möngö is far beyond any amount Money can hold here
const CODE = /^[A-Z]{3}$/;

/**
 * A QPay amount (a number or a decimal string of tögrög) as minor units; a fractional,
 * negative or unreadable one is a provider error, never rounded.
 */
export function minorOf(value: JsonValue, currency: string): Money {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
  else if (typeof value === "bigint") text = value.toString();
  else throw providerError("QPay's amount is not a number");
  const parts = DECIMAL.exec(text);
  const whole = parts?.[2]?.replaceAll("_", "") ?? "";
  const fraction = parts?.[3]?.replaceAll("_", "") ?? "";
  if (parts === null || whole + fraction === "") {
    throw providerError("QPay's amount is not a number");
  }
  const exponent = Number(parts[4]?.replaceAll("_", "") ?? "0");
  let digits = BigInt(whole + fraction);
  if (digits === 0n) return { amount: 0, currency };
  if (parts[1] === "-") throw providerError("QPay's amount is negative");
  // value = digits × 10^(exponent − fraction.length); minor = value × 100 = digits × 10^scale.
  let scale = exponent - fraction.length + 2;
  while (scale < 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale += 1;
  }
  if (scale < 0) throw providerError("QPay's amount has a fraction of a möngö");
  if (scale > MAX_EXPONENT) throw providerError("QPay's amount is out of range");
  const minor = digits * 10n ** BigInt(scale);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw providerError("QPay's amount is out of range");
  return { amount: Number(minor), currency };
}

/** `{"amount": ..., "currency": ...}` of a request: Python's `money_of` and `Money`. */
export function moneyOfRequest(value: JsonValue | undefined): Money {
  if (!isObject(value)) throw new MalformedError("amount is not an object");
  const amount = field(value, "amount");
  if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
    throw new MalformedError("amount.amount is not an integer");
  }
  const currency = field(value, "currency");
  if (currency === undefined) throw new MalformedError("amount.currency is missing");
  // An amount or code Money refuses is a domain error the Python edge answers as 503.
  if (amount < 0 || typeof currency !== "string" || !CODE.test(currency)) {
    throw unavailable("not an amount of minor units with an ISO currency");
  }
  return { amount, currency };
}

/** The deposit in whole tögrög, as QPay takes it; anything else is refused before any call. */
export function providerAmount(deposit: Money): number {
  if (deposit.currency !== CURRENCY || deposit.amount % MINOR !== 0) {
    throw new EdgeError(
      "deposit_not_payable",
      `Deposits are paid in whole ${CURRENCY} through QPay; this one is ` +
        `${deposit.amount} ${deposit.currency} (minor units).`,
    );
  }
  return deposit.amount / MINOR;
}

export function moneyJson(money: Money): { amount: number; currency: string } {
  return { amount: money.amount, currency: money.currency };
}
