import { LRUCache } from "lru-cache";
import { dialectOf, prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";

// Each person's training records, boiled down to what statuses and progress need, remembered
// per process. Database triggers count a person's RecordsVersion up with every change to their
// attempts, runs, reads, signatures and completions (in the same transaction), so a remembered
// entry is used only while its version is still the person's: several app processes stay
// correct without telling each other anything.

/** What one person did at one module version. */
export type VersionFacts = {
  passedQuizzes: string[];
  attempts: number;
  finishedScenarios: string[];
  runs: number;
  readSections: string[];
  signed: boolean;
};

export type ModuleRecords = {
  /** Newest first. */
  completions: { moduleVersion: string; completedAt: Date; certificateCode: string }[];
  versions: Map<string, VersionFacts>;
};

/** One person's records; a new object whenever they change, so it can key memos of results. */
export type PersonRecords = { version: number; modules: Map<string, ModuleRecords> };
type Entry = PersonRecords;

// The one cache boundary of the app's data (docs/performance.md, "What is remembered"): the least
// recently used person goes first once this many are remembered.
const cache = new LRUCache<string, Entry>({ max: 50_000 });
// One copy of each id string (section, quiz, version): thousands of people share them.
const interned = new Map<string, string>();
const intern = (value: string) => {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < 100_000) interned.set(value, value);
  return value;
};

export const noRecords: ModuleRecords = { completions: [], versions: new Map() };

function facts(entry: Entry, slug: string, moduleVersion: string): VersionFacts {
  let module = entry.modules.get(slug);
  if (!module) entry.modules.set(slug, (module = { completions: [], versions: new Map() }));
  let version = module.versions.get(moduleVersion);
  if (!version) {
    version = {
      passedQuizzes: [],
      attempts: 0,
      finishedScenarios: [],
      runs: 0,
      readSections: [],
      signed: false,
    };
    module.versions.set(intern(moduleVersion), version);
  }
  return version;
}

const addOnce = (list: string[], value: string) => {
  if (!list.includes(value)) list.push(intern(value));
};

// Section ids are slugs (no spaces): the ids read at one version come as one space-separated list.
const sectionList = () =>
  dialectOf(prisma) === "postgresql"
    ? Prisma.sql`string_agg("sectionId", ' ')`
    : Prisma.sql`group_concat("sectionId", ' ')`;

/**
 * The sections each person read, one row per module version rather than per section: reads are
 * most of a person's records (about 70 of 100 rows), and an export of everyone reads them all.
 */
function sectionsRead(userIds: string[]) {
  return prisma.$queryRaw<
    { userId: string; moduleSlug: string; moduleVersion: string; sectionIds: string }[]
  >`SELECT "userId", "moduleSlug", "moduleVersion", ${sectionList()} AS "sectionIds"
    FROM "SectionRead" WHERE "userId" IN (${Prisma.join(userIds)})
    GROUP BY "userId", "moduleSlug", "moduleVersion"`;
}

/** Read the records of these people (at most a few hundred: one query per kind). */
async function load(people: { id: string; recordsVersion: number }[]) {
  const where = { userId: { in: people.map((p) => p.id) } };
  const [completions, attempts, runs, attestations, reads] = await Promise.all([
    prisma.moduleCompletion.findMany({
      where,
      orderBy: { completedAt: "desc" },
      select: {
        userId: true,
        moduleSlug: true,
        moduleVersion: true,
        completedAt: true,
        certificateCode: true,
      },
    }),
    prisma.quizAttempt.findMany({
      where,
      select: { userId: true, moduleSlug: true, moduleVersion: true, quizId: true, passed: true },
    }),
    prisma.scenarioRun.findMany({
      where,
      select: {
        userId: true,
        moduleSlug: true,
        moduleVersion: true,
        scenarioId: true,
        status: true,
        passed: true,
      },
    }),
    prisma.attestation.findMany({
      where,
      select: { userId: true, moduleSlug: true, moduleVersion: true },
    }),
    sectionsRead(people.map((p) => p.id)),
  ]);
  const entries = new Map<string, Entry>(
    people.map((p) => [p.id, { version: p.recordsVersion, modules: new Map() }]),
  );
  for (const c of completions) {
    const entry = entries.get(c.userId)!;
    facts(entry, c.moduleSlug, c.moduleVersion);
    entry.modules.get(c.moduleSlug)!.completions.push({
      moduleVersion: intern(c.moduleVersion),
      completedAt: c.completedAt,
      certificateCode: c.certificateCode,
    });
  }
  for (const a of attempts) {
    const f = facts(entries.get(a.userId)!, a.moduleSlug, a.moduleVersion);
    f.attempts += 1;
    if (a.passed) addOnce(f.passedQuizzes, a.quizId);
  }
  for (const r of runs) {
    const f = facts(entries.get(r.userId)!, r.moduleSlug, r.moduleVersion);
    f.runs += 1;
    if (r.status === "finished" && r.passed) addOnce(f.finishedScenarios, r.scenarioId);
  }
  for (const a of attestations)
    facts(entries.get(a.userId)!, a.moduleSlug, a.moduleVersion).signed = true;
  for (const r of reads) {
    const read = facts(entries.get(r.userId)!, r.moduleSlug, r.moduleVersion).readSections;
    for (const id of r.sectionIds.split(" ")) addOnce(read, id);
  }
  return entries;
}

// People per query: SQLite takes at most 999 values in one statement.
const batch = 200;

export type RecordsOptions = {
  /**
   * Whether records read from the database are remembered for the next call (the default). A
   * read of everyone, such as a whole-organisation export, passes false: it still uses what is
   * remembered, but would otherwise fill memory with people nobody may look at again.
   */
  remember?: boolean;
};

/**
 * The records of these people, from memory where their version is unchanged and from the
 * database otherwise. Versions are read before records, so a write landing in between only
 * makes the next call read again.
 */
export async function trainingRecords(userIds: string[], { remember = true }: RecordsOptions = {}) {
  const entries = new Map<string, Entry>();
  for (let start = 0; start < userIds.length; start += batch) {
    const ids = userIds.slice(start, start + batch);
    const rows = await prisma.recordsVersion.findMany({
      where: { userId: { in: ids } },
      select: { userId: true, version: true },
    });
    const versions = new Map(rows.map((r) => [r.userId, r.version]));
    const stale: { id: string; recordsVersion: number }[] = [];
    for (const id of ids) {
      const version = versions.get(id) ?? 0;
      const known = cache.get(id);
      if (known?.version === version) entries.set(id, known);
      else stale.push({ id, recordsVersion: version });
    }
    if (!stale.length) continue;
    for (const [id, entry] of await load(stale)) {
      entries.set(id, entry);
      // Whatever was remembered of them is out of date: dropped, and replaced when remembering.
      cache.delete(id);
      if (remember) cache.set(id, entry);
    }
  }
  const nobody: PersonRecords = { version: -1, modules: new Map() };
  return (userId: string): PersonRecords => entries.get(userId) ?? nobody;
}
