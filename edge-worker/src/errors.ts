/**
 * The edge's errors as stable codes and statuses (`ERRORS` in edge_wire.py): the API maps
 * each code back to the domain's error; any other answer is "unavailable" to it.
 */

export const ERROR_STATUS = {
  payment_not_found: 404,
  deposit_not_payable: 422,
  nothing_to_refund: 409,
  conflict: 409,
  payment_provider_error: 502,
  payment_provider_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A domain error of the gateway, answered as `{"error": code}` with its status. */
export class EdgeError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = "EdgeError";
  }
}

/** The request's body or path does not say what the operation needs: 400 `malformed`. */
export class MalformedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "MalformedError";
  }
}

/** No operation at this method and path: 404 `no_such_operation`. */
export class NoRouteError extends Error {
  constructor() {
    super("no such operation");
    this.name = "NoRouteError";
  }
}

export function unavailable(detail?: string): EdgeError {
  return new EdgeError("payment_provider_unavailable", detail);
}

export function providerError(detail?: string): EdgeError {
  return new EdgeError("payment_provider_error", detail);
}

export function notFound(detail?: string): EdgeError {
  return new EdgeError("payment_not_found", detail);
}
