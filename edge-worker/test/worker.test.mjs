// The Worker's own tests (`npm test`): the built Worker (dist/worker.js) served offline by
// Miniflare through scripts/serve.mjs, as the Python contract suites serve it, with a fake
// QPay and a fake API on this machine's loopback. The full contract (every operation,
// signed both ways) runs from tests/contract/payments; these need only node and npm ci.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A loopback HTTP server answering `answer`, remembering every request it was sent. */
async function fakeServer(answer) {
  const seen = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    request.on("end", () => answer(request, response));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, seen, url: `http://127.0.0.1:${server.address().port}` };
}

/** scripts/serve.mjs with `env`; resolves to the Worker's URL once it answers. */
async function serveWorker(env) {
  const child = spawn(process.execPath, ["scripts/serve.mjs", "--until-stdin-closes"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  for await (const chunk of child.stdout) {
    out += chunk;
    if (out.includes("\n")) break;
  }
  assert.match(out, /^http:\/\//, "the Worker did not start");
  return { child, url: out.trim() };
}

let qpay, api, worker;

before(async () => {
  qpay = await fakeServer((_, response) => response.writeHead(500).end());
  api = await fakeServer((_, response) => response.writeHead(200).end("SUCCESS"));
  worker = await serveWorker({
    EDGE_SECRET: "e".repeat(40),
    QPAY_BASE_URL: qpay.url,
    QPAY_CLIENT_ID: "client",
    QPAY_CLIENT_SECRET: "secret",
    QPAY_INVOICE_CODE: "INKSLOT_INVOICE",
    API_CALLBACK_URL: `${api.url}/api/v1/payments/qpay/callback`,
  });
});

after(() => {
  worker?.child.stdin.end();
  worker?.child.kill("SIGTERM");
  qpay?.server.close();
  api?.server.close();
});

test("GET /health answers unsigned, with a signed answer", async () => {
  const answer = await fetch(`${worker.url}/health`);
  assert.equal(answer.status, 200);
  assert.deepEqual(await answer.json(), { status: "ok" });
  assert.match(answer.headers.get("x-inkslot-signature") ?? "", /./);
});

test("an unsigned request is refused and never reaches QPay", async () => {
  const answer = await fetch(`${worker.url}/v1/invoices`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ number: "INK1", amount: "1000", description: "x", callbackUrl: "" }),
  });
  assert.equal(answer.status, 401);
  assert.deepEqual(await answer.json(), { error: "unauthorised" });
  assert.deepEqual(qpay.seen, []);
});

test("QPay's callback is passed on to the API, its query untouched", async () => {
  const answer = await fetch(`${worker.url}/v1/callbacks/INK42?payment_id=77`);
  assert.equal(answer.status, 200);
  assert.equal(await answer.text(), "SUCCESS");
  assert.deepEqual(api.seen, ["GET /api/v1/payments/qpay/callback/INK42?payment_id=77"]);
});

test("a callback for a number that is not one is refused without reaching the API", async () => {
  const before = api.seen.length;
  const answer = await fetch(`${worker.url}/v1/callbacks/not-a-number!`);
  assert.equal(answer.status, 404);
  assert.equal(await answer.text(), "FAILED");
  assert.equal(api.seen.length, before);
});
