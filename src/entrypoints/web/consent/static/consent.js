// A booking's consent form on its page (/bookings/{id}/consent, the link in the request to
// sign; _consent.html.j2), for mine.js: GET /bookings/{id}/consent says where it stands.
// - The signer (the customer; the artist, in person, for a client record) gets the form:
//   its questions by kind (yes/no, text, a date, the standard health disclosures with
//   details after a yes), the "18 or older" and acceptance confirmations and the typed full
//   name, all in the form's language; signing posts the version shown, and a version
//   published since is read again and shown (409 consent_form_changed).
// - Once signed: who signed and when, the ID check, and the signed copies (PDF, web page),
//   fetched with the tab's token and handed to the browser as a download.
// - The artist (or an admin) sees whether it is signed, and records the photo ID check.
// Every word of the artist's or of the signer's goes in as text, never as markup.
"use strict";
window.InkslotConsent = (() => {
  const { API, data, T, zone, $, say, call, status, fail, session, whenText, isOpen } = window.Inkslot;
  const FIRST_DAY = "1900-01-01";
  const LAST_DAY = "2199-12-31";
  const state = { booking: null, consent: null };

  function element(tag, attributes, text) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) made.setAttribute(name, value);
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function line(text) {
    $("consent-state").appendChild(element("p", {}, text));
  }

  const localDay = () => {
    const d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  };

  // The booking's consent as the API shows it to this account; the section stays hidden
  // when the artist requires none (or the API cannot say).
  async function show(booking) {
    state.booking = booking;
    let found;
    try {
      found = await call("GET", `/bookings/${booking.id}/consent`);
    } catch (error) {
      $("consent").hidden = true;
      return;
    }
    render(found);
  }

  function render(found) {
    state.consent = found;
    $("consent-state").textContent = "";
    $("consent-form").hidden = true;
    $("consent-copies").hidden = true;
    $("id-check-form").hidden = true;
    $("consent").hidden = found.standing === "not_required";
    if (found.standing === "not_required") return;
    if (found.consent) return showSigned(found);
    if (found.canSign && found.form) {
      line(found.viewerRole === "customer" ? T.consentToSign : T.consentInPerson);
      return showForm(found.form);
    }
    line(found.viewerRole === "customer" ? T.consentClosed : T.consentNotSigned);
  }

  function showSigned(found) {
    const c = found.consent;
    line(say(T.consentSignedBy, { name: c.signature.signedName, when: whenText(c.signature.signedAt, zone) }));
    if (c.idCheck) {
      const option = $("id-document").querySelector(`option[value="${c.idCheck.documentType}"]`);
      const kind = option ? option.textContent : c.idCheck.documentType;
      line(say(T.consentIdChecked, { document: kind, when: whenText(c.idCheck.checkedAt, zone) }));
    } else {
      line(T.consentIdUnchecked);
      const checker = found.viewerRole === "artist" || found.viewerRole === "admin";
      $("id-check-form").hidden = !(checker && isOpen(state.booking));
    }
    $("consent-copies").hidden = false;
  }

  // --- the form to sign ----------------------------------------------------------------
  function showForm(version) {
    const content = version.content;
    const W = data.formTexts[content.locale] || data.formTexts.en;
    const form = $("consent-form");
    form.textContent = "";
    form.lang = content.locale;
    form.dataset.formId = version.formId;
    form.dataset.version = String(version.version);
    form.appendChild(element("h3", {}, content.title));
    if (content.statement) form.appendChild(element("p", { class: "statement" }, content.statement));
    for (const question of content.questions) form.appendChild(questionBlock(question, W));
    const confirm = element("fieldset");
    confirm.appendChild(element("legend", {}, W.confirmations));
    confirm.appendChild(checkbox("consent-adult", content.adultConfirmation));
    confirm.appendChild(checkbox("consent-accepted", content.acceptance));
    confirm.appendChild(element("p", { class: "field-error", id: "consent-confirm-error", hidden: "" }));
    form.appendChild(confirm);
    form.appendChild(element("label", { for: "consent-name" }, W.signedName));
    const name = element("input", {
      id: "consent-name", name: "signedName", autocomplete: "name", maxlength: "200", required: "",
      "aria-describedby": "consent-name-error",
    });
    form.appendChild(name);
    form.appendChild(element("p", { class: "field-error", id: "consent-name-error", hidden: "" }));
    form.appendChild(element("button", { type: "submit", id: "sign-consent" }, W.sign));
    form.hidden = false;
  }

  function checkbox(id, text) {
    const label = element("label", { class: "check" });
    label.appendChild(element("input", { id, type: "checkbox", required: "" }));
    label.appendChild(document.createTextNode(" " + text));
    return label;
  }

  function mark(question, W) {
    return " (" + (question.required ? W.required : W.optional) + ")";
  }

  // One question: a yes/no (a disclosure with its details) as a group of two radios, a
  // text as a text area, a date as a date field, each with its label and its error line.
  function questionBlock(question, W) {
    const key = question.key;
    const error = element("p", { class: "field-error", id: `${key}-error`, hidden: "" });
    if (question.kind === "yes_no" || question.kind === "health") {
      const group = element("fieldset", { id: key, role: "radiogroup", "aria-describedby": error.id });
      if (question.required) group.setAttribute("aria-required", "true");
      group.appendChild(element("legend", {}, question.prompt + mark(question, W)));
      for (const [value, word] of [["true", W.yes], ["false", W.no]]) {
        const label = element("label", { class: "check" });
        label.appendChild(element("input", { type: "radio", name: key, value, id: `${key}-${value}` }));
        label.appendChild(document.createTextNode(" " + word));
        group.appendChild(label);
      }
      if (question.kind === "health") {
        group.appendChild(element("label", { for: `${key}-details` }, W.details));
        group.appendChild(element("textarea", { id: `${key}-details`, rows: "2", maxlength: "1000" }));
      }
      group.appendChild(error);
      return group;
    }
    const block = element("div", { class: "question" });
    block.appendChild(element("label", { for: key }, question.prompt + mark(question, W)));
    const field =
      question.kind === "text"
        ? element("textarea", { id: key, rows: "3", maxlength: "2000" })
        : element("input", { id: key, type: "date", min: FIRST_DAY, max: LAST_DAY });
    if (question.kind === "date" && question.dates === "past") field.max = localDay();
    if (question.kind === "date" && question.dates === "future") field.min = localDay();
    field.setAttribute("aria-describedby", error.id);
    if (question.required) field.required = true;
    block.appendChild(field);
    block.appendChild(error);
    return block;
  }

  // The answers as the API takes them: an unanswered question is left out.
  function answers(content) {
    const given = [];
    for (const question of content.questions) {
      const key = question.key;
      if (question.kind === "yes_no" || question.kind === "health") {
        const picked = document.querySelector(`input[name="${key}"]:checked`);
        if (!picked) continue;
        const answer = { key, value: picked.value === "true" };
        const details = question.kind === "health" ? $(`${key}-details`).value.trim() : "";
        if (answer.value && details) answer.details = details;
        given.push(answer);
      } else {
        const value = $(key).value.trim();
        if (value) given.push({ key, value });
      }
    }
    return given;
  }

  // The API's refusals, each beside its field (answers.q3, signedName, the confirmations).
  function showErrors(errors) {
    for (const line of $("consent-form").querySelectorAll(".field-error")) {
      line.hidden = true;
      line.textContent = "";
    }
    for (const invalid of $("consent-form").querySelectorAll("[aria-invalid]")) invalid.removeAttribute("aria-invalid");
    for (const problem of errors || []) {
      const field = String(problem.field || "");
      const key = field.startsWith("answers.") ? field.slice(8) : null;
      const target = key ? $(key) : field === "signedName" ? $("consent-name") : null;
      const line = key ? $(`${key}-error`) : field === "signedName" ? $("consent-name-error") : $("consent-confirm-error");
      if (!line) continue;
      line.textContent = [line.textContent, problem.message].filter(Boolean).join(" ");
      line.hidden = false;
      if (target) target.setAttribute("aria-invalid", "true");
    }
  }

  $("consent-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const version = state.consent && state.consent.form;
    if (!version || !state.booking) return;
    const body = {
      formId: version.formId,
      formVersion: version.version,
      signedName: $("consent-name").value.trim(),
      adultConfirmed: $("consent-adult").checked,
      accepted: $("consent-accepted").checked,
      answers: answers(version.content),
    };
    try {
      await postSignature(body);
      await show(state.booking);
      status(T.consentSigned);
      $("consent-title").focus();
    } catch (error) {
      if (error.code === "consent_form_changed") {
        await show(state.booking);
        status(T.consentChanged);
        return $("consent-title").focus();
      }
      fail(error);
    }
  });

  // The signature; a refusal's field errors are shown beside their fields, then thrown.
  async function postSignature(body) {
    try {
      await call("POST", `/bookings/${state.booking.id}/consent`, body);
      showErrors([]);
    } catch (error) {
      showErrors(error.errors);
      throw error;
    }
  }

  $("id-check-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!state.booking) return;
    try {
      await call("POST", `/bookings/${state.booking.id}/consent/id-check`, {
        documentType: $("id-document").value,
        showsAdult: $("id-adult").checked,
      });
      await show(state.booking);
      status(T.idCheckRecorded);
    } catch (error) {
      fail(error);
    }
  });

  // --- the signed copies ---------------------------------------------------------------
  // The API answers them to a signed-in account only (the token rides in a header, never
  // in an address): fetched here, then handed to the browser as a file to keep.
  async function download(kind) {
    if (!state.booking) return;
    try {
      const response = await fetch(`${API}/bookings/${state.booking.id}/consent.${kind}`, {
        headers: { Authorization: "Bearer " + session.token(), "Accept-Language": data.lang },
        credentials: "omit",
      });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const link = element("a", { href: url, download: `consent-${state.booking.reference}.${kind}`, hidden: "" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (error) {
      fail(error);
    }
  }

  for (const kind of ["pdf", "html"]) {
    $(`copy-${kind}`).addEventListener("click", (event) => {
      event.preventDefault();
      download(kind);
    });
  }

  return { show };
})();
