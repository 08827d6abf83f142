import { prisma } from "~/db.server";
import type { NodeDef, ScenarioDef } from "~/content/types";
import { endingPasses, runPassed, runScore, scenarioMaxScore } from "~/content/scenario-scoring";
import { errorKey } from "~/i18n/errors";
import type { ReadableModule } from "../module-key";
import {
  currentMajor,
  moduleKey,
  servedLocale,
  uniqueOrRefuse,
  UserInputError,
} from "../module-key";
import type { PathStep } from "./scoring";
import { choose, goBack } from "./scoring";
import { seededShuffle } from "../quiz/shuffle";
import { checkNextAttempt } from "../attempt-limits.server";
import { attemptRules, attemptState, attemptsView, runHistory } from "../attempt-rules";

// Role-play runs in the database. Every move names the node it answers and the step it expects,
// and is written with a conditional update on both: a stale, repeated or concurrent move changes
// nothing and is refused.

function findScenario(module: ReadableModule, scenarioId: string): ScenarioDef {
  const scenario = module.scenarios.find((s) => s.id === scenarioId);
  if (!scenario)
    throw new UserInputError(errorKey("training:errors.noRolePlay", { id: scenarioId }));
  return scenario;
}

// Runs at any version of the current MAJOR count (a MINOR change re-opens nothing).
const version = currentMajor;

/** Start a new run, ending any run of this role-play still in progress (it stays on record). */
export async function startRun(userId: string, module: ReadableModule, scenarioId: string) {
  const scenario = findScenario(module, scenarioId);
  const where = { userId, ...version(module), scenarioId };
  const last = await prisma.scenarioRun.findFirst({
    where,
    orderBy: { number: "desc" },
    select: { number: true, status: true, passed: true, finishedAt: true },
  });
  // Starting over counts as an attempt: abandoning a run that is going badly is not a way round.
  await checkNextAttempt(userId, module, scenario, runHistory(last));
  await uniqueOrRefuse(
    "training:errors.justStarted",
    prisma.$transaction([
      prisma.scenarioRun.updateMany({
        where: { ...where, status: "active" },
        data: { status: "abandoned" },
      }),
      prisma.scenarioRun.create({
        data: {
          userId,
          ...moduleKey(module),
          scenarioId,
          number: (last?.number ?? 0) + 1,
          currentNodeId: scenario.start,
          scoring: scenario.scoring,
          maxScore: scenarioMaxScore(scenario) ?? 0,
          locale: servedLocale(module),
        },
        select: { id: true },
      }),
    ]),
  );
}

type MoveInput = { scenarioId: string; runId: string; nodeId: string; step: number };

async function activeRun(userId: string, module: ReadableModule, input: MoveInput) {
  const scenario = findScenario(module, input.scenarioId);
  const run = await prisma.scenarioRun.findFirst({
    where: { id: input.runId, userId, scenarioId: scenario.id, ...version(module) },
    select: { id: true, status: true, currentNodeId: true, steps: true, path: true },
  });
  if (!run) throw new UserInputError("training:errors.noRun");
  if (run.status !== "active") throw new UserInputError("training:errors.runEnded");
  if (run.currentNodeId !== input.nodeId || run.steps !== input.step) {
    throw new UserInputError("training:errors.staleReply");
  }
  return { scenario, run, path: JSON.parse(run.path) as PathStep[] };
}

async function commit(
  input: MoveInput,
  data: Parameters<typeof prisma.scenarioRun.updateMany>[0]["data"],
) {
  const { count } = await prisma.scenarioRun.updateMany({
    where: { id: input.runId, status: "active", currentNodeId: input.nodeId, steps: input.step },
    data: { ...data, steps: input.step + 1 },
  });
  if (count !== 1) throw new UserInputError("training:errors.replyRecorded");
}

export async function chooseReply(
  userId: string,
  module: ReadableModule,
  input: MoveInput & { choice: number },
) {
  const { scenario, path } = await activeRun(userId, module, input);
  const node = scenario.nodes.find((n) => n.id === input.nodeId);
  if (!node || !node.choices[input.choice]) throw new UserInputError("training:errors.noReply");
  const move = choose(scenario, path, input.nodeId, input.choice);
  if (move.next.kind === "ending") {
    const score = runScore(scenario, move.path, move.next.id);
    await commit(input, {
      path: JSON.stringify(move.path),
      score: score ?? 0,
      currentNodeId: null,
      endingId: move.next.id,
      status: "finished",
      passed: runPassed(scenario, score, move.next.id),
      finishedAt: new Date(),
    });
  } else {
    await commit(input, {
      path: JSON.stringify(move.path),
      score: runScore(scenario, move.path, null) ?? 0,
      currentNodeId: move.next.id,
    });
  }
}

export async function stepBack(userId: string, module: ReadableModule, input: MoveInput) {
  const { scenario, path } = await activeRun(userId, module, input);
  const back = goBack(path);
  if (!back) throw new UserInputError("training:errors.atStart");
  await commit(input, {
    path: JSON.stringify(back.path),
    score: runScore(scenario, back.path, null) ?? 0,
    currentNodeId: back.current,
  });
}

const bestReply = (node: NodeDef) =>
  node.choices.reduce((best, choice) => (choice.score > best.score ? choice : best));

/** What the module page reads of each run (moduleRecords in ../completion.server.ts). */
export const runFields = {
  id: true,
  scenarioId: true,
  number: true,
  status: true,
  scoring: true,
  path: true,
  currentNodeId: true,
  steps: true,
  score: true,
  maxScore: true,
  endingId: true,
  passed: true,
  finishedAt: true,
} as const;

/** The runs the page shows: in progress or finished (abandoned ones stay on record only). */
export const shownRuns = { status: { in: ["active", "finished"] } };

export type RunRow = {
  id: string;
  scenarioId: string;
  number: number;
  status: string;
  scoring: string;
  path: string;
  currentNodeId: string | null;
  steps: number;
  score: number | null;
  maxScore: number | null;
  endingId: string | null;
  passed: boolean | null;
  finishedAt: Date | null;
};

/** The module's role-plays as the learner sees them, from their runs at this MAJOR version. */
export function scenarioViews(
  module: ReadableModule,
  runs: RunRow[],
  grants: Map<string, Date[]> = new Map(),
  now = new Date(),
) {
  return module.scenarios.map((scenario) => {
    const mine = runs.filter((r) => r.scenarioId === scenario.id);
    const run =
      mine.findLast((r) => r.status === "active") ?? mine.findLast((r) => r.status === "finished");
    const latest = mine.at(-1);
    const rules = attemptRules(scenario, module.frontmatter);
    const state = attemptState(
      rules,
      { ...runHistory(latest), grants: grants.get(scenario.id) ?? [] },
      now,
    );
    // After a finished run that passed, or failed where the rules say so, each reply that scored
    // less than the node's best is shown beside that best reply (path scoring only).
    const reveal =
      run?.status === "finished" &&
      scenario.scoring === "path" &&
      (run.passed === true || rules.showAnswers);
    const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
    const transcript = run
      ? (JSON.parse(run.path) as PathStep[]).map((step) => {
          const node = nodes.get(step.node);
          const reply = node?.choices[step.choice];
          const best = reveal && node ? bestReply(node) : undefined;
          return {
            speaker: node?.speaker ?? "",
            mood: node?.mood ?? "neutral",
            line: node?.line ?? "",
            reply: reply?.text ?? "",
            // Show during, tell after: while the run is on, the customer's next line is the only
            // reaction; why each reply worked or not is the debrief, once the run has ended.
            feedback: run.status === "finished" ? (reply?.feedback ?? "") : "",
            better:
              best && reply && best.score > reply.score
                ? { reply: best.text, feedback: best.feedback }
                : null,
          };
        })
      : [];
    const current = run?.currentNodeId ? nodes.get(run.currentNodeId) : undefined;
    const ending = run?.endingId ? scenario.endings.find((e) => e.id === run.endingId) : undefined;
    return {
      id: scenario.id,
      title: scenario.title,
      setting: scenario.setting,
      finishedEver: mine.some((r) => r.status === "finished" && r.passed),
      limits: attemptsView(state),
      run: run
        ? {
            id: run.id,
            number: run.number,
            step: run.steps,
            transcript,
            current: current
              ? {
                  id: current.id,
                  speaker: current.speaker,
                  mood: current.mood,
                  line: current.line,
                  // In an order of this run's own, the same on every reload of it: in written
                  // order the best reply's place could be learned instead of the skill. Each
                  // keeps its written index, which is what a choice posts.
                  replies: seededShuffle(
                    current.choices.map((c, index) => ({ index, text: c.text })),
                    `${run.id}:${current.id}`,
                  ),
                }
              : null,
            // Earned at the end of the conversation, and only then.
            ending: ending
              ? {
                  title: ending.title,
                  rating: ending.rating,
                  outcome: ending.outcome,
                  // A run scored "none" has no score to show; finishing is what counts.
                  score: run.scoring === "none" ? null : run.score,
                  maxScore: run.scoring === "none" ? null : run.maxScore,
                  passScore: scenario.passScore,
                  passed: run.passed ?? false,
                  lost: !endingPasses(ending),
                }
              : null,
          }
        : null,
    };
  });
}

export type ScenarioView = Awaited<ReturnType<typeof scenarioViews>>[number];
