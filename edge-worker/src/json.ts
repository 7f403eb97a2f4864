/**
 * JSON as the Python edge reads and writes it.
 *
 * Reading: integer literals beyond 2^53 stay exact (as bigint), as Python's ints do, so a
 * long numeric id from QPay is never rounded. Writing: `dumps` is Python's `json.dumps`
 * with its defaults (`", "` and `": "` separators, non-ASCII escaped), so the Worker's
 * answers are byte for byte the Python edge's.
 */

export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

interface ParseContext {
  source?: string;
}

const INTEGER_LITERAL = /^-?\d+$/;

function keepLongIntegers(_key: string, value: unknown, context?: ParseContext): unknown {
  if (
    typeof value === "number" &&
    !Number.isSafeInteger(value) &&
    context?.source !== undefined &&
    INTEGER_LITERAL.test(context.source)
  ) {
    return BigInt(context.source);
  }
  return value;
}

/** The JSON text's value; throws SyntaxError when it is not JSON. */
export function parseJson(text: string): JsonValue {
  return JSON.parse(
    text,
    keepLongIntegers as (key: string, value: unknown) => unknown,
  ) as JsonValue;
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `obj.get(key)`: own keys only (never a property of Object.prototype). */
export function field(obj: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Python's truthiness of a JSON value (`[]` and `{}` are false there). */
export function truthy(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value).length > 0;
}

/** Python's `json.dumps(value)` with its default settings. */
export function dumps(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("JSON has no infinities");
    return String(value);
  }
  if (typeof value === "string") return asciiString(value);
  if (Array.isArray(value)) return `[${value.map(dumps).join(", ")}]`;
  const members = Object.entries(value).map(([k, v]) => `${asciiString(k)}: ${dumps(v)}`);
  return `{${members.join(", ")}}`;
}

function asciiString(text: string): string {
  // JSON.stringify escapes what Python escapes below U+0080, in the same way (\n, \u001f,
  // lone surrogates); Python also escapes DEL and everything above, one \uXXXX per UTF-16
  // unit.
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
