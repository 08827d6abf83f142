import { z } from "zod";
import { roles } from "~/auth/roles";

// Module frontmatter, validated rather than cast: a typo here must fail content:check with the
// line it is on, not surface as a broken page.

export const versionPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** `"2.0": What changed.` per version, MAJOR.MINOR quoted, as a trainer writes them. */
export const changesSchema = z.record(
  z.string().regex(versionPattern, 'must be MAJOR.MINOR, for example "2.0" (quoted)'),
  z.string().trim().min(10).max(600),
);

export const FrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    // Position in the course; modules without one come last, by title.
    order: z.number().int().min(1).max(999).optional(),
    summary: z.string().trim().min(10).max(400),
    minutes: z.number().int().min(1).max(120),
    version: z.string().regex(versionPattern, 'must be MAJOR.MINOR, for example "1.0" (quoted)'),
    audience: z
      .object({
        roles: z.array(z.enum(roles)).min(1),
        teams: z.array(z.string().trim().min(1)).optional(),
      })
      .strict(),
    required: z.boolean(),
    dueDays: z.number().int().min(1).max(365),
    passScore: z.number().int().min(1).max(100),
    draft: z.boolean().default(false),
    attestation: z.string().trim().min(10).max(1000).optional(),
    // What changed in each version, in a sentence or two: shown to people asked to re-train.
    changes: changesSchema.optional(),
    // Rules for every quiz and role-play in the module; a component's own props win.
    attempts: z
      .object({
        max: z.number().int().min(1).max(20).optional(),
        waitMinutes: z.number().int().min(0).max(10_080).optional(),
        showAnswers: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Frontmatter = z.infer<typeof FrontmatterSchema>;

export function parseVersion(version: string): { major: number; minor: number } {
  const [major, minor] = version.split(".").map(Number);
  return { major: major!, minor: minor! };
}
