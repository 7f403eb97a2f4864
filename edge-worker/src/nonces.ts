import { DurableObject } from "cloudflare:workers";

import type { Env } from "./env";
import { WINDOW } from "./wire";

/** The one ledger of nonces, whichever isolate or colo a request lands on. */
export const NONCE_LEDGER_NAME = "nonces";
const REMEMBER_SECONDS = 2 * WINDOW;

/**
 * The nonces of signed requests seen within the window, shared by every isolate of the
 * Worker (one instance, by name). Kept in the object's SQLite storage, so neither an
 * eviction nor a restart forgets them; each entry is dropped once it has been kept
 * 2 × WINDOW, by then its timestamp is stale anyway. Each claim runs without an await, so
 * claims are atomic: of two concurrent requests with one nonce, exactly one gets through.
 */
export class NonceLedger extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(
      `CREATE TABLE IF NOT EXISTS nonces (
         nonce TEXT PRIMARY KEY,
         forget_at REAL NOT NULL
       ) WITHOUT ROWID`,
    );
    this.sql.exec("CREATE INDEX IF NOT EXISTS nonces_forget_at ON nonces (forget_at)");
  }

  /** True the first time a nonce is seen within the window; false for a replay. */
  claim(nonce: string): boolean {
    const now = Date.now() / 1000;
    this.sql.exec("DELETE FROM nonces WHERE forget_at <= ?", now);
    const seen = this.sql.exec("SELECT 1 AS seen FROM nonces WHERE nonce = ?", nonce).toArray();
    if (seen.length > 0) return false;
    this.sql.exec(
      "INSERT INTO nonces (nonce, forget_at) VALUES (?, ?)",
      nonce,
      now + REMEMBER_SECONDS,
    );
    return true;
  }
}
