import { prisma } from "~/db.server";
import { errorKey } from "~/i18n/errors";
import type { ReadableModule } from "./module-key";
import { UserInputError } from "./module-key";

/** Note that the learner read a section to its end (once per section and version). */
export async function markSectionRead(userId: string, module: ReadableModule, sectionId: string) {
  if (!module.sections.some((s) => s.id === sectionId)) {
    throw new UserInputError(errorKey("training:errors.noSection", { id: sectionId }));
  }
  const key = {
    userId,
    moduleSlug: module.slug,
    moduleVersion: module.frontmatter.version,
    sectionId,
  };
  await prisma.sectionRead.upsert({
    where: { userId_moduleSlug_moduleVersion_sectionId: key },
    create: key,
    update: {},
    select: { sectionId: true },
  });
}
