import { z } from "zod";
import { changesSchema, versionPattern } from "./frontmatter";

// A translation's frontmatter: only what is translated, and what it was translated from. Order,
// audience, due days and pass marks always come from the English source.

export const sourceHashPattern = /^[0-9a-f]{16}$/;

export const TranslationFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(10).max(400),
    attestation: z.string().trim().min(10).max(1000).optional(),
    // The source's change notes in this language (versions the source does not have are ignored).
    changes: changesSchema.optional(),
    source: z
      .object({
        version: z
          .string()
          .regex(versionPattern, 'must be MAJOR.MINOR, for example "1.0" (quoted)'),
        hash: z
          .string()
          .regex(sourceHashPattern, "must be the 16-character hash content:stamp writes")
          .optional(),
        /** Each source section's hash when the translation was made: what changed since. */
        sections: z.record(z.string(), z.string().regex(/^[0-9a-f]{8}$/)).optional(),
      })
      .strict(),
  })
  .strict();

export type TranslationMeta = z.infer<typeof TranslationFrontmatterSchema>;
