import type { Db } from "~/db.server";
import { log } from "~/utils/log.server";
import type { ModuleArtefact } from "./compile.server";

/**
 * Record each published module's (slug, version, content hash, title) at start. A hash not seen
 * before under an existing version is an edit without a version bump: recorded all the same, and
 * logged, so the audit can show exactly which text an attestation was signed against.
 */
export async function syncModuleVersions(db: Db, artefacts: ModuleArtefact[], now = new Date()) {
  const recorded: string[] = [];
  for (const artefact of artefacts) {
    const fm = artefact.frontmatter;
    if (!fm || fm.draft || artefact.problems.length || !artefact.hash) continue;
    const key = { slug: artefact.slug, version: fm.version, contentHash: artefact.hash };
    const existing = await db.moduleVersion.findUnique({
      where: { slug_version_contentHash: key },
      select: { id: true },
    });
    if (existing) continue;
    const sameVersion = await db.moduleVersion.count({
      where: { slug: artefact.slug, version: fm.version },
    });
    await db.moduleVersion.create({
      data: { ...key, title: fm.title, publishedAt: now },
      select: { id: true },
    });
    recorded.push(`${artefact.slug}@${fm.version}`);
    if (sameVersion > 0) {
      log.warn("content.changed_without_version_bump", {
        slug: artefact.slug,
        version: fm.version,
        contentHash: artefact.hash,
      });
    }
  }
  if (recorded.length) log.info("content.versions_recorded", { modules: recorded });
  return recorded;
}
