import { prisma } from "~/db.server";
import type { ValidModule } from "~/content/modules.server";
import { listModuleArtefacts } from "~/content/store.server";
import { isRole } from "~/auth/roles";
import { majorOf } from "../module-key";
import type { DueRule, Status } from "./due";
import type { LocalDate } from "./time";
import { localDate } from "./time";
import { byUrgency, dueDate, dueDeadline, moduleStatus } from "./due";
import type { PersonRecords, RecordsOptions } from "./records-cache.server";
import { noRecords, trainingRecords } from "./records-cache.server";

// Who must do which module by when, derived on demand from assignments, people, the course and
// their records. Nothing here is stored, so a new person, a new assignment or a new MAJOR version
// takes effect at once.

export type Enrollment = {
  userId: string;
  slug: string;
  title: string;
  summary: string;
  minutes: number;
  version: string;
  required: boolean;
  status: Status;
  dueDate: string;
  assignedAt: string;
  progress: { done: number; total: number; percent: number };
  completion: {
    completedAt: string;
    /** The day it was completed on in the person's own time zone. */
    completedOn: LocalDate;
    version: string;
    certificateCode: string;
  } | null;
};

type Person = {
  id: string;
  role: string;
  teamId: string | null;
  hiredAt: Date | null;
  createdAt: Date;
  timeZone: string;
};

/** An assignment's roles or team ids, stored as a JSON list; anything else reads as none. */
const parseList = (json: string) => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
};

const assignmentRows = () =>
  prisma.assignment.findMany({
    where: { active: true },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      moduleSlug: true,
      roles: true,
      teamIds: true,
      dueRule: true,
      dueDays: true,
      createdAt: true,
    },
  });

const parsedAssignments = (rows: Awaited<ReturnType<typeof assignmentRows>>) =>
  rows.map((a) => ({
    ...a,
    roles: new Set(parseList(a.roles)),
    teamIds: new Set(parseList(a.teamIds)),
    dueRule: (a.dueRule === "after_hire" ? "after_hire" : "after_assignment") as DueRule,
  }));

export async function activeAssignments() {
  return parsedAssignments(await assignmentRows());
}

type AssignmentRow = Awaited<ReturnType<typeof activeAssignments>>[number];

export function assignmentMatches(
  assignment: AssignmentRow,
  person: Pick<Person, "role" | "teamId">,
) {
  const roleOk =
    assignment.roles.size === 0 || (isRole(person.role) && assignment.roles.has(person.role));
  const teamOk =
    assignment.teamIds.size === 0 ||
    (person.teamId !== null && assignment.teamIds.has(person.teamId));
  return roleOk && teamOk;
}

const sectionSets = new WeakMap<ValidModule, Set<string>>();
const sectionsOf = (module: ValidModule) => {
  let ids = sectionSets.get(module);
  if (!ids) sectionSets.set(module, (ids = new Set(module.sections.map((s) => s.id))));
  return ids;
};

const published = (m: Awaited<ReturnType<typeof listModuleArtefacts>>[number]): m is ValidModule =>
  m.problems.length === 0 && m.frontmatter !== null && m.tree !== null && !m.frontmatter.draft;

/**
 * What every enrollment is worked out from besides the person: the active assignments, the
 * published course and when each MAJOR version first appeared. Read once per page or export and
 * passed to each batch of people, not read again per batch.
 */
export async function loadRollout() {
  const [counter, artefacts] = await Promise.all([
    prisma.rolloutVersion.findUnique({ where: { id: 1 }, select: { version: true } }),
    listModuleArtefacts(),
  ]);
  // Database triggers count the version up with every change to assignments and module versions
  // (in the same transaction), so an unchanged version and the same compiled modules mean the
  // same rollout: the same object, so what was worked out against it can be reused (see
  // `remembered` below). Read before the rows: a change landing in between only makes the next
  // call read again. A missing row (a database emptied and filled again) reads as 0 until the
  // next change makes it again.
  const version = counter?.version ?? 0;
  const last = lastRollout;
  if (
    last?.version === version &&
    last.artefacts.length === artefacts.length &&
    last.artefacts.every((a, i) => a === artefacts[i])
  ) {
    return last.rollout;
  }
  const modules = new Map(artefacts.filter(published).map((m) => [m.slug, m]));
  const [rows, versions] = await Promise.all([
    assignmentRows(),
    prisma.moduleVersion.findMany({
      where: { slug: { in: [...modules.keys()] } },
      select: { slug: true, version: true, publishedAt: true },
    }),
  ]);
  // When each MAJOR first appeared: the start of re-training for those who did an older one.
  const majorSince = new Map<string, Date>();
  for (const v of versions) {
    const major = `${v.slug}@${majorOf(v.version)}`;
    const seen = majorSince.get(major);
    if (!seen || v.publishedAt < seen) majorSince.set(major, v.publishedAt);
  }
  const rollout = { assignments: parsedAssignments(rows), modules, majorSince };
  lastRollout = { version, artefacts, rollout };
  return rollout;
}

export type Rollout = {
  assignments: AssignmentRow[];
  modules: Map<string, ValidModule>;
  majorSince: Map<string, Date>;
};
let lastRollout: { version: number; artefacts: unknown[]; rollout: Rollout } | undefined;

/**
 * Enrollments of the given people (all active people when omitted), most urgent first per person.
 * With `remember: false` what is remembered is used, but neither their records (see
 * trainingRecords) nor these enrollments are kept for next time.
 */
export async function listEnrollments(
  userIds?: string[],
  now = new Date(),
  rollout?: Rollout,
  options?: RecordsOptions,
): Promise<Enrollment[]> {
  const [people, current] = await Promise.all([
    prisma.user.findMany({
      where: { active: true, ...(userIds ? { id: { in: userIds } } : {}) },
      select: {
        id: true,
        role: true,
        teamId: true,
        hiredAt: true,
        createdAt: true,
        timeZone: true,
      },
    }),
    rollout ?? loadRollout(),
  ]);
  const recordsOf = await trainingRecords(
    people.map((p) => p.id),
    options,
  );
  const remember = options?.remember ?? true;
  const result: Enrollment[] = [];
  for (const person of people)
    result.push(...remembered(person, current, recordsOf(person.id), now, remember));
  return result;
}

// A person's enrollments, remembered against the objects they were worked out from: their
// records (a new object whenever those change), the rollout (the same object while nothing in
// it changed) and their own row. Statuses also move with time, so an entry holds only from when
// it was worked out until the next due date of theirs passes.
type Memo = {
  rollout: Rollout;
  person: string;
  from: number;
  until: number;
  enrollments: Enrollment[];
};
const memos = new WeakMap<PersonRecords, Memo>();

function remembered(
  person: Person,
  rollout: Rollout,
  records: PersonRecords,
  now: Date,
  remember: boolean,
) {
  const at = now.getTime();
  const key = [
    person.role,
    person.teamId,
    person.hiredAt?.getTime(),
    person.createdAt.getTime(),
    person.timeZone,
  ].join(" ");
  const memo = memos.get(records);
  if (
    memo &&
    memo.rollout === rollout &&
    memo.person === key &&
    memo.from <= at &&
    at < memo.until
  ) {
    return memo.enrollments;
  }
  const enrollments = personEnrollments(person, rollout, records, now);
  if (!remember) return enrollments;
  let until = Infinity;
  for (const e of enrollments) {
    if (e.status === "completed" || e.status === "overdue") continue;
    until = Math.min(until, dueDeadline(e.dueDate, person.timeZone).getTime());
  }
  memos.set(records, { rollout, person: key, from: at, until, enrollments });
  return enrollments;
}

function personEnrollments(
  person: Person,
  { assignments, modules, majorSince }: Rollout,
  personRecords: PersonRecords,
  now: Date,
): Enrollment[] {
  const mine = new Map<string, Enrollment>();
  for (const assignment of assignments) {
    const module = modules.get(assignment.moduleSlug);
    if (!module || !assignmentMatches(assignment, person)) continue;
    const fm = module.frontmatter;
    const major = majorOf(fm.version);
    const sectionIds = sectionsOf(module);
    const records = personRecords.modules.get(module.slug) ?? noRecords;
    const myCompletions = records.completions;
    const current = myCompletions.find((c) => majorOf(c.moduleVersion) === major) ?? null;
    const older = myCompletions.some((c) => majorOf(c.moduleVersion) < major);
    const assignedAt =
      assignment.createdAt > person.createdAt ? assignment.createdAt : person.createdAt;
    const due = dueDate({
      rule: assignment.dueRule,
      dueDays: assignment.dueDays,
      assignedAt,
      hiredAt: person.hiredAt,
      reopenedAt: older && !current ? (majorSince.get(`${module.slug}@${major}`) ?? null) : null,
      timeZone: person.timeZone,
    });
    // What was done at any version of the current MAJOR.
    const passed = new Set<string>();
    const finished = new Set<string>();
    const read = new Set<string>();
    let signed = false;
    let tried = false;
    // A completed module counts as all done: no need to look.
    for (const [version, facts] of current ? [] : records.versions) {
      if (majorOf(version) !== major) continue;
      for (const id of facts.passedQuizzes) passed.add(id);
      for (const id of facts.finishedScenarios) finished.add(id);
      for (const id of facts.readSections) if (sectionIds.has(id)) read.add(id);
      signed ||= facts.signed;
      tried ||= facts.attempts > 0 || facts.runs > 0;
    }
    const needsSignature = Boolean(fm.attestation);
    const total =
      module.sections.length +
      module.quizzes.length +
      module.scenarios.length +
      (needsSignature ? 1 : 0);
    const done = current
      ? total
      : read.size +
        module.quizzes.filter((q) => passed.has(q.id)).length +
        module.scenarios.filter((s) => finished.has(s.id)).length +
        (needsSignature && signed ? 1 : 0);
    const started = done > 0 || tried;
    const enrollment: Enrollment = {
      userId: person.id,
      slug: module.slug,
      title: fm.title,
      summary: fm.summary,
      minutes: fm.minutes,
      version: fm.version,
      required: fm.required,
      status: moduleStatus({
        completedCurrentMajor: current !== null,
        completedOlderMajor: older,
        started,
        dueDate: due,
        timeZone: person.timeZone,
        now,
      }),
      dueDate: due,
      assignedAt: assignedAt.toISOString(),
      progress: { done, total, percent: total ? Math.round((done / total) * 100) : 0 },
      completion: current
        ? {
            completedAt: current.completedAt.toISOString(),
            completedOn: localDate(current.completedAt, person.timeZone),
            version: current.moduleVersion,
            certificateCode: current.certificateCode,
          }
        : null,
    };
    // Two assignments of one module: the earlier due date stands.
    const existing = mine.get(module.slug);
    if (!existing || enrollment.dueDate < existing.dueDate) mine.set(module.slug, enrollment);
  }
  return [...mine.values()].sort(byUrgency);
}
