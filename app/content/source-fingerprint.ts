import { createHash } from "node:crypto";
import type { Section } from "./types";

// What a translation records about the English text it was made from: the hash of all its words (has
// anything changed? Settings such as due days do not count) and a hash per section (which parts changed?). The translatable frontmatter
// and the text before the first heading count as the section "_top".

export type SourceFingerprint = { hash: string; sections: Record<string, string> };

export const topSection = "_top";

const sha = (text: string, length: number) =>
  createHash("sha256").update(text).digest("hex").slice(0, length);

const headingLine = /^#{2,3}\s/;

export function sourceFingerprint(text: string, sections: Section[]): SourceFingerprint {
  const normalised = text.replace(/\r\n/g, "\n");
  const frontmatter = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
  const body = frontmatter ? normalised.slice(frontmatter[0].length) : normalised;
  const translatable = (frontmatter?.[1] ?? "")
    .split("\n")
    .filter((line) => /^(title|summary|attestation):/.test(line))
    .join("\n");
  const parts: string[][] = [[]];
  let fenced = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && headingLine.test(line)) parts.push([]);
    parts[parts.length - 1]!.push(line);
  }
  const bySection: Record<string, string> = {
    [topSection]: sha(`${translatable}\n${parts[0]!.join("\n").trim()}`, 8),
  };
  // Headings inside components would not line up with the compiled sections: then every section
  // hashes the whole body, so any change marks all of them.
  const aligned = parts.length - 1 === sections.length;
  sections.forEach((section, index) => {
    bySection[section.id] = sha(aligned ? parts[index + 1]!.join("\n").trim() : body, 8);
  });
  return { hash: sha(`${translatable}\n${body}`, 16), sections: bySection };
}
