import fc from "fast-check";
import { createSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import type { Snapshot } from "./db-snapshot";
import { changedTables, rowDelta, snapshotDatabase } from "./db-snapshot";
import type { FieldSpec, FormPlan } from "./fuzz-forms";
import {
  describeForm,
  encodeForm,
  examplePlans,
  formPlan,
  percentEncode,
  resolvePlan,
} from "./fuzz-forms";
import { context, cookiePair, settle, testOrigin } from "./requests";
import type { Endpoint } from "./route-inventory";

export type { FieldSpec };

// Fuzzing one action: generated forms (./fuzz-forms.ts) posted as a visitor the action is for,
// each answer checked against the database before and after.

/** What an accepted submission's checks get to look at. */
export type AcceptedRun<C> = {
  ctx: C;
  form: [string, string][];
  /** The first value sent for a field, as the action reads it. */
  value: (name: string) => string | undefined;
  result: unknown;
  before: Snapshot;
  after: Snapshot;
};

/** Per table, how many rows an accepted submission may add: [min, max] (0, 0: changes only). */
export type Writes = Record<string, [number, number]>;

export type ActionSpec<C> = {
  /** E-mail of the account that posts (one the action is for); null posts anonymously. */
  as: string | null | ((ctx: C) => string);
  fields: FieldSpec<C>[];
  /** Rows one run needs (a fresh run to move in, an observation to acknowledge...). */
  prepare?: () => Promise<C>;
  /** The tables an accepted submission writes; any other table must stay as it was. */
  writes: Writes;
  /**
   * Audit events an accepted change writes: one (the default), or, for an action that changes
   * several records at once (an import), one per record changed plus its own.
   */
  auditEvents?: [number, number];
  /** Checks that an accepted submission's writes are whole. */
  accepted?: (run: AcceptedRun<C>) => Promise<void> | void;
  /** For an action that takes (or refuses) every form; otherwise both answers must occur. */
  always?: "accepted" | "refused";
  numRuns?: number;
};

export const statusOf = (result: unknown) =>
  result instanceof Response
    ? result.status
    : ((result as { init?: { status?: number } } | null)?.init?.status ?? 200);

/** Headers of a request from a new session of that account (none for anonymous). */
export async function signedInHeaders(email: string | null): Promise<Record<string, string>> {
  if (!email) return {};
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { Cookie: cookiePair(await createSession(user.id)) };
}

type Answer = { status: number; result: unknown; received: [string, string][] };

/** Post the form a plan describes, as the spec's visitor; a thrown Response is an answer too. */
async function post<C>(
  endpoint: Endpoint,
  spec: ActionSpec<C>,
  plan: FormPlan,
  ctx: C,
  signedIn: Record<string, string>,
) {
  const { form, params } = resolvePlan(spec.fields, plan, ctx);
  const body = encodeForm(form, plan.rawTail);
  const url = endpoint.pattern.replace(/:(\w+)/g, (_, name: string) =>
    percentEncode(params[name] ?? ""),
  );
  const request = new Request(new URL(url, testOrigin), {
    method: "POST",
    headers: {
      "Content-Type": plan.contentType,
      Origin: testOrigin,
      ...signedIn,
    },
    body,
  });
  // The fields as the action reads them (a raw tail may change the last one).
  const received = [...new URLSearchParams(body)];
  try {
    const result = await settle(
      (async () => endpoint.handler({ request, params, context: context() }))(),
    );
    return { status: statusOf(result), result, received } satisfies Answer;
  } catch (error) {
    throw new Error(`threw for ${describeForm(received)}`, { cause: error });
  }
}

/**
 * Tables whose changes are not audited: a learner's own training records (they are the record),
 * the version counters database triggers keep (records, rollout) and the bookkeeping of
 * sessions, throttle and write limits.
 */
export const unaudited: readonly string[] = [
  "QuizAttempt",
  "ScenarioRun",
  "Attestation",
  "ModuleCompletion",
  "SectionRead",
  "RecordsVersion",
  "RolloutVersion",
  "AuditEvent",
];

/** An accepted form wrote only the spec's tables, by the spec's row counts, and whole rows. */
async function checkAcceptance<C>(spec: ActionSpec<C>, ctx: C, answer: Answer, before: Snapshot) {
  const after = await snapshotDatabase();
  const delta = rowDelta(before, after);
  // Every change to anything else writes exactly one audit event in the same request: an action
  // that changes data without one fails here, whatever its spec says (README, "Audit log").
  const audited = changedTables(before, after).filter((t) => !unaudited.includes(t));
  const events = after.AuditEvent.count - before.AuditEvent.count;
  const [fewest, most] = spec.auditEvents ?? [1, 1];
  if (audited.length && (events < fewest || events > most))
    throw new Error(
      `changed ${audited.join(", ")} with ${events} audit events, not ${fewest === most ? fewest : `${fewest} to ${most}`}`,
    );
  for (const [table, gained] of Object.entries(delta)) {
    const range = spec.writes[table];
    if (!range || gained! < range[0] || gained! > range[1]) {
      throw new Error(`changed ${table} by ${gained} rows`);
    }
  }
  for (const [table, [min]] of Object.entries(spec.writes)) {
    if (min > 0 && !(table in delta)) throw new Error(`wrote no ${table}`);
  }
  const { received: form, result } = answer;
  const value = (name: string) => form.find(([k]) => k === name)?.[1];
  await spec.accepted?.({ ctx, form, value, result, before, after });
}

/**
 * Post many generated forms to one action. Each must be answered without a thrown error and below
 * 500; a refusal must leave every table as it was; an acceptance may write only the spec's tables,
 * by the spec's row counts, and must pass the spec's own checks. FUZZ_SEED replays a failing
 * run's seed (fast-check prints it); FUZZ_RUNS runs more.
 */
export async function fuzzAction<C>(endpoint: Endpoint, spec: ActionSpec<C>) {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const numRuns = Number(process.env.FUZZ_RUNS) || spec.numRuns || 40;
  const seen = { accepted: 0, refused: 0 };
  const property = fc.asyncProperty(formPlan(spec.fields), async (plan) => {
    const ctx = (await spec.prepare?.()) ?? ({} as C);
    // Signed in first: starting a session (and noting the sign-in) is not the action's write.
    const signedIn = await signedInHeaders(typeof spec.as === "function" ? spec.as(ctx) : spec.as);
    const before = await snapshotDatabase();
    const answer = await post(endpoint, spec, plan, ctx, signedIn);
    const sent = `${answer.status} for ${describeForm(answer.received)}`;
    if (answer.status >= 500) throw new Error(`answered ${sent}`);
    if (answer.status >= 400) {
      seen.refused++;
      const changed = changedTables(before, await snapshotDatabase());
      if (changed.length) throw new Error(`wrote ${changed} but answered ${sent}`);
      return;
    }
    seen.accepted++;
    try {
      await checkAcceptance(spec, ctx, answer, before);
    } catch (error) {
      throw new Error(`wrong writes, answered ${sent}`, { cause: error });
    }
  });
  const examples = examplePlans(spec.fields).map((plan) => [plan] as [FormPlan]);
  await fc.assert(property, { numRuns, seed, examples });
  // Valid values that are not valid (or a check that refuses everything) would test nothing.
  if (spec.always !== "refused" && !seen.accepted) throw new Error("no form was accepted");
  if (spec.always !== "accepted" && !seen.refused) throw new Error("no form was refused");
}
