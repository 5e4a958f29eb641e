// Small, accessible toast notifications in the page's live region.
export function showNotice(text, href) {
  const region = document.getElementById("notices");
  if (!region) return;
  const item = document.createElement("div");
  item.className = "notice";
  item.setAttribute("role", "status");
  if (href) {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text; // textContent: titles are data, never markup
    item.append(link);
  } else {
    item.textContent = text;
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "notice-close";
  close.setAttribute("aria-label", "Dismiss notification");
  close.textContent = "×";
  close.addEventListener("click", () => item.remove());
  item.append(close);
  region.append(item);
  setTimeout(() => item.remove(), 15000);
}
