// What every page's script builds on (book.js, mine.js, account.js), loaded before it as a
// plain script (no modules, no build step): the page's data block and its words, calls to
// the public API on this origin (the access token from sessionStorage, never a cookie), the
// sign-in forms of _signin.html.j2 (phone code, or email and password) and the signing in
// and out of the pages that show one thing to their visitor (signedInPage), problems shown in
// #status, times in the visitor's language, and a booking's facts, free times and deposit
// (_deposit.html.j2) as the booking page and a booking's own page both show them, and
// signing in from Telegram's initData when the page is opened as a Telegram Mini App.
"use strict";
window.Inkslot = (() => {
  const API = "/api/v1";
  const store = window.sessionStorage;
  // One pair of keys for every page: signing in on one page signs in the whole tab.
  const KEY_TOKEN = "inkslot.accessToken";
  const KEY_NAME = "inkslot.name";
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const T = data.texts;
  const intlLang = data.lang === "mn" ? "mn-MN" : "en-GB";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const $ = (id) => document.getElementById(id);
  const say = (text, vars) =>
    text.replace(/\{(\w+)\}/g, (_, name) => (vars && name in vars ? vars[name] : ""));

  // What the page redraws when the session ends, whoever ends it: its own sign-out button,
  // or call() below when the API refuses a stale token.
  const onEnd = [];
  const session = {
    token: () => store.getItem(KEY_TOKEN),
    name: () => store.getItem(KEY_NAME) || "",
    keep(signedIn) {
      store.setItem(KEY_TOKEN, signedIn.tokens.accessToken);
      const user = signedIn.user;
      store.setItem(KEY_NAME, user.name || user.phone || user.email || "");
    },
    end() {
      store.removeItem(KEY_TOKEN);
      store.removeItem(KEY_NAME);
      onEnd.forEach((redraw) => redraw());
    },
    whenEnded(redraw) {
      onEnd.push(redraw);
    },
  };

  // The API; a refusal throws an Error whose message is the problem's detail (and its
  // fields' messages), with the status and the problem's code beside it.
  async function call(method, path, body, extraHeaders) {
    const headers = { Accept: "application/json", ...(extraHeaders || {}) };
    const token = session.token();
    if (token) headers.Authorization = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (data.lang) headers["Accept-Language"] = data.lang;
    const response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      if (response.status === 401 && token) session.end();
      const problem = json || {};
      const fields = (problem.errors || []).map((e) => e.message).join(" ");
      const error = new Error([problem.detail || problem.title || response.status, fields].join(" ").trim());
      error.status = response.status;
      error.code = problem.code;
      error.errors = problem.errors || []; // each {field, message}: a form may show them in place
      throw error;
    }
    return json;
  }

  function status(text) {
    $("status").textContent = text;
  }

  function fail(error) {
    status(say(T.error, { detail: error.message }));
  }

  // Words the templates leave to the script.
  document.querySelectorAll("[data-text]").forEach((el) => {
    el.textContent = T[el.dataset.text] || "";
  });

  // The sign-in forms: ``onSignedIn(how)`` runs once a session is kept, ``how`` being
  // "phone" or "email" (the booking page moves the focus on after a code only).
  function wireSignIn(onSignedIn) {
    const signedIn = (answer, how) => {
      session.keep(answer);
      onSignedIn(how);
    };
    $("phone-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const phone = $("phone").value.trim();
      try {
        await call("POST", "/auth/phone/send-code", { phone, locale: data.lang });
        $("code-form").hidden = false;
        $("code-sent").textContent = say(T.codeSent, { phone });
        $("code").focus();
      } catch (error) {
        fail(error);
      }
    });
    $("code-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { phone: $("phone").value.trim(), code: $("code").value.trim(), locale: data.lang };
      const name = $("name").value.trim();
      if (name) body.name = name;
      try {
        signedIn(await call("POST", "/auth/phone/verify", body), "phone");
      } catch (error) {
        fail(error);
      }
    });
    $("email-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const body = { email: $("email").value.trim(), password: $("password").value };
        signedIn(await call("POST", "/auth/login", body), "email");
        $("password").value = "";
      } catch (error) {
        // The API's wording is for developers; a person reads that the pair was wrong.
        if (error.code === "invalid_credentials") status(T.wrongPassword);
        else fail(error);
      }
    });
    // "Forgot password?": the reset link to the email typed above (the API answers alike for
    // every address, so the page says "if an account has it").
    $("forgot-password").addEventListener("click", async () => {
      const email = $("email").value.trim();
      if (!email) {
        status(T.emailFirst);
        return $("email").focus();
      }
      try {
        await call("POST", "/auth/password/forgot", { email });
        status(T.resetSent);
      } catch (error) {
        fail(error);
      }
    });
  }

  // The frame of a page that shows one thing to its signed-in visitor (a booking's page, a
  // request's, one's points): the sign-in forms without a session; with one, "loading", the
  // signed-in line, then ``read(signedIn)``, which shows the thing (hiding "loading" when it
  // has it; ``signedIn``: just signed in here, the forms gone, so it may move the focus).
  // Signing out, or the API refusing the tab's token while reading, shows the forms again;
  // signing in reads again. A 404 is the page's "not found" where it has that word, any
  // other refusal its problem. ``content``: the id of what the page shows once read.
  function signedInPage(content, read) {
    const showSignIn = () => {
      $("loading").hidden = true;
      $(content).hidden = true;
      $("signed-in").hidden = true;
      $("account").hidden = false;
    };
    async function load(signedIn = false) {
      if (!session.token()) return showSignIn();
      $("account").hidden = true;
      $("loading").hidden = false;
      $("signed-in").hidden = false;
      $("who").textContent = say(T.signedInAs, { name: session.name() });
      try {
        await read(signedIn);
      } catch (error) {
        $("loading").hidden = true;
        if (error.status === 401) return showSignIn();
        if (error.status === 404 && T.notFound) return status(T.notFound);
        fail(error);
      }
    }
    $("sign-out").addEventListener("click", () => {
      session.end();
      status("");
      showSignIn();
    });
    wireSignIn(() => {
      status("");
      load(true);
    });
    load();
  }

  // --- inside Telegram, as a Mini App ----------------------------------------------------
  // Opened from the Telegram bot as a Mini App, the page is handed Telegram's signed
  // initData in its address's fragment (#tgWebAppData=...). Only then does it load
  // Telegram's script (window.Telegram.WebApp: ready(), expand()); where that script cannot
  // load (offline), the fragment's initData still signs in. The tab's session is kept, and
  // without a bot on the server (404) the sign-in forms simply stay. In a plain browser
  // nothing of this runs.
  const TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js";
  const fragmentInitData = () => new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppData") || "";
  const telegramApp = () => (window.Telegram && window.Telegram.WebApp) || null;

  function loadTelegram() {
    return new Promise((resolve) => {
      if (telegramApp()) return resolve();
      const script = document.createElement("script");
      script.src = TELEGRAM_SCRIPT;
      script.onload = script.onerror = () => resolve();
      setTimeout(resolve, 3000); // never wait long for it: the fragment is enough
      document.head.appendChild(script);
    });
  }

  async function signInWithTelegram(onSignedIn) {
    if (!(telegramApp() && telegramApp().initData) && !fragmentInitData()) return;
    await loadTelegram();
    const app = telegramApp();
    if (app) {
      if (app.ready) app.ready();
      if (app.expand) app.expand();
    }
    const initData = (app && app.initData) || fragmentInitData();
    if (!initData || session.token()) return;
    try {
      session.keep(await call("POST", "/auth/telegram/webapp", { initData }));
      onSignedIn("telegram");
    } catch (error) {
      if (error.status !== 404) fail(error);
    }
  }

  // --- times: the visitor's language; no ``timeZone`` means the browser's own zone --------
  const dayKey = (d) =>
    d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  // Intl where the browser has the page's language; else (Chromium has no Mongolian) the
  // page's CLDR names and patterns (data.dates, from the server) over the date's numbers
  // in the zone, which Intl gives in English in every browser.
  const words = data.dates;
  const hasLang = Intl.DateTimeFormat.supportedLocalesOf([intlLang]).length > 0;
  const pad = (n, width) => String(n).padStart(width, "0");
  function numbers(date, timeZone) {
    const f = new Intl.DateTimeFormat("en-GB", {
      timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    });
    const got = {};
    for (const part of f.formatToParts(date)) got[part.type] = Number(part.value);
    got.weekday = (new Date(Date.UTC(got.year, got.month - 1, got.day)).getUTCDay() + 6) % 7; // Monday 0
    return got;
  }
  function byPattern(pattern, date, timeZone) {
    const n = numbers(date, timeZone);
    return pattern.replace(/'([^']*)'|y+|M+|L+|d+|E+|H+|m+/g, (token, quoted) => {
      if (quoted !== undefined) return quoted || "'";
      const wide = token.length >= 4;
      switch (token[0]) {
        case "y": return String(n.year);
        case "M": return wide ? words.months[n.month - 1] : pad(n.month, token.length);
        case "L": return wide ? words.standaloneMonths[n.month - 1] : pad(n.month, token.length);
        case "d": return pad(n.day, token.length);
        case "E": return (wide ? words.weekdays : words.shortWeekdays)[n.weekday];
        case "H": return pad(n.hour, token.length);
        default: return pad(n.minute, token.length);
      }
    });
  }
  const dates = {
    monthYear: (d) =>
      hasLang ? d.toLocaleDateString(intlLang, { month: "long", year: "numeric" }) : byPattern(words.monthYear, d),
    shortWeekday: (d) => (hasLang ? d.toLocaleDateString(intlLang, { weekday: "short" }) : byPattern("E", d)),
    fullDate: (d) => (hasLang ? d.toLocaleDateString(intlLang, { dateStyle: "full" }) : byPattern(words.fullDate, d)),
  };
  const timeText = (iso) =>
    hasLang
      ? new Date(iso).toLocaleTimeString(intlLang, { hour: "2-digit", minute: "2-digit" })
      : byPattern(words.time, new Date(iso));
  const whenText = (iso, timeZone) =>
    hasLang
      ? new Date(iso).toLocaleString(intlLang, { dateStyle: "full", timeStyle: "short", timeZone })
      : say(words.dateTime.replace("{1}", "{date}").replace("{0}", "{time}"), {
          date: byPattern(words.fullDate, new Date(iso), timeZone),
          time: byPattern(words.time, new Date(iso), timeZone),
        });

  // Free times as a list of buttons; ``onPick(slot, button)`` runs on a click.
  function slotList(slots, onPick) {
    const list = document.createElement("ul");
    list.className = "slot-list";
    for (const slot of slots) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "slot";
      button.textContent = timeText(slot.start);
      button.dataset.start = slot.start;
      button.addEventListener("click", () => onPick(slot, button));
      item.appendChild(button);
      list.appendChild(item);
    }
    return list;
  }

  // --- a booking ---------------------------------------------------------------------------
  // Only these may still be cancelled or moved; the API has the last word by its policy.
  const isOpen = (booking) => booking.status === "pending" || booking.status === "confirmed";

  // A pending booking says what it waits for (the API's ``waitingFor``: the artist's
  // approval, the deposit, or both, approval first).
  const WAITING = { "approval": "waitApproval", "deposit": "waitDeposit", "approval,deposit": "waitBoth" };

  function statusText(booking) {
    if (booking.status === "confirmed") return T.statusConfirmed;
    if (booking.status === "pending") return T[WAITING[(booking.waitingFor || []).join(",")]] || T.statusPending;
    if (booking.status === "cancelled") return T.statusCancelled;
    return say(T.statusOther, { status: booking.status });
  }

  // By when the first thing it waits for must happen (its hold, which frees the time after),
  // in the artist's time zone, the one the artist keeps the calendar in: the deposit's
  // pay-by time, or the artist's answer. Null when it waits for nothing or the zone is unknown.
  function holdText(booking, artistZone) {
    const waiting = booking.waitingFor || [];
    if (booking.status !== "pending" || !waiting.length || !booking.holdExpiresAt || !artistZone) return null;
    const text = waiting[0] === "deposit" ? T.payBy : T.approveBy;
    return say(text, { when: whenText(booking.holdExpiresAt, artistZone), zone: artistZone });
  }

  // One paragraph a line in #booking-facts, after those already there.
  function addFacts(lines) {
    for (const line of lines) {
      const p = document.createElement("p");
      p.textContent = line;
      $("booking-facts").appendChild(p);
    }
  }

  function showFacts(lines) {
    $("booking-facts").textContent = "";
    addFacts(lines);
  }

  // --- the deposit (_deposit.html.j2) ----------------------------------------------------
  // What the booking's payer sees while its deposit is due: the QR code of its invoice (the
  // invoice is returned, for "I have paid"), or, before the artist approves the request,
  // word that no invoice comes yet. Null when there is no invoice to show.
  async function offerDeposit(booking, payer = true) {
    $("deposit").hidden = true;
    // A waitlist offer still to answer takes no deposit: accepting it comes first.
    const due =
      booking.status === "pending" &&
      booking.offer !== "offered" &&
      booking.depositAmount > 0 &&
      booking.amountPaid === 0;
    if (!payer || !due) return null;
    if (booking.requiresApproval && !booking.approved) {
      addFacts([T.awaitingApproval]);
      return null;
    }
    return showDeposit(booking);
  }

  async function showDeposit(booking) {
    // One key per booking: every page and every reload gets the same invoice, never a second.
    const invoice = await call("POST", `/bookings/${booking.id}/deposit-invoice`, undefined, {
      "Idempotency-Key": "deposit-" + booking.id,
    });
    const amount = invoice.currency + " " + (invoice.amount / 100).toLocaleString(intlLang);
    // A card invoice (Stripe's) is paid on Stripe's own page: one link, no QR code to scan.
    const card = invoice.gateway === "stripe";
    $("deposit-title").textContent = say(card ? T.payDepositCard : T.payDeposit, { amount });
    $("deposit-hint").textContent = card ? T.payOnStripe : T.scanQr;
    // The image QPay drew (base64 PNG); no image, no QR code: the bank apps' links remain.
    $("qr").hidden = card || !invoice.qrImage;
    if (!card && invoice.qrImage) {
      $("qr").src = invoice.qrImage.startsWith("data:") ? invoice.qrImage : "data:image/png;base64," + invoice.qrImage;
    }
    const links = $("bank-links");
    links.textContent = "";
    for (const bank of invoice.deepLinks || []) {
      const item = document.createElement("li");
      const a = document.createElement("a");
      a.href = bank.link;
      a.textContent = card ? T.payByCard : bank.description || bank.name;
      a.rel = "noopener";
      item.appendChild(a);
      links.appendChild(item);
    }
    $("deposit").hidden = false;
    return invoice;
  }

  // --- asking first (_ask.html.j2) -------------------------------------------------------
  // Cancelling and moving cannot be undone: the page asks ``question`` first, with ``yes``
  // (the action's words) and "No, go back"; the focus moves to the question, so a screen
  // reader reads it, and back to ``from`` on "no". Resolves to the answer.
  function askFirst(question, yes, from) {
    return new Promise((resolve) => {
      const box = $("ask");
      $("ask-question").textContent = question;
      $("ask-yes").textContent = yes;
      box.hidden = false;
      $("ask-question").focus();
      const answer = (given) => {
        box.hidden = true;
        $("ask-yes").onclick = $("ask-no").onclick = null;
        if (!given && from) from.focus();
        resolve(given);
      };
      $("ask-yes").onclick = () => answer(true);
      $("ask-no").onclick = () => answer(false);
    });
  }

  const moneyText = (currency, amount) => currency + " " + (amount / 100).toLocaleString(intlLang);

  // The cancellation policy's consequence for this visitor, as the API quotes it (what would
  // be refunded and kept, whether it may still move: GET /bookings/{id}/cancellation).
  const cancellationQuote = (booking) => call("GET", `/bookings/${booking.id}/cancellation`);

  // "Cancel this booking?" in words of the quote: nothing paid, all back, all kept, or part.
  function cancelQuestion(quote) {
    const refund = moneyText(quote.currency, quote.refundAmount);
    const kept = moneyText(quote.currency, quote.keptAmount);
    if (quote.keptAmount > 0 && quote.refundAmount > 0) return say(T.askCancelPart, { refund, kept });
    if (quote.keptAmount > 0) return say(T.askCancelKept, { kept, when: whenText(quote.freeUntil) });
    if (quote.refundAmount > 0) return say(T.askCancelRefund, { refund });
    return T.askCancel;
  }

  // Cancel ``booking`` once the visitor has read what the policy keeps and said yes (the
  // answer's booking), else null.
  async function cancelAfterAsking(booking, reason) {
    const quote = await cancellationQuote(booking);
    if (!(await askFirst(cancelQuestion(quote), T.cancelYes, $("cancel")))) return null;
    return call("PATCH", `/bookings/${booking.id}`, { status: "cancelled", reason });
  }

  // Whether ``booking`` may still be moved by this visitor; when not, says so (until when it
  // could) in #status.
  async function mayMove(booking) {
    const quote = await cancellationQuote(booking);
    if (!quote.mayMove) status(say(T.tooLateToMove, { when: whenText(quote.freeUntil) }));
    return quote.mayMove;
  }

  // "I have paid": ask for the invoice to be checked (a 429 only means it was checked a
  // moment ago: the booking still tells), then ``show`` the booking once it is paid.
  // ``state`` is the page's own {booking, invoice}, read at each click.
  function wireCheckPayment(state, show) {
    $("check-payment").addEventListener("click", async () => {
      if (!state.invoice || !state.booking) return;
      try {
        await call("POST", `/payments/${state.invoice.invoiceId}/check`);
      } catch (error) {
        if (error.status !== 429) return fail(error);
      }
      try {
        const booking = await call("GET", `/bookings/${state.booking.id}`);
        if (booking.amountPaid > 0) {
          await show(booking);
          // The deposit's section (and its button, which had the focus) is gone: the focus
          // moves to the booking's heading, and the status says it is paid.
          $("mine-title").focus();
          status(T.paid);
        } else {
          status(T.notPaidYet);
        }
      } catch (error) {
        fail(error);
      }
    });
  }

  return {
    API,
    store,
    data,
    T,
    intlLang,
    zone,
    $,
    say,
    call,
    status,
    fail,
    session,
    wireSignIn,
    signedInPage,
    signInWithTelegram,
    dayKey,
    dates,
    timeText,
    whenText,
    slotList,
    isOpen,
    statusText,
    holdText,
    addFacts,
    showFacts,
    offerDeposit,
    wireCheckPayment,
    askFirst,
    cancelAfterAsking,
    mayMove,
  };
})();
