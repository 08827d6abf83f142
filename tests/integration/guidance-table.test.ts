import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "~/content/check.server";
import { standardsIn } from "~/content/standards.server";

// docs/authoring.md keeps, for trainers, the table of every point of the client's guidance: the
// module that teaches it, where it is practised and the standard that makes it observable. Each
// row must be filled, and every module, quiz question, role-play node and standard it names must
// exist in the course as it is now, so the table cannot drift from the content.

const table = readFileSync("docs/authoring.md", "utf8")
  .split("## The course against the client's guidance")[1]!
  .split("\n")
  .filter(
    (line) =>
      line.startsWith("| ") && !line.startsWith("| Seed point") && !line.startsWith("| ---"),
  )
  .map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );

describe("the guidance table in docs/authoring.md", () => {
  it("has a filled row for every point, naming only what the course has", async () => {
    expect(table.length).toBeGreaterThanOrEqual(50);
    const { modules } = await checkContent(path.resolve("content"));
    const bySlug = new Map(modules.map((m) => [m.slug, m]));
    const standards = new Set(standardsIn(path.resolve("content"), "en").map((s) => s.id));
    const problems: string[] = [];
    for (const [point, moduleCell, practised, standard] of table) {
      if (!point || !moduleCell || !practised || !standard) {
        problems.push(`${point}: a cell is empty`);
        continue;
      }
      const named = moduleCell.split(",").map((s) => s.trim());
      for (const slug of named) if (!bySlug.has(slug)) problems.push(`${point}: no module ${slug}`);
      const inModules = named.flatMap((slug) => (bySlug.get(slug) ? [bySlug.get(slug)!] : []));
      for (const ref of practised.matchAll(/quiz:([a-z0-9-]+)/g)) {
        const found = inModules.some((m) =>
          m.quizzes.some((q) => q.questions.some((question) => question.id === ref[1])),
        );
        if (!found) problems.push(`${point}: no question ${ref[1]} in ${moduleCell}`);
      }
      for (const ref of practised.matchAll(/([a-z0-9-]+):([a-z0-9-]+)/g)) {
        if (ref[1] === "quiz") continue;
        const found = inModules.some((m) =>
          m.scenarios.some((s) => s.id === ref[1] && s.nodes.some((n) => n.id === ref[2])),
        );
        if (!found) problems.push(`${point}: no node ${ref[1]}:${ref[2]} in ${moduleCell}`);
      }
      if (!standard.startsWith("knowledge") && !standards.has(standard))
        problems.push(`${point}: no standard ${standard}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
