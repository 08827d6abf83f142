import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import type { TreeElement, TreeNode } from "~/content/tree";
import type { Locale } from "~/i18n/config";
import { instanceFor } from "~/i18n/i18n.server";
import type { ValidModule } from "~/content/modules.server";
import { render } from "./module-body";
import type { ProsePiece } from "./prose";

// The server's half of prose.tsx: a module's runs of text rendered to HTML once per module
// version, language served and reader's language (callouts name their kind in it), kept here.

const holdsSlot = (node: TreeNode): boolean =>
  typeof node !== "string" && (node.t.endsWith("Slot") || (node.c ?? []).some(holdsSlot));

const noSlots = { quiz: () => null, scenario: () => null };

// Rendered runs by key; a new course version makes new keys, so old ones are only dropped for room.
const maxRuns = 2_000;
const html = new Map<string, string>();
// Each module version's pieces per reader's language, so the tree is walked once.
const pieces = new Map<string, ProsePiece[]>();

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.set(key, value);
  if (map.size > maxRuns) map.delete(map.keys().next().value!);
}

/** The module's text as pieces for the page, its runs rendered (and kept) on first use. */
export function prosePieces(module: ValidModule, uiLocale: Locale): ProsePiece[] {
  const served = module.language?.served ?? "en";
  const id = `${module.slug}\0${module.hash}\0${served}\0${uiLocale}`;
  const cached = pieces.get(id);
  if (cached && cached.every((p) => !("run" in p) || html.has(p.run))) return cached;
  const i18n = instanceFor(uiLocale);
  const result: ProsePiece[] = [];
  let run: TreeNode[] = [];
  const flush = () => {
    if (!run.length) return;
    const key = createHash("sha256")
      .update(`${id}\0${result.length}`)
      .digest("base64url")
      .slice(0, 16);
    const nodes = run;
    remember(
      html,
      key,
      renderToStaticMarkup(
        <I18nextProvider i18n={i18n}>{nodes.map((n, i) => render(n, i, noSlots))}</I18nextProvider>,
      ),
    );
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
  remember(pieces, id, result);
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
