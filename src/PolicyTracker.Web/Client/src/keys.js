// Keyboard: "/" focuses the search box; "j" and "k" move through search results.
export function enableShortcuts() {
  document.addEventListener("keydown", (e) => {
    const target = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    if (e.key === "/") {
      const box = document.getElementById("q");
      if (box) { e.preventDefault(); box.focus(); box.select(); }
      else { window.location.href = "/search"; }
      return;
    }
    if (e.key === "j" || e.key === "k") {
      const results = [...document.querySelectorAll(".results-list .article-title")];
      if (results.length === 0) return;
      const current = results.indexOf(document.activeElement);
      const next = e.key === "j" ? Math.min(results.length - 1, current + 1) : Math.max(0, current - 1);
      results[next].focus();
      e.preventDefault();
    }
  });
}
