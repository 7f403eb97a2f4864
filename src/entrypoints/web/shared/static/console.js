// The console's live day: while a day's page is open, its bookings' events (the API's
// event stream, opened with a one-minute ticket the console gives its own session) make the
// list read itself again, without a reload; a polite live region says so. Without script,
// or when the stream cannot open, the page is as the server rendered it.
"use strict";

(() => {
  const data = JSON.parse(document.getElementById("live-data")?.textContent || "null");
  const status = document.getElementById("live");
  if (!data || !status || !window.EventSource) return;
  let retry = 1000;

  async function ticket() {
    const answer = await fetch("/console/ticket", { credentials: "same-origin", cache: "no-store" });
    if (answer.status === 401) {
      window.location.reload(); // the session ended: the page sends to the sign-in
      return null;
    }
    return answer.ok ? (await answer.json()).ticket : null;
  }

  async function refresh() {
    const answer = await fetch(window.location.href, { credentials: "same-origin", cache: "no-store" });
    if (!answer.ok) return;
    const page = new DOMParser().parseFromString(await answer.text(), "text/html");
    const fresh = page.getElementById("day-list");
    const shown = document.getElementById("day-list");
    if (!fresh || !shown) return;
    // Keep the focus where it was when the list is replaced under it.
    const focused = document.activeElement?.id;
    shown.replaceWith(fresh);
    if (focused) document.getElementById(focused)?.focus();
    status.textContent = data.updated;
  }

  async function open() {
    const issued = await ticket().catch(() => null);
    if (!issued) {
      setTimeout(open, Math.min((retry *= 2), 60000));
      return;
    }
    const source = new EventSource("/api/v1/events/stream?ticket=" + encodeURIComponent(issued));
    source.addEventListener("open", () => { retry = 1000; });
    for (const type of data.events) source.addEventListener(type, () => { refresh(); });
    source.addEventListener("error", () => {
      source.close(); // its ticket is spent: the next one is asked for
      setTimeout(open, Math.min((retry *= 2), 60000));
    });
  }

  open();
})();
