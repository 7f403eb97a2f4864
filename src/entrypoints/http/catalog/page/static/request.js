// A tattoo request's own page (/requests/{id}, the link in its notifications): sign in if
// this tab has not, then the request as the API shows it to this account (its details, its
// reference pictures, whose turn it is), its thread of messages, and the steps its party may
// take: a message while it is open or accepted; the artist accepts or declines it with a
// message while it is open; the customer withdraws it while it is open. Admins read only.
// Anyone else's request is the API's 404, shown as "not found" and nothing more.
"use strict";
(() => {
  const { data, T, zone, $, say, call, status, fail, session, wireSignIn, dates, whenText } = window.Inkslot;
  const state = { request: null, role: null };
  const PAGE_SIZE = 100;

  function showSignIn() {
    $("loading").hidden = true;
    $("request").hidden = true;
    $("signed-in").hidden = true;
    $("account").hidden = false;
  }

  async function load() {
    if (!session.token()) return showSignIn();
    $("account").hidden = true;
    $("loading").hidden = false;
    $("signed-in").hidden = false;
    $("who").textContent = say(T.signedInAs, { name: session.name() });
    try {
      const [seen, messages] = await Promise.all([call("GET", `/requests/${data.requestId}`), thread()]);
      $("loading").hidden = true;
      show(seen, messages);
    } catch (error) {
      $("loading").hidden = true;
      if (error.status === 401) return showSignIn();
      if (error.status === 404) return status(T.notFound);
      fail(error);
    }
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
    const [seen, messages] = await Promise.all([call("GET", `/requests/${data.requestId}`), thread()]);
    show(seen, messages);
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

  function show(seen, messages) {
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

  $("sign-out").addEventListener("click", () => {
    session.end();
    status("");
    showSignIn();
  });
  wireSignIn(() => {
    status("");
    load();
  });
  load();
})();
