// A tattoo request's own page (/requests/{id}, the link in its notifications): sign in if
// this tab has not, then the request as the API shows it to this account (its details, its
// reference pictures, whose turn it is), its thread of messages, and the steps its party may
// take: a message while it is open or accepted; the artist accepts or declines it with a
// message while it is open; the customer withdraws it while it is open. Once it is accepted:
// its quotes (the artist sends one, or a revision, while no quote is accepted; the customer
// accepts the live one with a first session picked from the artist's free starts), then its
// project (progress, sessions, the deposit; the customer books the next session from the
// starts that keep the healing gap). Admins read only.
// Anyone else's request is the API's 404, shown as "not found" and nothing more.
"use strict";
(() => {
  const { data, T, zone, $, say, call, status, fail, signedInPage, dates, whenText } = window.Inkslot;
  const state = { request: null, role: null, quotes: [], project: null };
  const AHEAD_DAYS = 60; // how far the session pickers look
  const PAGE_SIZE = 100;

  // Everything the page shows: the request, its thread, its quotes and its project (the
  // accepted quote names it).
  async function readAll() {
    const [seen, messages, quotes] = await Promise.all([
      call("GET", `/requests/${data.requestId}`),
      thread(),
      call("GET", `/requests/${data.requestId}/quotes`),
    ]);
    const accepted = quotes.items.find((q) => q.projectId);
    const project = accepted ? await call("GET", `/projects/${accepted.projectId}`) : null;
    return { seen, messages, quotes: quotes.items, project };
  }

  async function read() {
    const all = await readAll();
    $("loading").hidden = true;
    show(all);
  }

  // The whole thread, oldest first (at most 500 messages: five pages).
  async function thread() {
    const items = [];
    for (let page = 1; ; page += 1) {
      const got = await call("GET", `/requests/${data.requestId}/messages?page=${page}&pageSize=${PAGE_SIZE}`);
      items.push(...got.items);
      if (!got.items.length || items.length >= got.total) return items;
    }
  }

  async function reload() {
    show(await readAll());
  }

  // --- the request's facts -----------------------------------------------------------------
  const money = (amount, currency) =>
    currency + " " + (amount / 100).toLocaleString(window.Inkslot.intlLang, { maximumFractionDigits: 2 });

  function localDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return dates.fullDate(new Date(y, m - 1, d));
  }

  function statusText(request) {
    const key = { open: "statusOpen", accepted: "statusAccepted", declined: "statusDeclined", withdrawn: "statusWithdrawn" }[
      request.status
    ];
    return key ? T[key] : say(T.statusOther, { status: request.status });
  }

  function turnText(request) {
    if (request.turn === state.role) return T.turnYours;
    return request.turn === "artist" ? T.turnArtist : T.turnCustomer;
  }

  const isLive = (request) => request.status === "open" || request.status === "accepted";

  function showFacts(request) {
    const placement = [T["area." + request.placement.area] || request.placement.area, request.placement.text]
      .filter(Boolean)
      .join(": ");
    const rows = [
      [T.status, statusText(request)],
      [T.idea, request.idea],
      [T.placement, placement],
      [T.size, say(T.sizeCm, { size: request.sizeCm })],
      [T.colour, request.colour === "colour" ? T.colourColour : T.colourBlackAndGrey],
      [
        T.budget,
        say(T.budgetRange, {
          min: money(request.budget.min, request.budget.currency),
          max: money(request.budget.max, request.budget.currency),
        }),
      ],
      [T.preferredDates, request.preferredDates.length ? request.preferredDates.map(localDate).join("\n") : T.noDates],
      [T.firstTattoo, request.firstTattoo ? T.yes : T.no],
    ];
    if (isLive(request)) rows.push([T.turn, turnText(request)]);
    const list = $("request-facts");
    list.textContent = "";
    for (const [term, value] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      list.append(dt, dd);
    }
  }

  // An image's small variant, linked to its large one (signed URLs, valid a few minutes).
  function picture(variants, alt) {
    const small = variants.find((v) => v.name === "small") || variants[0];
    const large = variants.find((v) => v.name === "large") || small;
    if (!small) return null;
    const a = document.createElement("a");
    a.href = large.url;
    a.rel = "noopener";
    const img = document.createElement("img");
    img.src = small.url;
    img.alt = alt;
    img.width = small.width;
    img.height = small.height;
    a.appendChild(img);
    return a;
  }

  function showReferences(images) {
    const list = $("reference-list");
    list.textContent = "";
    images.forEach((image, index) => {
      const shown = picture(image.variants, say(T.referencePicture, { number: index + 1 }));
      if (!shown) return;
      const item = document.createElement("li");
      item.appendChild(shown);
      list.appendChild(item);
    });
    $("references").hidden = !list.children.length;
  }

  function author(message) {
    if (message.authorRole === state.role) return T.you;
    return message.authorRole === "artist" ? T.theArtist : T.theCustomer;
  }

  function showThread(messages) {
    const list = $("thread");
    list.textContent = "";
    if (!messages.length) {
      const item = document.createElement("li");
      item.className = "hint";
      item.textContent = T.noMessages;
      list.appendChild(item);
    }
    for (const message of messages) {
      const item = document.createElement("li");
      item.className = "message";
      const who = document.createElement("p");
      who.className = "who";
      who.textContent = author(message) + " · " + whenText(message.createdAt, zone);
      const text = document.createElement("p");
      text.className = "text";
      text.textContent = message.text;
      item.append(who, text);
      const shown = picture(message.images, T.messagePicture); // the message's one picture, if any
      if (shown) item.appendChild(shown);
      list.appendChild(item);
    }
  }

  // --- quotes and the project ---------------------------------------------------------------
  const amountOf = (m) => money(m.amount, m.currency);
  const priceText = (min, max) =>
    min.amount === max.amount ? amountOf(min) : say(T.priceRange, { min: amountOf(min), max: amountOf(max) });

  function showQuotes(request) {
    const list = $("quote-list");
    list.textContent = "";
    for (const quote of state.quotes) {
      const item = document.createElement("li");
      item.className = "message";
      const head = document.createElement("p");
      head.className = "who";
      head.textContent = say(T.quoteLine, { revision: quote.revision, state: T["quoteState." + quote.state] || quote.state });
      const terms = document.createElement("p");
      terms.className = "text";
      terms.textContent = say(T.quoteTerms, {
        sessions: quote.sessions,
        minutes: quote.sessionMinutes,
        price: priceText(quote.priceMin, quote.priceMax),
        deposit: amountOf(quote.deposit),
        gap: quote.gapDays,
        until: whenText(quote.expiresAt, zone),
      });
      item.append(head, terms);
      if (quote.note) {
        const note = document.createElement("p");
        note.className = "text";
        note.textContent = quote.note;
        item.appendChild(note);
      }
      list.appendChild(item);
    }
    const live = state.quotes.find((q) => q.state === "offered");
    const accepted = state.quotes.some((q) => q.state === "accepted");
    $("quotes").hidden = !state.quotes.length;
    $("accept-form").hidden = !(state.role === "customer" && live);
    $("quote-new").hidden = !(state.role === "artist" && request.status === "accepted" && !accepted);
    if (state.role === "customer" && live) fillStarts("first-start", `/quotes/${live.id}/slots`);
  }

  // A picker of the next free starts (the API's, in the visitor's zone).
  async function fillStarts(id, path) {
    const select = $(id);
    select.textContent = "";
    const from = new Date();
    const to = new Date(from.getTime() + AHEAD_DAYS * 86400000);
    try {
      const got = await call("GET", `${path}?from=${from.toISOString()}&to=${to.toISOString()}`);
      for (const start of got.items.slice(0, 200)) {
        const option = document.createElement("option");
        option.value = start;
        option.textContent = whenText(start, zone);
        select.appendChild(option);
      }
      if (!got.items.length) status(T.noStarts);
    } catch (error) {
      fail(error);
    }
  }

  function showProject() {
    const project = state.project;
    $("project").hidden = !project;
    if (!project) return;
    const deposit = project.deposit.amount
      ? say(project.depositCredited ? T.depositCredited : T.depositHeld, { deposit: amountOf(project.deposit) })
      : T.depositNone;
    const rows = [
      [T.projectState, T["projectState." + project.state] || project.state],
      [
        T.projectProgress,
        say(T.projectProgressText, {
          completed: project.sessionsCompleted,
          planned: project.sessionsPlanned,
          booked: project.sessionsBooked,
        }),
      ],
      [T.projectDeposit, deposit],
    ];
    const facts = $("project-facts");
    facts.textContent = "";
    for (const [term, value] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      facts.append(dt, dd);
    }
    const list = $("session-list");
    list.textContent = "";
    for (const s of project.sessions) {
      // Each session is a booking: its own page reschedules, cancels and pays it.
      const item = document.createElement("li");
      const link = document.createElement("a");
      const pay = s.status === "pending" && s.holdsDeposit;
      link.href = `/bookings/${s.bookingId}` + (pay ? "/pay" : "");
      link.textContent = say(T.sessionLine, {
        when: whenText(s.start, zone),
        status: T["sessionStatus." + s.status] || s.status,
      });
      item.appendChild(link);
      list.appendChild(item);
    }
    const more = project.state === "active" && project.sessionsBooked < project.sessionsPlanned;
    $("session-form").hidden = !(state.role === "customer" && more);
    if (state.role === "customer" && more) fillStarts("next-start", `/projects/${project.id}/slots`);
  }

  function show({ seen, messages, quotes, project }) {
    state.quotes = quotes;
    state.project = project;
    const request = seen.request;
    state.request = request;
    state.role = seen.viewerRole;
    $("request").hidden = false;
    showFacts(request);
    showReferences(seen.images);
    showThread(messages);
    const party = state.role === "artist" || state.role === "customer";
    const open = request.status === "open";
    $("answer").hidden = !(state.role === "artist" && open);
    $("withdraw").hidden = !(state.role === "customer" && open);
    $("message-form").hidden = !(party && isLive(request));
    const note = !party ? T.adminReading : !isLive(request) ? T.closed : "";
    $("request-note").textContent = note;
    $("request-note").hidden = !note;
    showQuotes(request);
    showProject();
  }

  // --- the steps ---------------------------------------------------------------------------
  $("answer-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const step = event.submitter && event.submitter.id === "decline" ? "decline" : "accept";
    const message = $("answer-message").value.trim();
    if (!message) {
      status(T.writeSomething);
      return $("answer-message").focus();
    }
    try {
      await call("POST", `/requests/${data.requestId}/${step}`, { message });
      $("answer-message").value = "";
      await reload();
      status(step === "accept" ? T.accepted : T.declined);
      // The answer's form is gone: the keyboard goes on in the thread's (an accepted request).
      if (!$("message-form").hidden) $("message-text").focus();
    } catch (error) {
      fail(error);
    }
  });

  $("withdraw").addEventListener("click", async () => {
    try {
      await call("POST", `/requests/${data.requestId}/withdraw`, {});
      await reload();
      status(T.withdrawn);
    } catch (error) {
      fail(error);
    }
  });

  $("message-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("message-text").value.trim();
    if (!text) {
      status(T.writeSomething);
      return $("message-text").focus();
    }
    try {
      await call("POST", `/requests/${data.requestId}/messages`, { text });
      $("message-text").value = "";
      await reload();
      status(T.sent);
    } catch (error) {
      fail(error);
    }
  });

  const whole = (id) => Math.round(Number($(id).value || 0)) * 100; // minor units

  $("quote-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const days = Number($("quote-valid").value || 7);
    const body = {
      sessions: Number($("quote-sessions").value),
      sessionMinutes: Number($("quote-minutes").value),
      priceMin: whole("quote-price-min"),
      priceMax: $("quote-price-max").value ? whole("quote-price-max") : whole("quote-price-min"),
      deposit: whole("quote-deposit"),
      currency: state.request.budget.currency,
      gapDays: Number($("quote-gap").value),
      expiresAt: new Date(Date.now() + days * 86400000).toISOString(),
      note: $("quote-note").value.trim(),
    };
    try {
      await call("POST", `/requests/${data.requestId}/quotes`, body);
      await reload();
      status(T.quoteSent);
    } catch (error) {
      fail(error);
    }
  });

  $("accept-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const live = state.quotes.find((q) => q.state === "offered");
    const start = $("first-start").value;
    if (!live || !start) return;
    try {
      const started = await call("POST", `/quotes/${live.id}/accept`, { start });
      await reload();
      status(say(T.quoteAccepted, { reference: started.booking.reference }));
    } catch (error) {
      fail(error);
    }
  });

  $("session-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const start = $("next-start").value;
    if (!state.project || !start) return;
    try {
      const booked = await call("POST", `/projects/${state.project.id}/sessions`, { start });
      await reload();
      status(say(T.sessionBooked, { reference: booked.reference }));
    } catch (error) {
      fail(error);
    }
  });

  signedInPage("request", read);
})();
