import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { ModuleArtefact } from "../../../app/content/compile.server";
import type { QuizDef } from "../../../app/content/types";
import { channels } from "../../../app/team/observation-schema";
import type { QuizAnswers } from "../../../app/training/quiz/grading";
import type { Fields } from "./visitor";

// What the chaos traffic submits: quiz answers for the published modules of the build under test,
// and observations rated against its service standards. Answers are random, right or wrong: the
// server grades and stores either.

export type Quiz = {
  slug: string;
  version: string;
  def: QuizDef;
  passScore: number;
  /** The module's sections, for reading reports. */
  sectionIds: string[];
};

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Every quiz of every published, valid module in the build. */
export function readQuizzes(appDir: string): Quiz[] {
  const file = path.join(appDir, "build/content/modules.json");
  const { modules } = JSON.parse(readFileSync(file, "utf8")) as { modules: ModuleArtefact[] };
  return modules
    .filter((m) => m.frontmatter && !m.frontmatter.draft && m.problems.length === 0)
    .flatMap((m) =>
      m.quizzes.map((def) => ({
        slug: m.slug,
        version: m.frontmatter!.version,
        def,
        passScore: def.passScore ?? m.frontmatter!.passScore,
        sectionIds: m.sections.map((section) => section.id),
      })),
    );
}

export function readStandardIds(appDir: string): string[] {
  const file = path.join(appDir, "content/standards.yaml");
  const { standards } = parseYaml(readFileSync(file, "utf8")) as { standards: { id: string }[] };
  return standards.map((s) => s.id);
}

export function randomAnswers(quiz: QuizDef): QuizAnswers {
  return Object.fromEntries(
    quiz.questions.map((question) => {
      const ids = question.options.map((o) => o.id);
      if (question.type === "single") return [question.id, [pick(ids)]];
      const some = ids.filter(() => Math.random() < 0.5);
      return [question.id, some.length ? some : [pick(ids)]];
    }),
  );
}

export function quizForm(quiz: Quiz, attempt: number, answers: QuizAnswers): Fields {
  return {
    intent: "quiz-submit",
    quizId: quiz.def.id,
    attempt: String(attempt),
    ...Object.fromEntries(Object.entries(answers).map(([id, chosen]) => [`answer:${id}`, chosen])),
  };
}

export type ObservationInput = {
  employeeId: string;
  channel: string;
  notes: string;
  ratings: Record<string, number | null>;
};

/** Random ratings (at least one scored), on a random channel, with notes that name the write. */
export function randomObservation(
  employeeId: string,
  standardIds: string[],
  notes: string,
): ObservationInput {
  const ratings = Object.fromEntries(
    standardIds.map((id) => [id, Math.random() < 0.3 ? null : 1 + Math.floor(Math.random() * 5)]),
  );
  ratings[pick(standardIds)] = 1 + Math.floor(Math.random() * 5);
  return { employeeId, channel: pick(channels), notes, ratings };
}

/** "YYYY-MM-DDTHH:mm" in the zone, as the form's datetime-local input sends it. */
export { wallClockValue as wallClock } from "~/team/observations.server";

export function observationForm(input: ObservationInput, observedAt: string): Fields {
  return {
    employeeId: input.employeeId,
    observedAt,
    channel: input.channel,
    notes: input.notes,
    ...Object.fromEntries(
      Object.entries(input.ratings).map(([id, r]) => [
        `ratings.${id}`,
        r === null ? "na" : String(r),
      ]),
    ),
  };
}
