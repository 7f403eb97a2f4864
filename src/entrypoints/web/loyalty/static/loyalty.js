// One's points (/loyalty, the link in the points messages): sign in if this tab has not,
// then each program one has an account in (GET /me/loyalty): the balance and what it takes
// off an invoice now, the tier and the points to the next, the points that expire first,
// and the latest entries (GET /me/loyalty/{programId}/entries). The API shows each account
// to its customer only.
"use strict";
(() => {
  const { T, zone, $, say, call, signedInPage, whenText, intlLang } = window.Inkslot;
  const count = (n) => n.toLocaleString(intlLang);
  const money = (amount, currency) =>
    currency + " " + (amount / 100).toLocaleString(intlLang, { maximumFractionDigits: 2 });

  function line(parent, text, tag = "p") {
    const element = document.createElement(tag);
    element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  async function read() {
    const mine = await call("GET", "/me/loyalty");
    const pages = await Promise.all(
      mine.accounts.map((account) => call("GET", `/me/loyalty/${account.program.id}/entries`)),
    );
    $("loading").hidden = true;
    show(mine.accounts, pages);
  }

  function show(accounts, pages) {
    const box = $("programs");
    box.textContent = "";
    $("points").hidden = false;
    if (accounts.length === 0) {
      line(box, T.noPoints);
      return;
    }
    accounts.forEach((account, index) => {
      const section = document.createElement("section");
      line(section, account.program.name, "h2");
      const value = money(account.value, account.program.currency);
      line(section, say(T.balance, { points: count(account.balance), value }));
      if (account.tier) line(section, say(T.tier, { tier: account.tier.name }));
      if (account.nextTier) {
        const left = Math.max(account.nextTier.threshold - account.tierPoints, 0);
        line(section, say(T.nextTier, { points: count(left), tier: account.nextTier.name }));
      }
      if (account.expiring) {
        const when = whenText(account.expiring.at, zone);
        line(section, say(T.expiring, { points: count(account.expiring.points), when }));
      }
      const list = document.createElement("ol");
      list.className = "thread";
      for (const entry of pages[index].items) {
        const reason = T["reason." + entry.reason] || entry.reason;
        const points = (entry.points > 0 ? "+" : "") + count(entry.points);
        line(list, say(T.entry, { when: whenText(entry.at, zone), points, reason }), "li");
      }
      if (list.childElementCount > 0) {
        line(section, T.history, "h3");
        section.appendChild(list);
      }
      box.appendChild(section);
    });
  }

  signedInPage("points", read);
})();
