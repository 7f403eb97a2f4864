/**
 * The five gateway operations over QPay's merchant API v2 (src/adapters/payments/qpay.py),
 * answering the edge's JSON. Any 401 drops the token, logs in again and retries once.
 * Every documented error key is translated; nothing from QPay leaves this module except
 * the `raw` text kept as evidence.
 */

import type { QPayCredentials } from "./env";
import { notFound, unavailable } from "./errors";
import { field, isObject, truthy, type JsonObject } from "./json";
import { CURRENCY, minorOf, moneyJson, providerAmount, type Money } from "./money";
import { paymentOf, textOf, type PaymentJson } from "./payments";
import { exchange, RefusedError, UnauthorizedError, type Answer } from "./qpay-http";

export interface InvoiceRequest {
  number: string;
  amount: Money;
  description: string;
  callbackUrl: string;
}

export type CancelOutcome = "cancelled" | "already_paid";
export type RefundOutcome = "refunded" | "manual_settlement";

/** Where the access token comes from: `refused` is the one QPay just answered 401 to. */
export interface Tokens {
  access(refused?: string | null): Promise<string>;
}

const ALREADY_CANCELLED = new Set(["INVOICE_ALREADY_CANCELED", "PAYMENT_ALREADY_CANCELED"]);
const NOTE_LIMIT = 255;

export class QPayGateway {
  constructor(
    private readonly creds: QPayCredentials,
    private readonly tokens: Tokens,
  ) {}

  async createInvoice(request: InvoiceRequest): Promise<JsonObject> {
    const body = {
      invoice_code: this.creds.invoiceCode,
      sender_invoice_no: request.number,
      invoice_receiver_code: "terminal",
      invoice_description: request.description,
      amount: providerAmount(request.amount),
      callback_url: request.callbackUrl,
    };
    const { data, raw } = await this.call("POST", "/v2/invoice", body);
    const urls = field(data, "urls");
    const links = truthy(urls)
      ? urls
      : truthy(field(data, "qPay_deeplink"))
        ? field(data, "qPay_deeplink")
        : [];
    const invoice = {
      invoiceId: required(data, "invoice_id"),
      qrText: required(data, "qr_text"),
      qrImage: required(data, "qr_image"),
      shortUrl: optionalText(data, "qPay_shortUrl"),
      raw,
      deepLinks: (Array.isArray(links) ? links : []).filter(isObject).map((link) => ({
        name: optionalText(link, "name"),
        description: optionalText(link, "description"),
        logo: optionalText(link, "logo"),
        link: optionalText(link, "link"),
      })),
    };
    return invoice;
  }

  async checkPayments(invoiceId: string): Promise<JsonObject> {
    const body = {
      object_type: "INVOICE",
      object_id: invoiceId,
      offset: { page_number: 1, page_limit: 100 },
    };
    const { data, raw } = await this.call("POST", "/v2/payment/check", body);
    const rows = field(data, "rows");
    const payments: PaymentJson[] = (Array.isArray(rows) ? rows : [])
      .filter(isObject)
      .map((row) => paymentOf(row, invoiceId));
    const paid = field(data, "paid_amount");
    const total = minorOf(truthy(paid) && paid !== undefined ? paid : 0, CURRENCY);
    return { invoiceId, payments, paidTotal: moneyJson(total), raw };
  }

  async getPayment(paymentId: string): Promise<PaymentJson> {
    const { data } = await this.call("GET", `/v2/payment/${segment(paymentId)}`);
    const objectId = field(data, "object_id");
    const invoiceId = truthy(objectId) && objectId !== undefined ? textOf(objectId) : null;
    return paymentOf(data, invoiceId);
  }

  async cancelInvoice(invoiceId: string): Promise<CancelOutcome> {
    try {
      await this.call("DELETE", `/v2/invoice/${segment(invoiceId)}`, undefined, false);
    } catch (failed) {
      if (!(failed instanceof RefusedError)) throw failed;
      if (failed.key === "INVOICE_PAID") return "already_paid";
      if (ALREADY_CANCELLED.has(failed.key)) return "cancelled";
      throw failed.error();
    }
    return "cancelled";
  }

  async refundPayment(paymentId: string, note: string): Promise<RefundOutcome> {
    const path = `/v2/payment/refund/${segment(paymentId)}`;
    const body = { note: Array.from(note).slice(0, NOTE_LIMIT).join("") };
    try {
      await this.call("DELETE", path, body, false);
    } catch (failed) {
      if (!(failed instanceof RefusedError)) throw failed;
      if (failed.key === "PAYMENT_SETTLED") return "manual_settlement";
      if (ALREADY_CANCELLED.has(failed.key)) return "refunded";
      throw failed.error();
    }
    return "refunded";
  }

  /**
   * One call with the current token; after a 401 one more with a fresh login. Error keys
   * become the edge's errors unless the caller handles some (`translate` false).
   */
  private async call(
    method: string,
    path: string,
    body?: JsonObject,
    translate = true,
  ): Promise<Answer> {
    let refused: string | null = null;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const bearer = await this.tokens.access(refused);
      try {
        const call = body === undefined ? { method, path } : { method, path, body };
        return await exchange(this.creds.baseUrl, { ...call, authorization: `Bearer ${bearer}` });
      } catch (failed) {
        if (failed instanceof RefusedError) throw translate ? failed.error() : failed;
        if (!(failed instanceof UnauthorizedError)) throw failed;
        console.warn(`QPay refused the token on ${method} ${path}; logging in again`);
        refused = bearer;
      }
    }
    console.error("QPay refused a fresh token: check the merchant credentials");
    throw unavailable();
  }
}

function required(answer: JsonObject, key: string): string {
  const value = field(answer, key);
  if (typeof value !== "string" || value === "") {
    console.warn(`QPay's answer lacks ${key}`);
    throw unavailable();
  }
  return value;
}

/** `str(answer.get(key, ""))` for the texts QPay may leave out. */
function optionalText(answer: JsonObject, key: string): string {
  const value = field(answer, key);
  return value === undefined ? "" : textOf(value);
}

/** An id as one path segment (ids are opaque: digits, UUIDs; nothing else passes). */
function segment(identifier: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(identifier)) throw notFound();
  return identifier;
}
