// Live annotation on the Article page: select text to annotate, see everyone's highlights (CSS
// Custom Highlight API: nothing is added to the article's text), a side panel in text order with
// reply threads, filters and keyboard shortcuts. Changes go over HTTP (Web Annotation Protocol);
// the hub pushes everyone's changes, and after a reconnect the page reloads what it missed.
import { describeTextQuote, createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import { rangeFromCodePoints } from "./evidence.js";
import * as api from "./annotation-api.js";
import { renderThread, tagsOf, commentOf, quoteOf, splitTags, el } from "./annotation-view.js";

const EVENTS = ["annotationCreated", "annotationUpdated", "annotationDeleted"];

/** Code points of the root's text before (node, offset), as the server's positions count. */
function codePointsBefore(root, node, offset) {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return Array.from(r.toString()).length;
}

const parentOf = (a) => (typeof a.target === "string" && a.motivation === "replying" ? api.idOf(a.target) : null);

class AnnotationPanel {
  constructor(panel, body, live) {
    Object.assign(this, { panel, body, live });
    this.articleId = Number(panel.dataset.articleId);
    this.container = new URL(panel.dataset.container, location.href).href;
    this.articleIri = new URL(`/articles/${this.articleId}`, location.href).href;
    this.items = new Map(); // id -> annotation (JSON-LD)
    this.ranges = new Map(); // id -> Range in the article body
    this.deleted = new Set();
    this.notices = new Map();
    this.pending = [];
    this.ctx = {
      userId: panel.dataset.userId, mayDeleteAny: panel.dataset.mayDeleteAny === "true", notices: this.notices,
      editing: null, replying: null, idOf: api.idOf, commentOf,
      repliesOf: (id) => [...this.items.values()].filter((r) => parentOf(r) === id).sort((x, y) => x.created.localeCompare(y.created)),
      actions: {
        save: (a, v) => this.save(a, v), reply: (a, v) => this.reply(a, v),
        // An edit starts from the version shown now; saving it later names that version (If-Match).
        edit: (id) => { Object.assign(this.ctx, { editing: id, editDraft: null }); this.editBase = this.items.get(id); this.render(); },
        replyTo: (id) => { Object.assign(this.ctx, { replying: id, replyDraft: null }); this.render(); },
      },
    };
    this.$ = (id) => document.getElementById(id);
  }

  async start() {
    this.bindUi();
    if (this.live) {
      for (const name of EVENTS) this.live.on(name, (e) => this.onEvent(e));
      this.live.on("presenceChanged", (p) => p.articleId === this.articleId && this.showPresence(p.viewers));
      this.live.on("status", (s) => s === "live" && this.join());
      if (this.live.connection.state === "Connected") this.join();
    }
    await this.reload();
  }

  /** Joins the article's group (again after a reconnect) and reloads what changed meanwhile. */
  async join() {
    if (this.joining) return;
    this.joining = true;
    try {
      const joined = await this.live.invoke("JoinArticle", this.articleId);
      this.showPresence(joined.viewers);
      await this.reload();
    } catch (e) {
      this.status(`Live updates unavailable: ${e.message}`);
    } finally {
      this.joining = false;
    }
  }

  async reload() {
    try {
      const fresh = await api.loadAll(this.container);
      const seen = new Set();
      for (const a of fresh) { seen.add(api.idOf(a.id)); this.upsert(a, false); }
      for (const id of [...this.items.keys()]) if (!seen.has(id)) this.items.delete(id);
      await this.anchorAll();
    } catch (e) {
      this.status(`Annotations could not be loaded: ${e.message}`);
    }
  }

  onEvent(e) {
    if (e.articleId !== this.articleId) return;
    const d = e.data;
    if (e.type === "annotationDeleted") {
      this.deleted.add(d.id);
      this.items.delete(d.id);
      this.render();
      return;
    }
    this.deleted.delete(d.id); // shown again (made visible to the team, or its own author's copy)
    if (d.annotation) this.upsert(d.annotation);
    else api.getOne(new URL(String(d.id), this.container).href).then((a) => this.upsert(a)).catch(() => {});
  }

  /** Keeps the newer of two versions; a deleted annotation is not brought back by a stale list. */
  upsert(a, draw = true) {
    const id = api.idOf(a.id);
    if (!draw && this.deleted.has(id)) return;
    const old = this.items.get(id);
    if (old && (old.version ?? 0) > (a.version ?? 0)) return;
    this.items.set(id, a);
    if (draw) this.anchor(a).then(() => this.render());
  }

  async anchorAll() {
    await Promise.all([...this.items.values()].map((a) => this.anchor(a)));
    this.render();
  }

  /** Finds the annotation's range: by code-point position, else by quote (apache-annotator). */
  async anchor(a) {
    const id = api.idOf(a.id);
    this.ranges.delete(id);
    const exact = quoteOf(a);
    if (exact === null || a.orphaned) return;
    const selectors = a.target.selector;
    const position = selectors.find((s) => s.type === "TextPositionSelector");
    let range = position && rangeFromCodePoints(this.body, position.start, position.end);
    if (!range || range.toString() !== exact) {
      range = null;
      const quote = selectors.find((s) => s.type === "TextQuoteSelector");
      for await (const match of createTextQuoteSelectorMatcher(quote)(this.body)) { range = match; break; }
    }
    if (range) this.ranges.set(id, range);
  }

  render() {
    const tag = this.$("annotation-filter-tag").value;
    const person = this.$("annotation-filter-person").value;
    const all = [...this.items.values()];
    const roots = [...all.filter((a) => parentOf(a) === null), ...this.pending];
    const matches = (a) => (!tag || tagsOf(a).includes(tag)) && (!person || a.creator?.name === person);
    const start = (a) => a.target?.selector?.find?.((s) => s.type === "TextPositionSelector")?.start ?? -1;
    const placed = roots.filter((a) => a.pending || quoteOf(a) === null || this.ranges.has(api.idOf(a.id))).sort((x, y) => start(x) - start(y));
    const orphans = roots.filter((a) => !placed.includes(a));
    this.$("annotation-list").replaceChildren(...placed.filter(matches).map((a) => renderThread(a, this.ctx)));
    this.$("orphan-list").replaceChildren(...orphans.filter(matches).map((a) => renderThread(a, this.ctx)));
    this.$("orphan-heading").hidden = orphans.length === 0;
    this.$("annotation-count").textContent = `(${all.length})`;
    this.fillFilter("annotation-filter-tag", all.flatMap(tagsOf), "All tags");
    this.fillFilter("annotation-filter-person", all.map((a) => a.creator?.name).filter(Boolean), "Everyone");
    if ("highlights" in CSS) {
      const shown = placed.filter(matches).map((a) => this.ranges.get(api.idOf(a.id))).filter(Boolean);
      CSS.highlights.set("annotation", new Highlight(...shown));
    }
  }

  fillFilter(id, values, all) {
    const select = this.$(id);
    const current = select.value;
    const options = [...new Set(values)].sort((a, b) => a.localeCompare(b));
    if (select.options.length - 1 === options.length && options.every((v, i) => select.options[i + 1].value === v)) return;
    select.replaceChildren(el("option", { value: "", text: all }), ...options.map((v) => el("option", { value: v, text: v })));
    select.value = options.includes(current) ? current : "";
  }

  bindUi() {
    document.addEventListener("selectionchange", () => this.keepSelection());
    this.$("annotate-selection").addEventListener("click", () => this.openForm());
    this.$("annotation-cancel").addEventListener("click", () => { this.$("annotation-form").hidden = true; });
    this.$("annotation-form").addEventListener("submit", (e) => { e.preventDefault(); this.submit(); });
    for (const id of ["annotation-filter-tag", "annotation-filter-person"]) this.$(id).addEventListener("change", () => this.render());
    this.panel.addEventListener("click", (e) => this.onPanelClick(e));
    this.body.addEventListener("click", (e) => this.onBodyClick(e));
    document.addEventListener("keydown", (e) => this.onKey(e));
  }

  // Remembers a selection in the article, so the Annotate button (which takes the focus) still has it.
  keepSelection() {
    const s = window.getSelection();
    if (s && s.rangeCount && !s.isCollapsed && this.body.contains(s.getRangeAt(0).commonAncestorContainer)) this.selection = s.getRangeAt(0).cloneRange();
  }

  async openForm() {
    // selectionchange arrives as a later task: a key pressed right after selecting must see the selection too.
    this.keepSelection();
    const range = this.selection;
    if (!range || range.collapsed) return this.status("Select some text in the article first.");
    const quote = await describeTextQuote(range, this.body);
    const start = codePointsBefore(this.body, range.startContainer, range.startOffset);
    this.draft = { quote, position: { type: "TextPositionSelector", start, end: start + Array.from(range.toString()).length } };
    this.$("annotation-form-quote").textContent = `“${quote.exact}”`;
    this.$("annotation-form-error").textContent = "";
    this.$("annotation-form").hidden = false;
    this.$("annotation-comment").focus();
  }

  async submit() {
    if (!this.draft) return;
    const values = {
      comment: this.$("annotation-comment").value.trim(),
      tags: splitTags(this.$("annotation-tags").value),
      visibility: this.panel.querySelector('input[name="annotation-visibility"]:checked').value,
    };
    const annotation = api.compose({ ...values, target: { source: this.articleIri, selector: [this.draft.quote, this.draft.position] } });
    // Shown at once, replaced by the server's answer.
    const pending = { ...annotation, id: `${this.container}0`, pending: true, created: new Date().toISOString(),
      creator: { name: "You" }, bodyHtml: "", visibility: values.visibility };
    const paragraph = document.createElement("p");
    paragraph.textContent = values.comment;
    pending.bodyHtml = paragraph.outerHTML;
    this.pending.push(pending);
    this.$("annotation-form").hidden = true;
    this.render();
    try {
      const saved = await api.create(this.container, annotation);
      this.deleted.delete(api.idOf(saved.id));
      this.upsert(saved);
      this.$("annotation-comment").value = "";
      this.$("annotation-tags").value = "";
      this.draft = null;
    } catch (e) {
      this.$("annotation-form").hidden = false;
      this.$("annotation-form-error").textContent = e.message;
    } finally {
      this.pending = this.pending.filter((p) => p !== pending);
      this.render();
    }
  }

  async save(a, values) {
    const id = api.idOf(a.id);
    const target = a.target;
    try {
      const base = this.editBase && api.idOf(this.editBase.id) === id ? this.editBase : a;
      const saved = await api.update(a.id, api.compose({ ...values, target }), api.etagOf(base));
      this.notices.delete(id);
      this.ctx.editing = null;
      this.upsert(saved);
    } catch (e) {
      if (e.status === 412 && e.problem.current) {
        // Someone else's version won: show it, and keep what this person typed where they can copy it.
        this.notices.set(id, `Not saved: this annotation was changed meanwhile, and the current version is shown. Your text was: ${values.comment}`);
        this.ctx.editing = null;
        this.upsert(e.problem.current);
      } else {
        this.notices.set(id, e.message);
        this.render();
      }
    }
  }

  async reply(a, values) {
    if (!values.comment) return;
    try {
      const saved = await api.create(this.container, api.compose({ comment: values.comment, tags: [], visibility: a.visibility, target: a.id, reply: true }));
      this.ctx.replying = null;
      this.upsert(saved);
    } catch (e) {
      this.notices.set(api.idOf(a.id), e.message);
      this.render();
    }
  }

  async onPanelClick(e) {
    const item = e.target.closest("[data-annotation-id]");
    if (!item) return;
    const id = Number(item.dataset.annotationId);
    const a = this.items.get(id);
    if (e.target.closest(".annotation-quote")) return this.focus(id, true);
    const act = e.target.closest("[data-act]")?.dataset.act;
    if (!a || !act) return;
    if (act === "edit") this.ctx.actions.edit(id);
    if (act === "reply") this.ctx.actions.replyTo(id);
    if (act === "delete") {
      try {
        await api.remove(a.id, api.etagOf(a));
        this.deleted.add(id);
        this.items.delete(id);
        this.render();
      } catch (err) {
        this.notices.set(id, err.message);
        this.render();
      }
    }
  }

  /** Clicking highlighted text brings its annotation into view in the panel. */
  onBodyClick(e) {
    const caret = document.caretRangeFromPoint?.(e.clientX, e.clientY);
    if (!caret) return;
    for (const [id, range] of this.ranges) {
      if (range.isPointInRange(caret.startContainer, caret.startOffset)) return this.focus(id, false);
    }
  }

  focus(id, scrollText) {
    const range = this.ranges.get(id);
    if (range && "highlights" in CSS) CSS.highlights.set("annotation-focus", new Highlight(range));
    const item = this.panel.querySelector(`[data-annotation-id="${id}"]`);
    if (scrollText && range) range.startContainer.parentElement?.scrollIntoView({ behavior: "smooth", block: "center" });
    if (item) { item.focus({ preventScroll: scrollText }); if (!scrollText) item.scrollIntoView({ block: "nearest" }); }
  }

  onKey(e) {
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
    if (e.key === "a") { e.preventDefault(); this.openForm(); }
    if (e.key === "n" || e.key === "p") {
      const ids = [...this.$("annotation-list").children].map((li) => Number(li.dataset.annotationId)).filter((id) => this.ranges.has(id));
      if (!ids.length) return;
      const at = ids.indexOf(this.current);
      this.current = ids[e.key === "n" ? Math.min(ids.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1)];
      this.focus(this.current, true);
      e.preventDefault();
    }
  }

  showPresence(viewers) {
    const box = document.getElementById("presence");
    if (box) box.textContent = viewers.length ? `Viewing now: ${viewers.join(", ")}` : "";
  }

  status(text) {
    this.$("annotation-status").textContent = text;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("annotations");
  const body = document.getElementById("article-body");
  if (!panel || !body) return;
  const annotations = new AnnotationPanel(panel, body, window.policyTracker?.live ?? null);
  window.policyTracker = { ...window.policyTracker, annotations };
  annotations.start();
});
