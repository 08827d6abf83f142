import { Prisma } from "~/generated/prisma/client";
import type { ModuleArtefact } from "~/content/compile.server";
import type { Frontmatter } from "~/content/frontmatter";
import type { ModuleLanguage } from "~/content/translation";

/**
 * A readable module: validated frontmatter, a tree, its definitions; in the words of the language
 * it is served in (`language`), with the English source's ids, keys and scores.
 */
export type ReadableModule = ModuleArtefact & {
  frontmatter: Frontmatter;
  language?: ModuleLanguage;
};

/** The language a record made on this module was shown in. */
export const servedLocale = (module: ReadableModule) => module.language?.served ?? "en";

export const majorOf = (version: string) => Number(version.split(".")[0]);

/**
 * Records that count toward a module now: those made at any version with the current MAJOR
 * (a MINOR change re-opens nothing; a MAJOR one starts afresh).
 */
export function currentMajor(module: ReadableModule) {
  return {
    moduleSlug: module.slug,
    moduleVersion: { startsWith: `${majorOf(module.frontmatter.version)}.` },
  };
}

/** Which module text a record belongs to: every attempt, run and signature carries this. */
export function moduleKey(module: ReadableModule) {
  return {
    moduleSlug: module.slug,
    moduleVersion: module.frontmatter.version,
    contentHash: module.hash,
  };
}

/**
 * A request the user can correct: answered with 400 and its message, after writing nothing. The
 * message is a message key, with values (`errorKey`), or several such keys one a line
 * (`problemLines`), put into words in the reader's language where it is shown.
 */
export class UserInputError extends Error {}

/** Several problems as one message: their keys, one a line (see `problemText` in messages.ts). */
export const problemLines = (keys: string[]) => keys.join("\n");

/** Run a write whose unique key guards against doing it twice; a clash is the user's repeat. */
export async function uniqueOrRefuse<T>(messageKey: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserInputError(messageKey);
    }
    throw error;
  }
}
