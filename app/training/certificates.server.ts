import { getModuleArtefact } from "~/content/store.server";
import { prisma } from "~/db.server";
import { isLookupKey } from "~/db/lookup-key";
import { localDate } from "./rollout/time";

// Certificates: a completion as its holder prints it, and the little a stranger holding the
// printout may learn by its code. Dates are local calendar dates in the holder's time zone, so
// the certificate, /verify and /me agree on the day whatever zone the reader is in.

/** The module's title as it was published at that version, else as it is now, else its slug. */
export async function moduleTitle(slug: string, version: string, contentHash?: string) {
  const published = await prisma.moduleVersion.findFirst({
    where: { slug, version, ...(contentHash ? { contentHash } : {}) },
    orderBy: { publishedAt: "desc" },
    select: { title: true },
  });
  if (published) return published.title;
  if (contentHash) return moduleTitle(slug, version);
  const artefact = await getModuleArtefact(slug);
  return artefact?.frontmatter?.title ?? slug;
}

/** The user's certificate for a module: their latest completion of it, at any version. */
export async function certificateFor(userId: string, slug: string) {
  if (!isLookupKey(slug)) return null;
  const completion = await prisma.moduleCompletion.findFirst({
    where: { userId, moduleSlug: slug },
    orderBy: { completedAt: "desc" },
    select: {
      moduleSlug: true,
      moduleVersion: true,
      contentHash: true,
      completedAt: true,
      certificateCode: true,
      locale: true,
      user: { select: { name: true, timeZone: true } },
    },
  });
  if (!completion) return null;
  return {
    name: completion.user.name,
    slug: completion.moduleSlug,
    module: await moduleTitle(
      completion.moduleSlug,
      completion.moduleVersion,
      completion.contentHash,
    ),
    version: completion.moduleVersion,
    completedOn: localDate(completion.completedAt, completion.user.timeZone),
    code: completion.certificateCode,
    /** The language the module was completed in: the certificate's language. */
    locale: completion.locale,
  };
}

/** 80 bits in lower-case base32 without padding: what newCertificateCode() makes. */
const codeShape = /^[a-z2-7]{16}$/;

/** A code as a person may type it from paper: any case, grouped with spaces or dashes. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();

/**
 * What /verify/<code> may tell anyone holding the code: whose certificate, for which module and
 * version, and on which day. Nothing else (no e-mail, team, scores), and null for an unknown or
 * malformed code.
 */
export async function verifyCertificate(code: string) {
  const normalised = normaliseCode(code);
  if (!codeShape.test(normalised)) return null;
  const completion = await prisma.moduleCompletion.findUnique({
    where: { certificateCode: normalised },
    select: {
      moduleSlug: true,
      moduleVersion: true,
      contentHash: true,
      completedAt: true,
      locale: true,
      user: { select: { name: true, timeZone: true } },
    },
  });
  if (!completion) return null;
  return {
    name: completion.user.name,
    module: await moduleTitle(
      completion.moduleSlug,
      completion.moduleVersion,
      completion.contentHash,
    ),
    version: completion.moduleVersion,
    completedOn: localDate(completion.completedAt, completion.user.timeZone),
    locale: completion.locale,
  };
}

/** "abcd efgh ijkl mnop": easier to read aloud and to copy from paper. */
export const groupedCode = (code: string) => code.match(/.{1,4}/g)?.join(" ") ?? code;
