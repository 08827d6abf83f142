import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { TreeElement, TreeNode } from "~/content/tree";
import type { Locale } from "~/i18n/config";
import { instanceFor } from "~/i18n/i18n.server";
import type { ValidModule } from "~/content/modules.server";
import { render } from "./module-body";
import type { ProsePiece } from "./prose";

// The server's half of prose.tsx: a module's runs of text rendered to HTML once per text (a module
// version in the language served) and reader's language (callouts name their kind in it).

const holdsSlot = (node: TreeNode): boolean =>
  typeof node !== "string" && (node.t.endsWith("Slot") || (node.c ?? []).some(holdsSlot));

const noSlots = { quiz: () => null, scenario: () => null };

// Rendered runs by key. A key is a hash of the run's nodes and the reader's language, so it
// names the same HTML in every process and a changed text gets new keys; old ones are only
// dropped for room.
const maxRuns = 2_000;
const html = new Map<string, string>();
// The pieces of each text (a module version in one language) per reader's language: a tree is
// the same object for as long as its text is unchanged.
const pieces = new WeakMap<TreeNode[], Map<Locale, ProsePiece[]>>();

/** The module's text as pieces for the page, its runs rendered (and kept) on first use. */
export function prosePieces(module: ValidModule, uiLocale: Locale): ProsePiece[] {
  let perLocale = pieces.get(module.tree);
  if (!perLocale) pieces.set(module.tree, (perLocale = new Map()));
  const cached = perLocale.get(uiLocale);
  if (cached?.every((p) => !("run" in p) || html.has(p.run))) return cached;
  const i18n = instanceFor(uiLocale);
  const result: ProsePiece[] = [];
  let run: TreeNode[] = [];
  const flush = () => {
    if (!run.length) return;
    const nodes = run;
    const key = createHash("sha256")
      .update(`${uiLocale}\0${JSON.stringify(nodes)}`)
      .digest("base64url")
      .slice(0, 22);
    if (!html.has(key)) {
      html.set(
        key,
        renderToStaticMarkup(
          <I18nextProvider i18n={i18n}>
            {nodes.map((n, i) => render(n, i, noSlots))}
          </I18nextProvider>,
        ),
      );
      if (html.size > maxRuns) html.delete(html.keys().next().value!);
    }
    result.push({ run: key });
    run = [];
  };
  for (const node of module.tree) {
    if (holdsSlot(node)) {
      flush();
      result.push({ node: node as TreeElement });
    } else run.push(node);
  }
  flush();
  perLocale.set(uiLocale, result);
  return result;
}

/** A run's HTML, for the page the server renders (entry.server.tsx). */
export const proseHtml = (key: string) => html.get(key);

/** The HTML of these pieces' runs, for a page the browser renders itself. */
export function proseRuns(list: ProsePiece[]) {
  const runs: Record<string, string> = {};
  for (const p of list) if ("run" in p) runs[p.run] = html.get(p.run) ?? "";
  return runs;
}
