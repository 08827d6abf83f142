import type { ModuleArtefact } from "~/content/compile.server";
import { inLanguage } from "~/content/translation";
import type { ScenarioDef } from "~/content/types";
import { prisma } from "~/db.server";
import { newCertificateCode } from "~/training/completion.server";
import { performModuleAction } from "~/training/module-actions.server";
import type { ReadableModule } from "~/training/module-key";
import { demoDomain } from "./organisation";

// A believable spread of progress for the demo organisation, made through the same domain
// functions a learner's clicks go through, so every record is consistent. Seeded once, right
// after the organisation itself.

const day = 24 * 60 * 60 * 1000;

/** Course order; demo assignments and the spread of progress follow it. */
const courseAssignments = [
  { slug: "our-service-policy", roles: [], teams: [], dueDays: 14, daysAgo: 20 },
  {
    slug: "understanding-customer-needs",
    roles: ["employee", "manager"],
    teams: [],
    dueDays: 21,
    daysAgo: 10,
  },
  {
    slug: "handling-a-complaint",
    roles: ["employee", "manager"],
    teams: [],
    dueDays: 14,
    daysAgo: 18,
  },
  {
    slug: "recording-a-complaint",
    roles: [],
    teams: ["Front desk", "Call centre"],
    dueDays: 21,
    daysAgo: 3,
  },
  {
    slug: "explaining-a-policy",
    roles: ["employee", "manager"],
    teams: [],
    dueDays: 21,
    daysAgo: 5,
  },
  {
    slug: "follow-up-and-retention",
    roles: ["employee", "manager"],
    teams: [],
    dueDays: 30,
    daysAgo: 2,
  },
] as const;

// People whose record the browser tests build from scratch: left untouched.
export const untouched = [
  "amara.okoye",
  "grace.mensah",
  "hana.kobayashi",
  "piotr.nowak",
  "marek.kral",
  "sofia.rossi",
  "ravi.menon",
  "kwame.asante",
  // The Slovenian journey: completes modules in Slovenian, seen by Maya in English.
  "tomas.horvat",
];

/** Replies along the best path to a good ending (depth-first, no node twice). */
function bestReplies(scenario: ScenarioDef): number[][] {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const good = new Set(scenario.endings.filter((e) => e.rating === "good").map((e) => e.id));
  let best: { moves: number[][]; score: number } | null = null;
  const walk = (id: string, moves: number[][], score: number, seen: Set<string>) => {
    if (good.has(id)) {
      if (!best || score > best.score) best = { moves, score };
      return;
    }
    const node = nodes.get(id);
    if (!node || seen.has(id)) return;
    node.choices.forEach((c, i) =>
      walk(c.to, [...moves, [moves.length, i]], score + c.score, new Set([...seen, id])),
    );
  };
  walk(scenario.start, [], 0, new Set());
  return (best as { moves: number[][] } | null)?.moves ?? [];
}

async function complete(
  user: {
    id: string;
    name: string;
    email: string;
    role: string;
    teamId: string | null;
    locale: string;
    timeZone: string;
  },
  source: ReadableModule,
) {
  const session = { ...user, role: user.role as "employee" };
  // In the person's own language where the module has a translation: their records say so.
  const module = inLanguage(source, user.locale);
  for (const quiz of module.quizzes) {
    const answers = Object.fromEntries(
      quiz.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]),
    );
    await performModuleAction(
      session,
      module,
      { intent: "quiz-submit", quizId: quiz.id, attempt: 1 },
      answers,
    );
  }
  for (const scenario of module.scenarios) {
    await performModuleAction(
      session,
      module,
      { intent: "scenario-start", scenarioId: scenario.id },
      {},
    );
    const run = await prisma.scenarioRun.findFirstOrThrow({
      where: { userId: user.id, scenarioId: scenario.id, status: "active" },
      select: { id: true },
    });
    let nodeId = scenario.start;
    for (const [step, choice] of bestReplies(scenario)) {
      await performModuleAction(
        session,
        module,
        {
          intent: "scenario-choose",
          scenarioId: scenario.id,
          runId: run.id,
          nodeId,
          step: step!,
          choice: choice!,
        },
        {},
      );
      nodeId = scenario.nodes.find((n) => n.id === nodeId)!.choices[choice!]!.to;
    }
  }
  if (module.frontmatter.attestation) {
    await performModuleAction(
      session,
      module,
      { intent: "attest", typedName: user.name, agree: "on" },
      {},
    );
  }
}

async function failQuizOnce(userId: string, module: ReadableModule) {
  const quiz = module.quizzes[0];
  if (!quiz) return;
  const answers = Object.fromEntries(
    quiz.questions.map((q) => [q.id, [(q.options.find((o) => !o.correct) ?? q.options[0]!).id]]),
  );
  const session = {
    id: userId,
    name: "",
    email: "",
    role: "employee" as const,
    teamId: null,
    locale: "en",
    timeZone: "Europe/Ljubljana",
  };
  await performModuleAction(
    session,
    module,
    { intent: "quiz-submit", quizId: quiz.id, attempt: 1 },
    answers,
  );
}

export async function seedDemoProgress(artefacts: ModuleArtefact[], now = new Date()) {
  const modules = new Map(
    artefacts
      .filter(
        (m): m is ReadableModule =>
          m.frontmatter !== null && m.problems.length === 0 && !m.frontmatter.draft,
      )
      .map((m) => [m.slug, m]),
  );
  const teams = await prisma.team.findMany({ select: { id: true, name: true } });
  const teamId = (name: string) => teams.find((t) => t.name === name)?.id;
  const admin = await prisma.user.findUnique({
    where: { email: `admin@${demoDomain}` },
    select: { id: true },
  });
  await prisma.assignment.createMany({
    data: courseAssignments
      .filter((a) => modules.has(a.slug))
      .map((a) => ({
        moduleSlug: a.slug,
        roles: JSON.stringify(a.roles),
        teamIds: JSON.stringify(a.teams.map(teamId).filter(Boolean)),
        dueDays: a.dueDays,
        createdAt: new Date(now.getTime() - a.daysAgo * day),
        createdById: admin?.id ?? null,
      })),
  });

  const people = await prisma.user.findMany({
    where: { role: { in: ["employee", "manager"] }, email: { endsWith: `@${demoDomain}` } },
    orderBy: { email: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      teamId: true,
      locale: true,
      timeZone: true,
    },
  });
  const ordered = courseAssignments
    .map((a) => modules.get(a.slug))
    .filter((m): m is ReadableModule => Boolean(m));
  for (const [index, person] of people.entries()) {
    const local = person.email.split("@")[0]!;
    if (untouched.includes(local)) continue;
    if (local === "employee") {
      // Eli shows every status: done, in progress, overdue, not started and re-training.
      await complete(person, ordered[0]!);
      await failQuizOnce(person.id, ordered[1]!);
      const previous = ordered[4]!;
      await prisma.moduleCompletion.create({
        data: {
          userId: person.id,
          moduleSlug: previous.slug,
          moduleVersion: "0.9",
          contentHash: "0".repeat(64),
          completedAt: new Date(now.getTime() - 200 * day),
          certificateCode: newCertificateCode(),
        },
      });
      continue;
    }
    // Everyone else: the first few modules done, the next one started now and then.
    const done = index % 4;
    for (const module of ordered.slice(0, done)) await complete(person, module);
    if (index % 3 === 0 && ordered[done]) await failQuizOnce(person.id, ordered[done]);
  }
}

/**
 * The demo's people have been working on their training, so they have signed in: each one's
 * latest sign-in is their latest reading or completion (people with neither have never signed in,
 * which the admin's list shows).
 */
export async function seedDemoSignIns() {
  const [reads, completions] = await Promise.all([
    prisma.sectionRead.groupBy({ by: ["userId"], _max: { readAt: true } }),
    prisma.moduleCompletion.groupBy({ by: ["userId"], _max: { completedAt: true } }),
  ]);
  const latest = new Map<string, Date>();
  for (const [userId, at] of [
    ...reads.map((r) => [r.userId, r._max.readAt] as const),
    ...completions.map((c) => [c.userId, c._max.completedAt] as const),
  ]) {
    if (at && (!latest.has(userId) || latest.get(userId)! < at)) latest.set(userId, at);
  }
  await prisma.$transaction(
    [...latest].map(([id, lastSignInAt]) =>
      prisma.user.update({ where: { id }, data: { lastSignInAt }, select: { id: true } }),
    ),
  );
}
