// The account emails' pages (/verify-email, /reset-password, /unlock): the link's token is
// read here, from the address, and posted to the API; the server never sees it in the page
// request's handling, and the page is sent no-store with no referrer. The answer shows the
// outcome or the problem's detail (an expired or used link: invalid_link).
"use strict";
(() => {
  const { data, T, $, call, status, fail, session } = window.Inkslot;
  const token = new URLSearchParams(window.location.search).get("token");
  const form = $("link-form");

  // The language links keep the token, so switching language does not break the link.
  document.querySelectorAll(".langs a").forEach((a) => {
    const query = new URLSearchParams(window.location.search);
    query.set("lang", a.getAttribute("lang"));
    a.href = "?" + query;
  });

  if (!token) {
    form.hidden = true;
    status(T.noToken);
    return;
  }

  const steps = {
    async verify() {
      await call("POST", "/auth/email/verify", { token });
      return T.verified;
    },
    async reset() {
      await call("POST", "/auth/password/reset", { token, password: $("new-password").value });
      $("new-password").value = "";
      return T.passwordChanged;
    },
    async unlock() {
      session.keep(await call("POST", "/auth/unlock/verify", { token }));
      return T.unlocked;
    },
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = $("link-submit");
    button.disabled = true;
    status(T.working);
    try {
      const done = await steps[data.purpose]();
      form.hidden = true;
      status(done);
    } catch (error) {
      fail(error); // a weak password leaves the link usable: the form stays
      button.disabled = false;
    }
  });
})();
