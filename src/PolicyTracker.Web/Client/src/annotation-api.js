// The Web Annotation Protocol from the page: JSON-LD in and out, the antiforgery header on
// changes, If-Match on edits and deletes. Every failure becomes an Error carrying the problem.
const LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

function token() {
  return document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
}

async function call(method, url, { body, etag } = {}) {
  const headers = { Accept: "application/ld+json", RequestVerificationToken: token() };
  if (body) headers["Content-Type"] = LD;
  if (etag) headers["If-Match"] = etag;
  const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  if (response.status === 204) return null;
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.title ?? `The server answered ${response.status}.`);
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}

/** Every annotation in the container that the caller may see, following the pages. */
export async function loadAll(container) {
  const items = [];
  let page = await call("GET", `${container}?page=0&pageSize=200`).catch((e) => {
    if (e.status === 404) return null; // an empty container has no pages
    throw e;
  });
  while (page) {
    items.push(...page.items);
    page = page.next ? await call("GET", page.next) : null;
  }
  return items;
}

export const getOne = (iri) => call("GET", iri);
export const create = (container, annotation) => call("POST", container, { body: annotation });
export const update = (iri, annotation, etag) => call("PUT", iri, { body: annotation, etag });
export const remove = (iri, etag) => call("DELETE", iri, { etag });

/** The numeric id at the end of an annotation IRI. */
export const idOf = (iri) => Number(new URL(iri, location.href).pathname.split("/").filter(Boolean).pop());

/** The entity tag the server gives this version (see Annotation.ETag). */
export const etagOf = (a) => `"${idOf(a.id)}-${a.version ?? 0}"`;

/** A W3C annotation as the page sends it. */
export function compose({ comment, tags, visibility, target, reply }) {
  const body = [];
  if (comment) body.push({ type: "TextualBody", value: comment, format: "text/markdown", purpose: reply ? "replying" : "commenting" });
  for (const tag of tags) body.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    motivation: reply ? "replying" : comment ? "commenting" : tags.length ? "tagging" : "highlighting",
    body,
    target,
    visibility,
  };
}
