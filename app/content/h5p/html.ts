// H5P stores its texts as small HTML fragments (p, strong, em, lists, headings, links). The
// importer turns them into Markdown paragraphs for module text, or one line of plain text for
// props and role-play lines, escaping everything MDX would read as syntax.

const named: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  euro: "€",
  copy: "©",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n =
        code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return n > 0 && n <= 0x10ffff && n !== 0xfffe ? String.fromCodePoint(n) : "";
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

type Block = { kind: "p" | "li" | "h"; text: string };

/** Split an HTML fragment into blocks of inline text, with **bold** and _italic_ kept. */
function blocks(html: string): Block[] {
  const out: Block[] = [];
  let current: Block = { kind: "p", text: "" };
  const flush = (next: Block["kind"] = "p") => {
    // Emphasis never runs across blocks.
    while (open.length) current.text += open.pop();
    if (current.text.trim()) out.push({ kind: current.kind, text: current.text });
    current = { kind: next, text: "" };
  };
  const tokens = html.replace(/<!--[\s\S]*?-->/g, "").split(/(<[^>]*>)/);
  let skip = 0;
  const open: string[] = [];
  for (const token of tokens) {
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!tag) {
      if (skip) continue;
      let text = escapeText(decodeEntities(token).replace(/\s+/g, " "));
      // "<b> word</b>": the space goes before the opening marker, or Markdown ignores it.
      const opened = /(\*\*|_)$/.exec(current.text);
      if (opened && open.at(-1) === opened[1] && text.startsWith(" ")) {
        current.text = `${current.text.slice(0, -opened[1]!.length)} ${opened[1]}`;
        text = text.trimStart();
      }
      current.text += text;
      continue;
    }
    const closing = tag[1] === "/";
    const name = tag[2]!.toLowerCase();
    if (name === "script" || name === "style") skip += closing ? -1 : 1;
    else if (["p", "div", "blockquote", "pre", "tr"].includes(name)) flush();
    else if (name === "li") flush(closing ? "p" : "li");
    else if (/^h[1-6]$/.test(name)) flush(closing ? "p" : "h");
    else if (name === "br") current.text += " ";
    else if (["strong", "b", "em", "i"].includes(name)) {
      const marker = name === "strong" || name === "b" ? "**" : "_";
      if (!closing) {
        open.push(marker);
        current.text += marker;
      } else if (open.at(-1) === marker) {
        open.pop();
        // "<b>word </b>": the space goes after the closing marker.
        current.text = current.text.replace(/(\s*)$/, `${marker}$1`);
      }
    } else if (["ul", "ol", "table"].includes(name)) flush();
    else if (name === "td" || name === "th") current.text += " ";
  }
  flush();
  return out.map((b) => ({ ...b, text: guardLineStart(tidy(b.text)) })).filter((b) => b.text);
}

/** Drop emphasis markers that wrap nothing, and spaces doubled by tags. */
function tidy(text: string) {
  return text
    .replace(/\*\*\s*\*\*|(?<!\\)__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A paragraph that starts like a list item or a thematic break stays a paragraph. */
const guardLineStart = (text: string) =>
  text
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2")
    // MDX reads a paragraph opening with "import " or "export " as code: a character reference
    // for the first letter keeps it text.
    .replace(/^(i)(mport\b)|^(e)(xport\b)/, (_, i, mport, e, xport) =>
      i ? `&#105;${mport}` : `&#101;${xport}`,
    );

/** Markdown paragraphs (and "- " list items) for a module's text. */
export function htmlToMarkdown(html: string): string {
  const parts: string[] = [];
  let previous: Block["kind"] | null = null;
  for (const block of blocks(html)) {
    const line =
      block.kind === "li"
        ? `- ${block.text}`
        : block.kind === "h"
          ? `**${plain(block.text)}**`
          : block.text;
    if (previous === "li" && block.kind === "li") parts[parts.length - 1] += `\n${line}`;
    else parts.push(line);
    previous = block.kind;
  }
  return parts.join("\n\n");
}

/** One line of escaped text (for a role-play line, reply or ending), without emphasis. */
export function htmlToLine(html: string): string {
  return blocks(html)
    .map((b) => plain(b.text))
    .join(" ");
}

/** Unescaped plain text, for props (which are not Markdown) and for ids and titles. */
export function htmlToText(html: string): string {
  return unescapeText(htmlToLine(html));
}

const plain = (text: string) => text.replace(/\*\*|(?<!\\)_/g, "");

/** Backslash-escape what Markdown or MDX would read as syntax in running text. */
export function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

function unescapeText(text: string): string {
  return text
    .replace(/^&#105;mport/, "import")
    .replace(/^&#101;xport/, "export")
    .replace(/\\([\\`*_{}[\]<>#|~!\-+=.)])/g, "$1");
}

/** A JSX attribute: quoted when that is safe, a JSON string expression otherwise. */
export function attribute(name: string, value: string): string {
  return /["{}\n\\]/.test(value) ? `${name}={${JSON.stringify(value)}}` : `${name}="${value}"`;
}
