#!/usr/bin/env node
// Serves the built Worker (dist/worker.js, `npm run build`) offline with Miniflare, as the
// test suites use it: the compatibility date, the Durable Objects and the names of the
// secrets come from wrangler.jsonc; each secret's value from this process's environment.
// The optional variable API_CALLBACK_URL (QPay's callbacks passed on to the API) is bound
// too when the environment sets it; the "vars" of wrangler.jsonc are not read.
//
//   EDGE_SECRET=... QPAY_BASE_URL=http://127.0.0.1:8001 QPAY_CLIENT_ID=... \
//   QPAY_CLIENT_SECRET=... QPAY_INVOICE_CODE=... [API_CALLBACK_URL=...] \
//   node scripts/serve.mjs [options]
//
//   --script PATH          the bundled Worker (default: dist/worker.js)
//   --host HOST            default 127.0.0.1
//   --port PORT            default 0: a free port
//   --isolates N           N copies of the Worker, each its own isolate on its own port,
//                          sharing the Durable Objects as on Cloudflare (default 1)
//   --until-stdin-closes   stop when standard input ends (a parent that dies stops it)
//
// Prints the Worker's URL (with --isolates, each copy's URL, space-separated) on one line
// of standard output once it answers, and nothing else there (the Worker's own logs go to
// standard error). Stops on SIGTERM or SIGINT, and with --until-stdin-closes when its
// standard input ends.

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { Miniflare } from "miniflare";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OPTIONAL_VARS = ["API_CALLBACK_URL"]; // bound only when the environment sets them

/** wrangler.jsonc as JSON: its comments dropped, strings left alone. */
function readJsonc(path) {
  const text = readFileSync(path, "utf8");
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out);
}

/** The Miniflare options: copy 0 holds the Durable Objects, the others reach them. */
function options(config, args) {
  const sqlite = new Set(config.migrations.flatMap((m) => m.new_sqlite_classes ?? []));
  const names = config.secrets?.required ?? [];
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`set ${missing.join(", ")} in the environment`);
  }
  const bound = [...names, ...OPTIONAL_VARS.filter((name) => process.env[name] !== undefined)];
  const isolates = Number(args.isolates);
  if (!Number.isInteger(isolates) || isolates < 1) throw new Error("--isolates must be 1 or more");
  const workers = Array.from({ length: isolates }, (_, n) => ({
    name: workerName(n),
    modules: true,
    scriptPath: resolve(root, args.script),
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags ?? [],
    durableObjects: Object.fromEntries(
      config.durable_objects.bindings.map((b) => [
        b.name,
        n === 0
          ? { className: b.class_name, useSQLite: sqlite.has(b.class_name) }
          : { className: b.class_name, scriptName: workerName(0) },
      ]),
    ),
    bindings: Object.fromEntries(bound.map((name) => [name, process.env[name]])),
    ...(n === 0 ? {} : { unsafeDirectSockets: [{ host: args.host, port: 0 }] }),
  }));
  return {
    host: args.host,
    port: Number(args.port),
    workers,
    handleRuntimeStdio(stdout, stderr) {
      stdout.pipe(process.stderr);
      stderr.pipe(process.stderr);
    },
  };
}

function workerName(n) {
  return `edge-${n}`;
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      script: { type: "string", default: "dist/worker.js" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "0" },
      isolates: { type: "string", default: "1" },
      "until-stdin-closes": { type: "boolean", default: false },
    },
  });
  const config = readJsonc(resolve(root, "wrangler.jsonc"));
  const mf = new Miniflare(options(config, args));
  const urls = [await mf.ready];
  for (let n = 1; n < Number(args.isolates); n++) {
    urls.push(await mf.unsafeGetDirectURL(workerName(n)));
  }
  process.stdout.write(`${urls.map((url) => url.origin).join(" ")}\n`);

  // SIGTERM and SIGINT: Miniflare's own exit hook stops workerd and exits (128 + signal).
  if (args["until-stdin-closes"]) {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await mf.dispose();
      process.exit(0);
    };
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.resume();
  }
}

main().catch((failed) => {
  process.stderr.write(`serve.mjs: ${failed instanceof Error ? failed.message : failed}\n`);
  process.exit(2);
});
