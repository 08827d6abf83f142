import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Problem } from "./types";

// The service standards managers observe, from content/standards.yaml.

const StandardsSchema = z
  .object({
    standards: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens"),
            title: z.string().trim().min(3).max(120),
            description: z.string().trim().min(10).max(400),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Standard = z.infer<typeof StandardsSchema>["standards"][number];

export const standardsFile = "standards.yaml";

export function readStandards(contentDir: string): { standards: Standard[]; problems: Problem[] } {
  const file = standardsFile;
  const full = path.join(contentDir, file);
  if (!existsSync(full)) {
    return {
      standards: [],
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: "Missing standards.yaml: the service standards managers observe",
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(full, "utf8"), { lineCounter });
  if (doc.errors.length) {
    return {
      standards: [],
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        message: `YAML: ${e.message.split("\n")[0]}`,
      })),
    };
  }
  const result = StandardsSchema.safeParse(doc.toJS());
  const problems: Problem[] = [];
  if (result.success) {
    const seen = new Set<string>();
    result.data.standards.forEach((s, i) => {
      if (seen.has(s.id))
        problems.push({
          file,
          ...lineOf(doc, lineCounter, ["standards", i, "id"]),
          message: `Standard id "${s.id}" is used twice`,
        });
      seen.add(s.id);
    });
    return { standards: problems.length ? [] : result.data.standards, problems };
  }
  for (const issue of result.error.issues) {
    problems.push({
      file,
      ...lineOf(doc, lineCounter, issue.path as (string | number)[]),
      message: `${issue.path.join(".") || "standards.yaml"}: ${issue.message}`,
    });
  }
  return { standards: [], problems };
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  at: (string | number)[],
) {
  // Walk up the path until a node with a position exists.
  for (let depth = at.length; depth >= 0; depth--) {
    const node = doc.getIn(at.slice(0, depth), true) as
      { range?: [number, number, number] } | undefined;
    if (node && (isMap(node) || isSeq(node) || node.range)) {
      const offset = node.range?.[0];
      if (offset !== undefined) {
        const pos = counter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
  }
  return { line: 1, column: 1 };
}
