// The Claims panel of the Article page: claim spans highlighted by status with the CSS Custom
// Highlight API (nothing is added to the article body), proposing a claim from a selection,
// accepting and dismissing suggestions, rulings and sign-off through the claims API, and a
// fresh panel whenever a claimUpdated event for this article arrives.
import { rangeFromCodePoints } from "./evidence.js";

const STATUSES = ["unverified", "in_review", "verified", "disputed", "false", "inconclusive", "pending_signoff", "suggested"];

function token() {
  return document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
}

async function send(method, url, body, version) {
  const headers = { "Content-Type": "application/json", RequestVerificationToken: token() };
  if (version) headers["If-Match"] = `"${version}"`;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, data };
}

/** Code-point offset of a DOM position within root's textContent. */
function codePointOffset(root, node, offset) {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return Array.from(range.toString()).length;
}

function highlight(body, panel) {
  if (!("highlights" in CSS)) return new Map();
  const byStatus = new Map(STATUSES.map((s) => [s, []]));
  const ranges = new Map();
  for (const item of panel.querySelectorAll(".claim[data-start]")) {
    const range = rangeFromCodePoints(body, Number(item.dataset.start), Number(item.dataset.end));
    if (!range) continue;
    ranges.set(item.dataset.claimId, range);
    byStatus.get(item.dataset.status)?.push(range);
  }
  for (const [status, list] of byStatus) CSS.highlights.set(`claim-${status}`, new Highlight(...list));
  return ranges;
}

export function showClaims(live) {
  const body = document.getElementById("article-body");
  let panel = document.getElementById("claims");
  if (!body || !panel) return;
  const articleId = Number(panel.dataset.articleId);
  let ranges = highlight(body, panel);
  let selection = null;

  const say = (text) => { const m = document.getElementById("claim-message"); if (m) m.textContent = text; };

  async function refresh(message) {
    const response = await fetch(`/articles/${articleId}/claims-panel`, { headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const holder = document.createElement("div");
    holder.innerHTML = await response.text();
    const fresh = holder.querySelector("#claims");
    if (!fresh) return;
    panel.replaceWith(fresh);
    panel = fresh;
    ranges = highlight(body, panel);
    updateProposeButton();
    if (message) say(message);
  }

  async function act(promise, done) {
    const result = await promise;
    if (result.ok) await refresh(done);
    else if (result.status === 412) await refresh("Someone else changed this claim first; the panel now shows its current state.");
    else say(result.data?.title ?? `The request failed (${result.status}).`);
  }

  function updateProposeButton() {
    const button = document.getElementById("propose-claim");
    if (!button) return;
    const sel = document.getSelection();
    selection = null;
    if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
      const r = sel.getRangeAt(0);
      if (body.contains(r.startContainer) && body.contains(r.endContainer)) {
        const start = codePointOffset(body, r.startContainer, r.startOffset);
        const end = codePointOffset(body, r.endContainer, r.endOffset);
        const exact = Array.from(body.textContent).slice(start, end).join("");
        if (exact.trim()) selection = { start, end, exact };
      }
    }
    button.disabled = !selection;
    const hint = document.getElementById("propose-hint");
    if (hint) hint.textContent = selection ? `Selected: “${selection.exact.slice(0, 80)}${selection.exact.length > 80 ? "…" : ""}”` : "Select a sentence in the article first.";
  }

  document.addEventListener("selectionchange", updateProposeButton);

  document.addEventListener("click", (e) => {
    if (!panel.contains(e.target)) return;
    const target = e.target.closest("button");
    if (!target) return;
    const id = target.dataset.claimId;
    const item = id && panel.querySelector(`.claim[data-claim-id="${id}"]`);
    if (target.id === "propose-claim" && selection) {
      const s = selection;
      act(send("POST", `/api/articles/${articleId}/claims`, {
        selector: [{ type: "TextQuoteSelector", exact: s.exact }, { type: "TextPositionSelector", start: s.start, end: s.end }],
      }), "Claim proposed.");
    } else if (target.classList.contains("claim-quote")) {
      const range = ranges.get(id);
      if (range) {
        CSS.highlights.set("claim-focus", new Highlight(range));
        range.startContainer.parentElement?.scrollIntoView({ behavior: "smooth", block: "center" });
      }
    } else if (target.classList.contains("claim-accept")) {
      act(send("POST", `/api/claims/${id}/accept`, undefined, item?.dataset.version), "Suggestion accepted.");
    } else if (target.classList.contains("claim-dismiss")) {
      act(send("POST", `/api/claims/${id}/dismiss`, {}, item?.dataset.version), "Suggestion dismissed.");
    } else if (target.classList.contains("claim-signoff-approve") || target.classList.contains("claim-signoff-reject")) {
      const approve = target.classList.contains("claim-signoff-approve");
      const note = item?.querySelector(".signoff-note")?.value ?? "";
      act(send("POST", `/api/claims/${id}/signoff`, { approve, note }, item?.dataset.version), approve ? "Ruling confirmed." : "Ruling rejected.");
    }
  });

  document.addEventListener("submit", (e) => {
    const form = e.target.closest(".claim-rule-form");
    if (!form || !panel.contains(form)) return;
    e.preventDefault();
    const id = form.dataset.claimId;
    const item = panel.querySelector(`.claim[data-claim-id="${id}"]`);
    const data = new FormData(form);
    const where = String(data.get("evidence") ?? "").trim();
    const evidence = where === "" ? [] : [/^\d+$/.test(where)
      ? { articleId: Number(where), note: data.get("evidenceNote") }
      : { url: where, note: data.get("evidenceNote") }];
    act(send("PUT", `/api/claims/${id}`, { status: data.get("status"), note: data.get("note"), evidence }, item?.dataset.version), "Ruling saved.");
  });

  if (live) {
    live.on("claimUpdated", (e) => { if (e.articleId === articleId) refresh(); });
    const join = () => live.invoke("JoinArticle", articleId).catch(() => {});
    live.on("status", (s) => { if (s === "live") join(); });
  }
}
