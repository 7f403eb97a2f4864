import { DurableObject } from "cloudflare:workers";

import { configOf, type Env, type QPayCredentials } from "./env";
import { EdgeError, unavailable } from "./errors";
import { grantOf, renew, usable, type ProviderToken, type TokenGrant } from "./token";

const STORED = "token";

/**
 * The QPay access token of the whole Worker (the Python edge's `ProviderTokenStore`): one
 * object per merchant, so every isolate uses one token and renewals happen one at a time,
 * never two logins or two uses of one refresh token at once. The token is kept in the
 * object's storage, so an eviction does not cost a login.
 */
export class QPayTokenKeeper extends DurableObject<Env> {
  private token: ProviderToken | null | undefined; // undefined: not read from storage yet
  private tail: Promise<void> = Promise.resolve();

  /**
   * A usable token. `refused`: the access token QPay just answered 401 to, which is never
   * handed out again (a new login, since its refresh token is suspect too). Null when QPay
   * gives none (it is away, or refuses the credentials).
   */
  async grant(refused: string | null): Promise<TokenGrant | null> {
    return this.oneAtATime(async () => {
      const config = configOf(this.env);
      if ("problems" in config) {
        console.error(`the payment edge is misconfigured: ${config.problems.join("; ")}`);
        return null;
      }
      const now = Date.now();
      const shared = await this.current();
      const stale = refused !== null && shared !== null && shared.access === refused;
      if (shared !== null && usable(shared, now) && !stale) return grantOf(shared);
      try {
        const token = await renew(config.qpay, stale ? null : shared, now);
        await this.save(token);
        return grantOf(token);
      } catch (failed) {
        const unavailableNow =
          failed instanceof EdgeError && failed.code === "payment_provider_unavailable";
        if (unavailableNow) return null;
        throw failed;
      }
    });
  }

  private async current(): Promise<ProviderToken | null> {
    if (this.token === undefined) {
      this.token = (await this.ctx.storage.get<ProviderToken>(STORED)) ?? null;
    }
    return this.token;
  }

  private async save(token: ProviderToken): Promise<void> {
    await this.ctx.storage.put(STORED, token);
    this.token = token;
  }

  /** Runs each renewal after the previous one (the object answers others meanwhile). */
  private async oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release = (): void => {};
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** The keeper of one merchant's token. */
export function keeperName(creds: QPayCredentials): string {
  return `qpay-token ${creds.baseUrl} ${creds.clientId}`;
}

/** What this isolate holds, by keeper name: a grant it uses until its renewal time. */
const grants = new Map<string, TokenGrant>();

/**
 * The access token for one request: the isolate's grant while it is good, else one from
 * the keeper (also when QPay refused the one just used).
 */
export class TokenSource {
  constructor(
    private readonly keeper: DurableObjectStub<QPayTokenKeeper>,
    private readonly name: string,
  ) {}

  static of(env: Env, creds: QPayCredentials): TokenSource {
    const name = keeperName(creds);
    return new TokenSource(env.QPAY_TOKENS.get(env.QPAY_TOKENS.idFromName(name)), name);
  }

  async access(refused: string | null = null): Promise<string> {
    const held = grants.get(this.name);
    if (refused === null && held !== undefined && Date.now() < held.renewAfter) return held.access;
    let grant: TokenGrant | null;
    try {
      grant = await this.keeper.grant(refused);
    } catch (failed) {
      console.error(
        `the QPay token keeper failed: ${failed instanceof Error ? failed.message : String(failed)}`,
      );
      throw unavailable();
    }
    if (grant === null) {
      grants.delete(this.name);
      throw unavailable();
    }
    grants.set(this.name, grant);
    return grant.access;
  }
}
