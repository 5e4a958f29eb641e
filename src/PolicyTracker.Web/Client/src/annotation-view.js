// Builds the side panel's DOM for one annotation thread. Everything a person typed (quote,
// tags, names) goes in as text; only the comment's HTML, rendered by Markdig and sanitized on
// the server, goes in as markup.

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

export function tagsOf(a) {
  return (Array.isArray(a.body) ? a.body : a.body ? [a.body] : []).filter((b) => b.purpose === "tagging").map((b) => b.value);
}

export function commentOf(a) {
  return (Array.isArray(a.body) ? a.body : a.body ? [a.body] : []).find((b) => b.purpose !== "tagging")?.value ?? "";
}

export function quoteOf(a) {
  const selectors = a.target?.selector ?? [];
  return (Array.isArray(selectors) ? selectors : [selectors]).find((s) => s.type === "TextQuoteSelector")?.exact ?? null;
}

function when(iso) {
  const d = new Date(iso);
  return el("time", { datetime: iso, text: d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) });
}

/** The editing form for a new reply or an edit; calls onSave({comment, tags, visibility}). */
export function editForm({ id, comment = "", tags = [], visibility = "team", withTags, label, onSave, onCancel, onInput = () => {} }) {
  const form = el("form", { class: "annotation-form inline-form" });
  const area = el("textarea", { id: `${id}-comment`, rows: 3, maxlength: 10000 });
  area.value = comment;
  form.append(el("label", { for: area.id, text: label }), area);
  let tagInput;
  if (withTags) {
    tagInput = el("input", { id: `${id}-tags`, autocomplete: "off" });
    tagInput.value = tags.join(", ");
    const team = el("input", { type: "radio", name: `${id}-vis`, value: "team", checked: visibility === "team" });
    const mine = el("input", { type: "radio", name: `${id}-vis`, value: "private", checked: visibility === "private" });
    form.append(el("label", { for: tagInput.id, text: "Tags, separated by commas" }), tagInput,
      el("fieldset", { class: "annotation-visibility" }, el("legend", { text: "Visible to" }),
        el("label", {}, team, " the team"), el("label", {}, mine, " only me")));
  }
  form.append(el("button", { type: "submit", class: "button small", text: "Save" }), " ",
    el("button", { type: "button", class: "link-button dark", text: "Cancel" }));
  const values = () => ({
    comment: area.value.trim(),
    tags: tagInput ? splitTags(tagInput.value) : [],
    visibility: form.querySelector(`input[name="${id}-vis"]:checked`)?.value ?? visibility,
  });
  // Live updates redraw the panel; the draft is kept so nothing typed is lost.
  form.addEventListener("input", () => onInput({ ...values(), comment: area.value, tagText: tagInput?.value }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onSave(values());
  });
  form.querySelector("button[type=button]").addEventListener("click", onCancel);
  queueMicrotask(() => area.focus());
  return form;
}

export function splitTags(text) {
  return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

/** One annotation with its replies. ctx: {userId, mayDeleteAny, notices, editing, replying, repliesOf, idOf, actions}. */
export function renderThread(a, ctx, depth = 0) {
  const id = ctx.idOf(a.id);
  const mine = a.creator?.id?.endsWith(ctx.userId);
  const item = el("li", { class: `annotation${a.visibility === "private" ? " private" : ""}${a.pending ? " pending" : ""}`, tabindex: -1, dataset: { annotationId: id } });
  const quote = depth === 0 ? quoteOf(a) : null;
  if (quote !== null) item.append(el("button", { type: "button", class: "annotation-quote", title: "Show in the text", text: `“${quote}”` }));
  item.append(el("p", { class: "annotation-meta small" },
    el("span", { class: "annotation-author", text: a.creator?.name ?? "someone" }), " · ", when(a.modified ?? a.created),
    a.visibility === "private" ? el("span", { class: "badge private-badge", text: "only you" }) : null,
    a.pending ? el("span", { class: "muted", text: " saving…" }) : null));
  if (ctx.editing === id) {
    const draft = ctx.editDraft;
    item.append(editForm({ id: `edit-${id}`, comment: draft?.comment ?? ctx.commentOf(a), tags: draft ? splitTags(draft.tagText ?? "") : tagsOf(a),
      visibility: draft?.visibility ?? a.visibility, withTags: depth === 0, label: "Comment (Markdown)",
      onSave: (v) => ctx.actions.save(a, v), onCancel: () => ctx.actions.edit(null), onInput: (v) => { ctx.editDraft = v; } }));
  } else {
    const body = el("div", { class: "annotation-body" });
    body.innerHTML = a.bodyHtml ?? ""; // sanitized on the server
    item.append(body);
    const tags = tagsOf(a);
    if (tags.length) item.append(el("ul", { class: "annotation-tags", "aria-label": "Tags" }, ...tags.map((t) => el("li", { class: "tag", text: t }))));
  }
  const notice = ctx.notices.get(id);
  if (notice) item.append(el("p", { class: "form-error", role: "alert", text: notice }));
  if (!a.pending) {
    const actions = el("div", { class: "annotation-actions small" });
    actions.append(el("button", { type: "button", class: "link-button dark", dataset: { act: "reply" }, text: "Reply" }));
    if (mine) actions.append(" ", el("button", { type: "button", class: "link-button dark", dataset: { act: "edit" }, text: "Edit" }));
    if (mine || ctx.mayDeleteAny) actions.append(" ", el("button", { type: "button", class: "link-button dark", dataset: { act: "delete" }, text: "Delete" }));
    item.append(actions);
  }
  if (ctx.replying === id) {
    item.append(editForm({ id: `reply-${id}`, label: "Reply (Markdown)", comment: ctx.replyDraft?.comment ?? "",
      onSave: (v) => ctx.actions.reply(a, v), onCancel: () => ctx.actions.replyTo(null), onInput: (v) => { ctx.replyDraft = v; } }));
  }
  const replies = ctx.repliesOf(id);
  if (replies.length) item.append(el("ol", { class: "annotation-replies", "aria-label": "Replies" }, ...replies.map((r) => renderThread(r, ctx, depth + 1))));
  return item;
}

export { el };
