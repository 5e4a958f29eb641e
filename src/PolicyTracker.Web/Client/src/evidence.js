// Highlights flag evidence in the article body with the CSS Custom Highlight API: ranges over
// the existing text nodes, so nothing is added to the article's DOM or its text.

/** A DOM Range over code points [start, end) of the element's textContent. */
export function rangeFromCodePoints(root, start, end) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let startSet = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chars = Array.from(node.data); // code points, as the offsets count
    const nodeEnd = seen + chars.length;
    if (!startSet && start <= nodeEnd) {
      range.setStart(node, utf16Offset(chars, start - seen));
      startSet = true;
    }
    if (startSet && end <= nodeEnd) {
      range.setEnd(node, utf16Offset(chars, end - seen));
      return range;
    }
    seen = nodeEnd;
  }
  return null;
}

function utf16Offset(chars, codePoints) {
  return chars.slice(0, codePoints).join("").length;
}

export function showEvidence() {
  const body = document.getElementById("article-body");
  const panel = document.getElementById("provenance");
  if (!body || !panel || !("highlights" in CSS)) return;
  const ranges = new Map();
  for (const item of panel.querySelectorAll(".flag[data-start]")) {
    if (item.dataset.start === "") continue;
    const range = rangeFromCodePoints(body, Number(item.dataset.start), Number(item.dataset.end));
    if (range) ranges.set(item.dataset.flagId, range);
  }
  CSS.highlights.set("flag-evidence", new Highlight(...ranges.values()));
  panel.addEventListener("click", (e) => {
    const button = e.target.closest(".evidence-quote");
    const range = button && ranges.get(button.dataset.flagId);
    if (!range) return;
    CSS.highlights.set("flag-evidence-focus", new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ behavior: "smooth", block: "center" });
  });
}
