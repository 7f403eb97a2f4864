// A booking's own page (/bookings/{id}, the link in booking messages): sign in if this tab
// has not, then the booking as the API shows it to this account (service, artist, time in
// the visitor's zone and the artist's, status, reference), the deposit's QR code while one
// is due, and cancel and reschedule, which the API allows or refuses by its policy. A
// waitlist offer held for this customer shows until when it is held, and take it or
// decline it (POST /waitlist/offers/{id}/accept or /decline) instead. The consent form the
// artist requires is consent.js's. Anyone else's booking is the API's 404, shown as "not
// found" and nothing more.
"use strict";
(() => {
  const { data, T, zone, $, say, call, status, fail, signedInPage } = window.Inkslot;
  const { dayKey, whenText, slotList, isOpen, statusText, holdText, showFacts, offerDeposit, wireCheckPayment } =
    window.Inkslot;
  const { askFirst, cancelAfterAsking, mayMove } = window.Inkslot;
  const state = { booking: null, me: null, artist: null, service: null, invoice: null };

  async function quietly(promise) {
    try {
      return await promise;
    } catch (error) {
      return null; // an artist no longer listed, a service since removed: the booking still shows
    }
  }

  // ``signedIn``: just signed in on this page, whose forms are now gone: the focus moves to
  // the booking's heading (read out), not to the page's body.
  async function read(signedIn) {
    const [me, booking] = await Promise.all([call("GET", "/me"), call("GET", `/bookings/${data.bookingId}`)]);
    state.me = me;
    [state.artist, state.service] = await Promise.all([
      quietly(call("GET", `/artists/${booking.artistId}`)),
      quietly(call("GET", `/artists/${booking.artistId}/services/${booking.serviceId}`)),
    ]);
    $("loading").hidden = true;
    await show(booking);
    if (signedIn) $("mine-title").focus();
    followAction();
    // Back from Stripe's card page (its success URL adds paid=1): paid already (Stripe's
    // event came first), the page says so; else the invoice is checked now, as "I have
    // paid" does.
    if (new URLSearchParams(location.search).get("paid") !== "1") return;
    if (state.booking && state.booking.amountPaid > 0) status(T.paid);
    else if (state.invoice) $("check-payment").click();
  }

  async function show(booking) {
    state.booking = booking;
    $("mine").hidden = false;
    const artistZone = state.artist ? state.artist.timeZone : null;
    const lines = [say(T.reference, { reference: booking.reference })];
    if (state.service) lines.push(say(T.service, { name: state.service.name }));
    if (state.artist) lines.push(say(T.artist, { name: state.artist.displayName }));
    lines.push(say(T.yourTime, { zone, when: whenText(booking.start, zone) }));
    if (artistZone && artistZone !== zone) {
      lines.push(say(T.artistTime, { zone: artistZone, when: whenText(booking.start, artistZone) }));
    }
    // A waitlist offer still to answer: only its customer answers it, and nothing moves it.
    const offered = booking.status === "pending" && booking.offer === "offered";
    const answering = offered && state.me !== null && booking.customerId === state.me.id;
    if (offered) lines.push(answering ? T.statusOffered : T.statusOfferWaiting);
    else {
      lines.push(statusText(booking));
      const hold = holdText(booking, artistZone);
      if (hold) lines.push(hold);
    }
    showFacts(lines);
    $("offer").hidden = !answering;
    if (answering && booking.holdExpiresAt) {
      $("offer-until").textContent = say(T.heldUntil, { zone, when: whenText(booking.holdExpiresAt, zone) });
    }
    const open = isOpen(booking) && !answering;
    $("cancel").hidden = !open;
    $("reschedule").hidden = !open || offered;
    if (!open || offered) $("move-form").hidden = true;
    const payer = state.me && booking.customerId === state.me.id; // the customer pays, not the artist
    // The customer reviews a completed booking (the review request's link opens it here);
    // the API refuses a second review, which the page then shows.
    $("review-form").hidden = !(payer && booking.status === "completed");
    state.invoice = await offerDeposit(booking, payer);
    await window.InkslotConsent.show(booking); // the consent form, when the artist requires one
  }

  // The messages' /reschedule, /cancel, /pay, /review and /consent links open the page at
  // that control (the consent form: its heading, brought into view).
  function followAction() {
    const target = {
      cancel: "cancel",
      reschedule: "reschedule",
      pay: "check-payment",
      review: "review-rating",
      consent: "consent-title",
    }[data.action];
    const control = target && $(target);
    if (!control || control.hidden || control.closest("[hidden]")) return;
    if (data.action === "reschedule") return control.click();
    control.focus();
    if (data.action === "consent") control.scrollIntoView({ block: "start" });
  }

  wireCheckPayment(state, show);

  $("cancel").addEventListener("click", async () => {
    if (!state.booking) return;
    try {
      const booking = await cancelAfterAsking(state.booking, "Cancelled on the booking's page");
      if (!booking) return;
      await show(booking);
      status(T.cancelled);
    } catch (error) {
      fail(error);
    }
  });

  // The customer's answer to a waitlist offer; the booking as it then stands (a deposit
  // due after an acceptance shows its QR code).
  async function answerOffer(how, done) {
    if (!state.booking) return;
    try {
      await call("POST", `/waitlist/offers/${state.booking.id}/${how}`);
      await show(await call("GET", `/bookings/${state.booking.id}`));
      status(done);
    } catch (error) {
      fail(error);
    }
  }

  $("accept-offer").addEventListener("click", () => answerOffer("accept", T.offerAccepted));
  $("decline-offer").addEventListener("click", () => answerOffer("decline", T.offerDeclined));

  $("reschedule").addEventListener("click", async () => {
    if (!state.booking) return;
    try {
      if (!(await mayMove(state.booking))) return;
    } catch (error) {
      return fail(error);
    }
    $("move-form").hidden = false;
    $("move-day").min = dayKey(new Date());
    if (!$("move-day").value && state.booking) $("move-day").value = dayKey(new Date(state.booking.start));
    $("move-day").focus();
  });

  // The free times of the chosen day (the visitor's day, in their zone).
  $("move-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const booking = state.booking;
    const picked = $("move-day").value;
    if (!booking || !picked) return;
    const [y, m, d] = picked.split("-").map(Number);
    const now = new Date();
    const start = new Date(y, m - 1, d);
    const from = start > now ? start : now;
    const to = new Date(y, m - 1, d + 1);
    const box = $("move-slots");
    box.textContent = "";
    if (from >= to) return (box.textContent = T.noSlots);
    try {
      const query = new URLSearchParams({
        serviceId: booking.serviceId,
        from: from.toISOString(),
        to: to.toISOString(),
        limit: "1000",
      });
      const page = await call("GET", `/artists/${booking.artistId}/slots?${query}`);
      if (!page.items.length) return (box.textContent = T.noSlots);
      box.appendChild(slotList(page.items, (slot, button) => move(slot.start, button)));
    } catch (error) {
      fail(error);
    }
  });

  $("review-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!state.booking) return;
    const text = $("review-text").value.trim();
    try {
      await call("POST", `/bookings/${state.booking.id}/review`, {
        rating: Number($("review-rating").value),
        ...(text ? { text } : {}),
      });
      $("review-form").hidden = true;
      status(T.reviewSent);
    } catch (error) {
      fail(error);
    }
  });

  async function move(start, button) {
    const question = say(T.askMove, { when: whenText(start, zone) });
    if (!(await askFirst(question, T.moveYes, button))) return;
    try {
      const booking = await call("POST", `/bookings/${state.booking.id}/reschedule`, { start });
      $("move-form").hidden = true;
      $("move-slots").textContent = "";
      await show(booking);
      status(say(T.moved, { when: whenText(booking.start, zone) }));
    } catch (error) {
      fail(error);
    }
  }

  signedInPage("mine", read);
})();
