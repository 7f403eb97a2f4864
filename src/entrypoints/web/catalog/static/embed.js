// Inkslot's booking button for an artist's own website. The artist pastes (the console's
// "Booking link" page gives it):
//   <script src="https://<inkslot>/static/booking-page/embed.js" data-link="<token>" async></script>
// and a button appears where the tag is; it opens the booking page in an overlay (a dialog
// with an iframe). The page lets itself be framed only by the origins the artist listed.
// Optional: data-label (the button's words), data-lang ("en" or "mn": the page's language).
// Accessible: the focus moves into the overlay, stays there (Tab wraps), Escape or Close
// shuts it (Escape inside the page too: it posts "inkslot:close"), and the focus returns to
// the button. Nothing is stored, no cookie is set, nothing else of the host page is touched.
(function () {
  "use strict";
  var WORDS = {
    en: { book: "Book a session", close: "Close", title: "Booking" },
    mn: { book: "Цаг захиалах", close: "Хаах", title: "Цаг захиалга" },
  };
  var TOKEN = /^[A-Za-z0-9_-]{22,86}$/;

  function words(lang) {
    var code = (lang || document.documentElement.lang || "").slice(0, 2).toLowerCase();
    return WORDS[code] || WORDS.en;
  }

  function styled(element, styles) {
    for (var name in styles) { element.style[name] = styles[name]; }
    return element;
  }

  function guard(onFocus) { // a stop at either end of the dialog that sends the focus round
    var stop = document.createElement("span");
    stop.tabIndex = 0;
    stop.addEventListener("focus", onFocus);
    return stop;
  }

  function open(page, origin, opener, said) {
    var overlay = styled(document.createElement("div"), {
      position: "fixed", inset: "0", zIndex: "2147483647", background: "rgba(0,0,0,.6)",
      display: "flex", alignItems: "center", justifyContent: "center",
    });
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", said.title);
    var box = styled(document.createElement("div"), {
      position: "relative", width: "min(100vw, 44rem)", height: "min(100%, 56rem)",
      background: "#fff", display: "flex", flexDirection: "column",
    });
    var close = styled(document.createElement("button"), {
      alignSelf: "flex-end", minWidth: "44px", minHeight: "44px", margin: ".25rem",
      font: "inherit", fontSize: "1rem", cursor: "pointer", background: "#fff", color: "#222",
      border: "1px solid #767080", borderRadius: ".4rem", padding: ".25rem .75rem",
    });
    close.type = "button";
    close.textContent = said.close;
    var frame = styled(document.createElement("iframe"), { flex: "1", width: "100%", border: "0" });
    frame.title = said.title;
    frame.src = page;
    var first = guard(function () { frame.focus(); });
    var last = guard(function () { close.focus(); });
    box.appendChild(close);
    box.appendChild(frame);
    overlay.appendChild(first);
    overlay.appendChild(box);
    overlay.appendChild(last);
    var overflow = document.body.style.overflow;

    function shut() {
      document.removeEventListener("keydown", onKey, true);
      window.removeEventListener("message", onMessage);
      if (overlay.parentNode) { overlay.parentNode.removeChild(overlay); }
      document.body.style.overflow = overflow;
      opener.focus();
    }
    function onKey(event) {
      if (event.key === "Escape" || event.key === "Esc") { event.preventDefault(); shut(); }
    }
    function onMessage(event) {
      if (event.origin === origin && event.source === frame.contentWindow && event.data === "inkslot:close") { shut(); }
    }
    close.addEventListener("click", shut);
    overlay.addEventListener("click", function (event) { if (event.target === overlay) { shut(); } });
    document.addEventListener("keydown", onKey, true);
    window.addEventListener("message", onMessage);
    document.body.appendChild(overlay);
    document.body.style.overflow = "hidden";
    close.focus();
  }

  function setUp(script) {
    if (script.getAttribute("data-inkslot-ready")) { return; }
    script.setAttribute("data-inkslot-ready", "yes");
    var token = script.getAttribute("data-link") || "";
    if (!TOKEN.test(token)) { return; }
    var origin = new URL(script.src, document.baseURI).origin;
    var lang = script.getAttribute("data-lang");
    var page = origin + "/book/" + token + (lang === "en" || lang === "mn" ? "?lang=" + lang : "");
    var said = words(lang);
    var button = styled(document.createElement("button"), {
      minHeight: "44px", minWidth: "44px", padding: ".5rem 1rem", font: "inherit",
      cursor: "pointer", borderRadius: ".4rem", border: "1px solid #6b2fb3",
      background: "#6b2fb3", color: "#fff",
    });
    button.type = "button";
    button.className = "inkslot-book";
    button.textContent = script.getAttribute("data-label") || said.book;
    button.addEventListener("click", function () { open(page, origin, button, said); });
    script.parentNode.insertBefore(button, script.nextSibling);
  }

  function setUpAll() {
    var found = document.querySelectorAll('script[data-link][src*="/static/booking-page/embed.js"]');
    for (var i = 0; i < found.length; i += 1) { setUp(found[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
