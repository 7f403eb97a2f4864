/**
 * A payment's time as the Python edge writes it: QPay's `payment_date` read by
 * `datetime.fromisoformat` (with a trailing `Z` as UTC) and written back by `isoformat()`,
 * keeping its own offset, or none. Calendar dates, extended (`2026-03-02T04:12:09.512Z`) or
 * basic (`20260302T041209Z`); anything else is no time at all.
 */

interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micro: number;
  offsetMicros: number | null; // null: a naive time
}

const DATE_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_BASIC = /^(\d{4})(\d{2})(\d{2})$/;
const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;

/** The ISO text of `isoformat()` for the time QPay wrote, or null when it is not one. */
export function isoTimeOf(text: string): string | null {
  const parsed = parse(text.replaceAll("Z", "+00:00"));
  return parsed === null ? null : format(parsed);
}

function parse(text: string): Parsed | null {
  if (text.length < 7) return null;
  const basic = text[4] !== "-";
  const dateLength = basic ? 8 : 10;
  const date = (basic ? DATE_BASIC : DATE_EXTENDED).exec(text.slice(0, dateLength));
  if (date === null) return null;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const rest = text.slice(dateLength + 1);
  if (text.length > dateLength && rest === "") return null; // a separator and nothing after it
  if (rest === "") {
    return { year, month, day, hour: 0, minute: 0, second: 0, micro: 0, offsetMicros: null };
  }
  const time = parseTime(rest);
  return time === null ? null : { year, month, day, ...time };
}

function parseTime(text: string): Omit<Parsed, "year" | "month" | "day"> | null {
  const signAt = firstSign(text);
  const clock = hhmmssff(signAt < 0 ? text : text.slice(0, signAt));
  if (clock === null) return null;
  const [hour, minute, second, micro] = clock;
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (signAt < 0) return { hour, minute, second, micro, offsetMicros: null };
  const zone = text.slice(signAt + 1);
  if ([0, 1, 3].includes(zone.length)) return null;
  const parts = hhmmssff(zone);
  if (parts === null) return null;
  const [zh, zm, zs, zf] = parts;
  const magnitude = ((zh * 60 + zm) * 60 + zs) * MICROS_PER_SECOND + zf;
  if (magnitude >= MICROS_PER_DAY) return null;
  const offsetMicros = text[signAt] === "-" ? -magnitude : magnitude;
  return { hour, minute, second, micro, offsetMicros };
}

/** Where the offset starts: the first "-", else the first "+" (as Python looks for them). */
function firstSign(text: string): number {
  const minus = text.indexOf("-");
  return minus >= 0 ? minus : text.indexOf("+");
}

/** `HH[:?MM[:?SS[{.,}fff[fff]]]]`: hours, minutes, seconds, microseconds. */
function hhmmssff(text: string): [number, number, number, number] | null {
  const comps = [0, 0, 0, 0];
  let pos = 0;
  let separated = false;
  for (let comp = 0; comp < 3; comp++) {
    const pair = text.slice(pos, pos + 2);
    if (!/^\d{2}$/.test(pair)) return null;
    comps[comp] = Number(pair);
    pos += 2;
    const next = text.slice(pos, pos + 1);
    if (comp === 0) separated = next === ":";
    if (next === "" || comp >= 2) break;
    if (separated && next !== ":") return null;
    if (separated) pos += 1;
  }
  if (pos < text.length) {
    if (text[pos] !== "." && text[pos] !== ",") return null;
    const digits = text.slice(pos + 1);
    if (!/^\d+$/.test(digits)) return null;
    comps[3] = Number(digits.slice(0, 6).padEnd(6, "0"));
  }
  return [comps[0] ?? 0, comps[1] ?? 0, comps[2] ?? 0, comps[3] ?? 0];
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const two = (n: number): string => String(n).padStart(2, "0");

function format(t: Parsed): string {
  const date = `${String(t.year).padStart(4, "0")}-${two(t.month)}-${two(t.day)}`;
  let text = `${date}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
  if (t.micro !== 0) text += `.${String(t.micro).padStart(6, "0")}`;
  if (t.offsetMicros === null) return text;
  const sign = t.offsetMicros < 0 ? "-" : "+";
  const magnitude = Math.abs(t.offsetMicros);
  const seconds = Math.floor(magnitude / MICROS_PER_SECOND);
  const micro = magnitude % MICROS_PER_SECOND;
  text += `${sign}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}`;
  if (seconds % 60 !== 0 || micro !== 0) {
    text += `:${two(seconds % 60)}`;
    if (micro !== 0) text += `.${String(micro).padStart(6, "0")}`;
  }
  return text;
}
