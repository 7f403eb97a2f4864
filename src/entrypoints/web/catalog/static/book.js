// The booking page's script: free slots in the visitor's time zone, signing in (by Telegram
// too, opened as a Mini App), booking, the deposit's QR code, and the visitor's booking
// (cancel, reschedule). What it shares
// with the other pages (the API, the tab's session, the sign-in forms, problems, the
// deposit) is common.js's, which the page loads first.
"use strict";
(() => {
  const { API, store, data, T, zone, $, say, call, status, fail } = window.Inkslot;
  const { session, wireSignIn, signInWithTelegram, dayKey, dates, whenText, slotList } = window.Inkslot;
  const { isOpen, statusText, holdText, showFacts, offerDeposit, wireCheckPayment } = window.Inkslot;
  const { askFirst, cancelAfterAsking, mayMove } = window.Inkslot;
  // The booking made here, so a reload shows it again (while the tab stays signed in).
  const KEY_BOOKING = "inkslot.booking." + data.artistId;

  const state = {
    month: null, // Date of the month's first day (local)
    byDay: new Map(), // "YYYY-MM-DD" (local) -> slots
    day: null,
    slot: null,
    rescheduling: false,
    countedView: false,
    booking: null,
    invoice: null,
  };

  // --- words the template leaves to the script (common.js fills in the [data-text] ones) --
  $("zone-note").textContent = say(T.timesIn, { zone });

  // --- the month calendar ---------------------------------------------------------------
  function serviceId() {
    const checked = document.querySelector('input[name="service"]:checked');
    return checked ? checked.value : null;
  }

  function weekdays() {
    const row = $("weekdays");
    row.textContent = "";
    const monday = new Date(2024, 0, 1); // a Monday
    for (let i = 0; i < 7; i++) {
      const d = new Date(monday.getFullYear(), 0, 1 + i);
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = dates.shortWeekday(d);
      row.appendChild(th);
    }
  }

  async function loadMonth() {
    const service = serviceId();
    const first = state.month;
    const next = new Date(first.getFullYear(), first.getMonth() + 1, 1);
    $("month-title").textContent = dates.monthYear(first);
    state.byDay = new Map();
    renderDays(true);
    if (!service) return;
    const now = new Date();
    let from = (first > now ? first : now).toISOString();
    const to = next.toISOString();
    try {
      while (from && new Date(from) < next) {
        const query = new URLSearchParams({ serviceId: service, from, to, limit: "1000" });
        const page = await call("GET", `/artists/${data.artistId}/slots?${query}`);
        for (const slot of page.items) {
          const key = dayKey(new Date(slot.start));
          if (!state.byDay.has(key)) state.byDay.set(key, []);
          state.byDay.get(key).push(slot);
        }
        from = page.nextFrom;
      }
    } catch (error) {
      fail(error);
    }
    renderDays(false);
    if (state.day) showDay(state.day); // the day shown before, with its times as they are now
    else if (!state.byDay.size) await offerNextFreeDay(service, first, next);
  }

  // A month with no free day: the next free day after it, asked of the slots endpoint (one
  // start, limit=1) over at most NEXT_FREE_WINDOWS of its 62-day ranges, offered as a button
  // that opens that day; or word that nothing is free that far ahead.
  const NEXT_FREE_WINDOWS = 2;
  const WINDOW_DAYS = 62;

  async function nextFreeStart(service, from) {
    for (let i = 0; i < NEXT_FREE_WINDOWS; i++) {
      const to = new Date(from.getTime() + WINDOW_DAYS * 86400000);
      const query = new URLSearchParams({ serviceId: service, from: from.toISOString(), to: to.toISOString(), limit: "1" });
      const page = await call("GET", `/artists/${data.artistId}/slots?${query}`);
      if (page.items.length) return page.items[0].start;
      from = to;
    }
    return null;
  }

  async function offerNextFreeDay(service, first, next) {
    let start;
    try {
      start = await nextFreeStart(service, next);
    } catch (error) {
      return fail(error);
    }
    if (state.month !== first || state.day) return; // the visitor moved on meanwhile
    const box = $("slots");
    box.textContent = "";
    const note = document.createElement("p");
    note.textContent = start ? T.noFreeDayThisMonth : T.noFreeDaySoon;
    box.appendChild(note);
    if (!start) return;
    const day = new Date(start);
    const button = document.createElement("button");
    button.type = "button";
    button.id = "next-free-day";
    button.textContent = say(T.nextFreeDay, { date: dates.fullDate(day) });
    button.addEventListener("click", () => {
      state.month = new Date(day.getFullYear(), day.getMonth(), 1);
      state.day = dayKey(day);
      loadMonth().then(() => {
        const chosen = document.querySelector(`button.day[data-day="${state.day}"]`);
        if (chosen) chosen.focus();
      });
    });
    box.appendChild(button);
  }

  function renderDays(loading) {
    const body = $("days");
    body.textContent = "";
    body.setAttribute("aria-busy", loading ? "true" : "false");
    const first = state.month;
    const offset = (first.getDay() + 6) % 7; // Monday first
    const count = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
    let row = document.createElement("tr");
    for (let i = 0; i < offset; i++) row.appendChild(document.createElement("td"));
    for (let day = 1; day <= count; day++) {
      const date = new Date(first.getFullYear(), first.getMonth(), day);
      const key = dayKey(date);
      const cell = document.createElement("td");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "day";
      button.textContent = String(day);
      button.dataset.day = key;
      const free = state.byDay.get(key) || [];
      button.disabled = loading || free.length === 0;
      button.setAttribute("aria-label", dates.fullDate(date));
      if (key === state.day) button.setAttribute("aria-pressed", "true");
      button.addEventListener("click", () => showDay(key));
      cell.appendChild(button);
      row.appendChild(cell);
      if ((offset + day) % 7 === 0) {
        body.appendChild(row);
        row = document.createElement("tr");
      }
    }
    if (row.children.length) body.appendChild(row);
    rove();
    if (loading) $("slots").textContent = T.loading;
    else if (!state.day) $("slots").textContent = T.pickDay;
  }

  // The days are one Tab stop (a roving tabindex, as in a date grid): the day shown, else
  // the first free day, takes the Tab; the arrow keys move between free days (left and
  // right a day, up and down a week, Home and End the month's first and last), and Enter
  // or Space shows the day's times. Tab from a day goes on to its times.
  const freeDays = () => [...document.querySelectorAll("button.day:not([disabled])")];

  function rove(to) {
    const days = freeDays();
    const target = to || days.find((b) => b.dataset.day === state.day) || days[0];
    document.querySelectorAll("button.day").forEach((b) => (b.tabIndex = b === target ? 0 : -1));
    return target;
  }

  const dayNumber = (button) => Number(button.dataset.day.slice(8));

  function dayAfterKey(key, from, days) {
    const n = dayNumber(from);
    const after = (d) => days.find((b) => dayNumber(b) >= d);
    const before = (d) => [...days].reverse().find((b) => dayNumber(b) <= d);
    switch (key) {
      case "ArrowRight": return after(n + 1);
      case "ArrowLeft": return before(n - 1);
      case "ArrowDown": return after(n + 7);
      case "ArrowUp": return before(n - 7);
      case "Home": return days[0];
      case "End": return days[days.length - 1];
      default: return undefined;
    }
  }

  $("days").addEventListener("keydown", (event) => {
    const from = event.target.closest("button.day");
    if (!from) return;
    const to = dayAfterKey(event.key, from, freeDays());
    if (to === undefined) return;
    event.preventDefault(); // the arrows move between days, not the page
    if (to) rove(to).focus();
  });

  function showDay(key) {
    state.day = key;
    rove();
    document.querySelectorAll("button.day").forEach((b) => {
      b.setAttribute("aria-pressed", b.dataset.day === key ? "true" : "false");
    });
    const box = $("slots");
    box.textContent = "";
    const free = state.byDay.get(key) || [];
    const title = document.createElement("h3");
    const [y, m, d] = key.split("-").map(Number);
    title.textContent = say(T.slotsOn, {
      date: dates.fullDate(new Date(y, m - 1, d)),
    });
    box.appendChild(title);
    if (!free.length) {
      box.appendChild(document.createTextNode(T.noSlots));
      return;
    }
    box.appendChild(slotList(free, pickSlot));
    countSlotView();
  }

  function countSlotView() {
    if (state.countedView) return;
    state.countedView = true;
    fetch(`${API}/booking-links/${encodeURIComponent(data.token)}/slot-views`, {
      method: "POST",
      credentials: "omit",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ visit: data.visit }),
    }).catch(() => {});
  }

  function pickSlot(slot, button) {
    state.slot = slot;
    document.querySelectorAll("button.slot").forEach((b) => b.setAttribute("aria-pressed", b === button ? "true" : "false"));
    if (state.rescheduling) {
      $("move-here").hidden = false;
      $("move-here").focus();
      return;
    }
    $("chosen").textContent = say(T.chosen, { when: whenText(slot.start) });
    showAccount();
  }

  // --- signing in (the forms and the tab's session are common.js's) --------------------
  function showAccount() {
    const token = session.token();
    $("account").hidden = !state.slot && !token;
    $("sign-in").hidden = Boolean(token);
    $("signed-in").hidden = !token;
    $("who").textContent = token ? say(T.signedInAs, { name: session.name() }) : "";
    $("confirm").hidden = !(token && state.slot && !state.rescheduling);
    if (!token && state.slot) status(T.signInFirst);
    else status("");
  }

  // A sign-out, or the API refusing a stale token: the page asks to sign in again.
  session.whenEnded(showAccount);
  $("sign-out").addEventListener("click", () => session.end());

  wireSignIn((how) => {
    showAccount();
    // The sign-in forms are gone now: the focus moves on rather than dropping to the body.
    // After a texted code, to the notes (the code was typed a moment ago); after email and
    // password, to the next step's heading, read out; with no time chosen yet, to the line
    // saying who is signed in.
    if ($("confirm").hidden) $("who").focus();
    else if (how === "phone") $("notes").focus();
    else $("confirm-title").focus();
  });
  // Opened as a Telegram Mini App: signed in by Telegram, no form to fill.
  signInWithTelegram(showAccount);

  // --- booking, the deposit and the visitor's booking -----------------------------------
  $("book-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!state.slot) return;
    const button = $("book-button");
    button.disabled = true;
    status(T.booking);
    try {
      const body = {
        artistId: data.artistId,
        serviceId: serviceId(),
        start: state.slot.start,
        notes: $("notes").value,
        bookingLink: data.token,
      };
      const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      const booking = await call("POST", "/bookings", body, { "Idempotency-Key": key });
      store.setItem(KEY_BOOKING, booking.id);
      $("confirm").hidden = true;
      $("account").hidden = true;
      await showBooking(booking);
      $("mine-title").focus(); // the booking made, read out from its heading
      state.slot = null;
      await loadMonth();
    } catch (error) {
      fail(error);
    } finally {
      button.disabled = false;
    }
  });

  async function showBooking(booking) {
    state.booking = booking;
    $("mine").hidden = false;
    const facts = [say(T.booked, { reference: booking.reference }), whenText(booking.start), statusText(booking)];
    const hold = holdText(booking, data.artistZone);
    if (hold) facts.push(hold);
    showFacts(facts);
    $("cancel").hidden = !isOpen(booking);
    $("reschedule").hidden = !isOpen(booking);
    state.invoice = await offerDeposit(booking);
    status("");
  }

  wireCheckPayment(state, showBooking);

  $("cancel").addEventListener("click", async () => {
    if (!state.booking) return;
    try {
      const booking = await cancelAfterAsking(state.booking, "Cancelled on the booking page");
      if (!booking) return;
      await showBooking(booking);
      status(T.cancelled);
      await loadMonth();
    } catch (error) {
      fail(error);
    }
  });

  $("reschedule").addEventListener("click", async () => {
    if (!state.booking) return;
    try {
      if (!(await mayMove(state.booking))) return;
    } catch (error) {
      return fail(error);
    }
    state.rescheduling = true;
    state.slot = null;
    status(T.rescheduleHint);
    $("day-title").scrollIntoView();
    const firstDay = document.querySelector("button.day:not([disabled])");
    if (firstDay) firstDay.focus();
  });

  $("move-here").addEventListener("click", async () => {
    if (!state.booking || !state.slot) return;
    const question = say(T.askMove, { when: whenText(state.slot.start) });
    if (!(await askFirst(question, T.moveYes, $("move-here")))) return;
    try {
      const booking = await call("POST", `/bookings/${state.booking.id}/reschedule`, { start: state.slot.start });
      state.rescheduling = false;
      $("move-here").hidden = true;
      await showBooking(booking);
      status(say(T.moved, { when: whenText(booking.start) }));
      state.slot = null;
      await loadMonth();
    } catch (error) {
      fail(error);
    }
  });

  // --- start ----------------------------------------------------------------------------
  $("prev-month").addEventListener("click", () => {
    const now = new Date();
    const previous = new Date(state.month.getFullYear(), state.month.getMonth() - 1, 1);
    if (previous >= new Date(now.getFullYear(), now.getMonth(), 1)) {
      state.month = previous;
      state.day = null;
      loadMonth();
    }
  });
  $("next-month").addEventListener("click", () => {
    state.month = new Date(state.month.getFullYear(), state.month.getMonth() + 1, 1);
    state.day = null;
    loadMonth();
  });
  document.querySelectorAll('input[name="service"]').forEach((input) =>
    input.addEventListener("change", () => {
      state.day = null;
      state.slot = null;
      loadMonth();
    }),
  );

  const today = new Date();
  state.month = new Date(today.getFullYear(), today.getMonth(), 1);
  weekdays();
  loadMonth();
  showAccount();
  const earlier = store.getItem(KEY_BOOKING);
  if (earlier && session.token()) {
    call("GET", `/bookings/${earlier}`).then(showBooking).catch(() => store.removeItem(KEY_BOOKING));
  }
  // Shown in the overlay of the artist's own site (embed.js): Escape here closes it too (the
  // keys pressed in this frame never reach that page). The message says nothing else.
  if (window.parent !== window) {
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !event.defaultPrevented) window.parent.postMessage("inkslot:close", "*");
    });
  }
})();
