import { data } from "@remix-run/node";
import type { SessionUser } from "~/auth/session.server";
import { canEnter } from "~/auth/roles";
import { prisma } from "~/db.server";
import { log } from "~/utils/log.server";
import type { ModuleArtefact } from "./compile.server";
import type { Frontmatter } from "./frontmatter";
import type { TreeNode } from "./tree";
import { getModuleArtefact, listModuleArtefacts } from "./store.server";
import { inLanguage, type ModuleLanguage } from "./translation";

// Modules as the app's pages need them, with the visibility rules in one place: drafts exist
// only for trainers and admins; a module that failed to compile breaks only its own page.

export const canSeeDrafts = (user: SessionUser) => canEnter(user.role, "studio");

export type ValidModule = ModuleArtefact & {
  frontmatter: Frontmatter;
  tree: TreeNode[];
  language?: ModuleLanguage;
};

function isValid(artefact: ModuleArtefact): artefact is ValidModule {
  return artefact.problems.length === 0 && artefact.frontmatter !== null && artefact.tree !== null;
}

/**
 * The module for reading, or a thrown 404 (unknown, or a draft for this user; 400 for a form
 * posted to such a module) or 500 (broken).
 */
export async function requireReadableModule(
  slug: string,
  user: SessionUser,
  missingStatus = 404,
): Promise<ValidModule> {
  const artefact = await getModuleArtefact(slug);
  const draft = artefact?.frontmatter?.draft ?? false;
  if (!artefact || (draft && !canSeeDrafts(user))) {
    throw data({ message: "There is no such module." }, { status: missingStatus });
  }
  if (!isValid(artefact)) {
    log.error("content.module_broken", { slug, problems: artefact.problems.length });
    throw data(
      {
        message:
          "This module can't be shown right now. The training team has been told; please try again later.",
      },
      { status: 500 },
    );
  }
  return inLanguage(artefact, user.locale);
}

/** The text of a module for the browser: its tree and facts. Quizzes and role-plays come separately. */
export function readerView(module: ValidModule) {
  const { frontmatter: fm } = module;
  return {
    slug: module.slug,
    title: fm.title,
    summary: fm.summary,
    minutes: fm.minutes,
    version: fm.version,
    required: fm.required,
    draft: fm.draft,
    attestation: fm.attestation ?? null,
    sections: module.sections,
    language: module.language ?? inLanguage(module, "en").language,
  };
}

export type ReaderView = ReturnType<typeof readerView>;

/** Every module with its validation state, drafts included: the studio's list. */
export async function studioList() {
  const artefacts = await listModuleArtefacts();
  const order = (a: ModuleArtefact) => a.frontmatter?.order ?? 1000;
  return [...artefacts]
    .sort((a, b) => order(a) - order(b) || a.slug.localeCompare(b.slug))
    .map((a) => ({
      slug: a.slug,
      file: a.file,
      title: a.frontmatter?.title ?? a.slug,
      version: a.frontmatter?.version ?? null,
      minutes: a.frontmatter?.minutes ?? null,
      draft: a.frontmatter?.draft ?? false,
      required: a.frontmatter?.required ?? false,
      audience: a.frontmatter?.audience ?? null,
      quizzes: a.quizzes.length,
      scenarios: a.scenarios.length,
      problems: a.problems.length,
    }));
}

function byCourseOrder(a: ValidModule, b: ValidModule) {
  const order = (m: ValidModule) => m.frontmatter.order ?? 1000;
  return order(a) - order(b) || a.frontmatter.title.localeCompare(b.frontmatter.title);
}

/** Every published module that compiled cleanly, in its English source. */
export async function publishedModules(): Promise<ValidModule[]> {
  return (await listModuleArtefacts()).filter(isValid).filter((m) => !m.frontmatter.draft);
}

/** The course as a learner sees it: published modules (and drafts for trainers), valid ones only. */
export async function readableModules(user: SessionUser) {
  const [artefacts, completions] = await Promise.all([
    listModuleArtefacts(),
    prisma.moduleCompletion.findMany({
      where: { userId: user.id },
      select: { moduleSlug: true, moduleVersion: true, completedAt: true },
    }),
  ]);
  const completedAt = (slug: string, version: string) =>
    completions
      .find((c) => c.moduleSlug === slug && c.moduleVersion === version)
      ?.completedAt.toISOString() ?? null;
  return artefacts
    .filter(isValid)
    .filter((m) => !m.frontmatter.draft || canSeeDrafts(user))
    .sort(byCourseOrder)
    .map((module) => inLanguage(module, user.locale))
    .map((m) => ({
      slug: m.slug,
      title: m.frontmatter.title,
      summary: m.frontmatter.summary,
      minutes: m.frontmatter.minutes,
      version: m.frontmatter.version,
      required: m.frontmatter.required,
      draft: m.frontmatter.draft,
      quizzes: m.quizzes.length,
      scenarios: m.scenarios.length,
      completedAt: completedAt(m.slug, m.frontmatter.version),
      language: m.language.served,
    }));
}
