// A compiled module as plain data: the element tree its MDX renders to. The browser renders this
// tree with our own components, so no compiled code is evaluated there (and the CSP needs no
// 'unsafe-eval'). See docs/decisions/005-content-pipeline.md.

export type TreeNode = string | TreeElement;
export type TreeElement = { t: string; p?: Record<string, unknown>; c?: TreeNode[] };

// The HTML Markdown (with GFM) produces; anything else in a tree is dropped when rendering.
export const allowedTags = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "a",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "hr",
  "br",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "sup",
  "sub",
  "section",
  "span",
  "div",
  "input",
  "abbr",
  "kbd",
  "mark",
  "small",
  "s",
  "u",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
]);

export const allowedProps = new Set([
  "id",
  "href",
  "src",
  "alt",
  "title",
  "className",
  "style",
  "colSpan",
  "rowSpan",
  "align",
  "start",
  "type",
  "checked",
  "disabled",
  "dataFootnotes",
  "dataFootnoteRef",
  "dataFootnoteBackref",
  "ariaDescribedBy",
  "ariaLabel",
  "ariaHidden",
  "role",
  "lang",
  "dir",
  // Frontline's components.
  "caption",
  "prompt",
  "feedback",
  "rating",
  "mood",
  "speaker",
  "setting",
  "start",
  "passScore",
]);

/** Only web, mail, phone and in-page links; never javascript: or data: URLs. */
export function isSafeUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  const trimmed = url.trim().toLowerCase();
  if (trimmed.startsWith("/") || trimmed.startsWith("#") || trimmed.startsWith("./")) return true;
  return /^(https?:|mailto:|tel:)/.test(trimmed);
}
