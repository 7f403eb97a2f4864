// The console's live day: while a day's page is open, its bookings' events (the API's
// event stream, opened with a one-minute ticket the console gives its own session) make the
// list read itself again, without a reload; a polite live region says so when it changed.
// The list is read once more whenever the stream (re)opens: what happened while it was not
// listening came with no event. The live region's data-stream says whether it listens
// ("open", "closed"). Without script, or when the stream cannot open, the page is as the
// server rendered it.
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

  // The focused link or button of the list, as a selector its fresh copy answers to
  // (its address or its label: the list's buttons carry their booking's name and time).
  function keyOf(element) {
    if (!element || !document.getElementById("day-list")?.contains(element)) return null;
    const href = element.getAttribute("href");
    const label = element.getAttribute("aria-label");
    if (href) return `${element.localName}[href="${CSS.escape(href)}"]`;
    if (label) return `${element.localName}[aria-label="${CSS.escape(label)}"]`;
    return null;
  }

  async function read() {
    const answer = await fetch(window.location.href, { credentials: "same-origin", cache: "no-store" });
    if (!answer.ok) return;
    const page = new DOMParser().parseFromString(await answer.text(), "text/html");
    const fresh = page.getElementById("day-list");
    const shown = document.getElementById("day-list");
    if (!fresh || !shown) return; // signed out meanwhile: the next ticket reloads the page
    if (fresh.innerHTML === shown.innerHTML) return;
    // Keep the focus where it was when the list is replaced under it.
    const focused = keyOf(document.activeElement);
    shown.replaceWith(fresh);
    if (focused) fresh.querySelector(focused)?.focus();
    status.textContent = data.updated;
  }

  // One reading of the list at a time, in order; the events that come while one is under
  // way ask for one more after it, together.
  let reading = Promise.resolve();
  let queued = false;

  function refresh() {
    if (!queued) {
      queued = true;
      reading = reading.then(() => { queued = false; return read(); }).catch(() => {});
    }
    return reading;
  }

  async function open() {
    const issued = await ticket().catch(() => null);
    if (!issued) {
      setTimeout(open, Math.min((retry *= 2), 60000));
      return;
    }
    const source = new EventSource("/api/v1/events/stream?ticket=" + encodeURIComponent(issued));
    source.addEventListener("open", () => {
      retry = 1000;
      // What changed before the stream listened (since the page was drawn, or while it
      // was away) comes with no event: the list is read once now.
      refresh().then(() => {
        if (source.readyState === EventSource.OPEN) status.dataset.stream = "open";
      });
    });
    for (const type of data.events) source.addEventListener(type, () => { refresh(); });
    source.addEventListener("error", () => {
      source.close(); // its ticket is spent: the next one is asked for
      status.dataset.stream = "closed";
      setTimeout(open, Math.min((retry *= 2), 60000));
    });
  }

  open();
})();
