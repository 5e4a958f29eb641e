// Saved-search alerts: a toast for each savedSearchMatched event (live or caught up after a
// reconnect) and the unread count beside "Saved searches" in the header, on every page.
import { showNotice } from "./notices.js";

function setCount(count) {
  const badge = document.getElementById("alert-count");
  if (!badge) return;
  badge.textContent = count > 0 ? `${count} new` : "";
  badge.hidden = !(count > 0);
}

export function watchSavedSearches(live) {
  if (!live || !document.getElementById("alert-count")) return;
  fetch("/api/saved-searches/unread", { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : null))
    .then((summary) => { if (summary) setCount(summary.total); })
    .catch(() => {});
  live.on("savedSearchMatched", (e) => {
    const d = e.data ?? {};
    showNotice(`${d.name}: ${d.title}`, `/saved-searches/${d.savedSearchId}`);
    if (typeof d.unread === "number") setCount(d.unread);
  });
}
