import { createContext, useContext } from "react";
import type { TreeElement } from "~/content/tree";
import { render } from "./module-body";
import type { SlotRenderers } from "./mdx-components";

// A module's text on the reader's page. The runs of plain text (everything but quizzes and
// role-plays) are rendered to HTML once per module version and language on the server
// (prose.server.tsx) and are not part of the page's data: the server puts them into the page,
// and the browser keeps what it was sent. A navigation inside the app fetches the runs it lacks
// (the module route's clientLoader). The interactive parts stay React, from their tree nodes.

/** A run of text (by the key of its HTML) or a top-level node holding a quiz or role-play. */
export type ProsePiece = { run: string } | { node: TreeElement };

// Runs already seen in this browser tab, by key: a key is a hash of the run's nodes and the
// reader's language, so a run never changes under its key.
const known = new Map<string, string>();

/** A run this tab has: seen before, or in the page the server rendered (kept once read). */
function runInTab(key: string): string | undefined {
  const html = known.get(key);
  if (html !== undefined || typeof document === "undefined") return html;
  const element = document.querySelector(`[data-prose="${CSS.escape(key)}"]`);
  if (element) known.set(key, element.innerHTML);
  return element?.innerHTML;
}

/** Where a run's HTML is found: on the server, its cache; in the browser, what the tab has. */
export const ProseSource = createContext<(key: string) => string | undefined>(runInTab);

/** The keys of these pieces' runs that this tab has not got yet. */
export function missingRuns(pieces: ProsePiece[]) {
  return pieces.flatMap((p) => ("run" in p && runInTab(p.run) === undefined ? [p.run] : []));
}

export function rememberRuns(runs: Record<string, string>) {
  for (const [key, html] of Object.entries(runs)) known.set(key, html);
}

function ProseRun({ runKey }: { runKey: string }) {
  const html = useContext(ProseSource)(runKey) ?? "";
  // The run's HTML came from the module's element tree through React on the server
  // (allowed tags and attributes only, see module-body.tsx), never from a reader.
  return (
    <div className="prose-run" data-prose={runKey} dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** The module's text: runs of HTML, and its quizzes and role-plays filled in by `slots`. */
export function ModuleText({ pieces, slots }: { pieces: ProsePiece[]; slots: SlotRenderers }) {
  return (
    <div className="module-prose">
      {pieces.map((piece, i) =>
        "run" in piece ? (
          <ProseRun key={piece.run} runKey={piece.run} />
        ) : (
          render(piece.node, i, slots)
        ),
      )}
    </div>
  );
}
