// What axe-core asks of the theme's markup, set once the page is loaded (and again on each
// page the theme's instant navigation would load, should it be switched on):
// - a code block that scrolls sideways can be reached and scrolled with the keyboard;
// - the search dialog has a name;
// - each navigation landmark has a name of its own (the theme names nested ones by their
//   section's title, which two sections may share with a page).
function accessible() {
  document.querySelectorAll(".md-typeset pre > code, .md-typeset__scrollwrap").forEach((box) => {
    box.setAttribute("tabindex", "0");
  });
  document.querySelectorAll(".md-search").forEach((search) => {
    search.setAttribute("aria-label", "Search the documentation");
  });
  const seen = new Map();
  document.querySelectorAll("nav").forEach((nav) => {
    const labelledBy = nav.getAttribute("aria-labelledby");
    const label = labelledBy ? document.getElementById(labelledBy) : null;
    const given = label ? label.textContent : nav.getAttribute("aria-label");
    const name = (given || "").trim() || "Navigation";
    const count = (seen.get(name) || 0) + 1;
    seen.set(name, count);
    nav.setAttribute("aria-label", count === 1 ? name : `${name} (${count})`);
    nav.removeAttribute("aria-labelledby");
  });
}
document.addEventListener("DOMContentLoaded", accessible);
