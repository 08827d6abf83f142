import { z } from "zod";
import type { SessionUser } from "~/auth/session.server";
import { errorKey } from "~/i18n/errors";
import { signAttestation } from "./attestation.server";
import { completeIfDone, moduleProgress } from "./completion.server";
import type { ReadableModule } from "./module-key";
import { UserInputError } from "./module-key";
import { submitAttempt } from "./quiz/attempts.server";
import { chooseReply, startRun, stepBack } from "./scenario/runs.server";

// The one action of a module page: a button's intent picks what happens. Every field is
// validated here; anything off is a UserInputError (400) before a single write. Its message is a
// message key (training:errors.*), put into words where it is shown.

const id = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "training:errors.invalidId");
const count = (max: number) => z.coerce.number().int().min(0).max(max);
const move = { scenarioId: id, runId: z.string().min(1).max(64), nodeId: id, step: count(100_000) };

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("quiz-submit"), quizId: id, attempt: count(100_000).min(1) }),
  z.object({ intent: z.literal("scenario-start"), scenarioId: id }),
  z.object({ intent: z.literal("scenario-choose"), ...move, choice: count(3) }),
  z.object({ intent: z.literal("scenario-back"), ...move }),
  z.object({
    intent: z.literal("attest"),
    typedName: z.string().trim().min(1, "training:errors.typeFullName").max(200),
    agree: z.literal("on").optional(),
  }),
]);

export type ModuleAction = z.infer<typeof ActionSchema>;
const answerPrefix = "answer:";

/** The fields of the form as one object; a field sent twice is refused (except answers). */
function fields(formData: FormData) {
  // Without a prototype, a field named "__proto__" or "constructor" is just an unknown field.
  const single: Record<string, string> = Object.create(null);
  const answers: Record<string, string[]> = Object.create(null);
  for (const [name, value] of formData) {
    if (typeof value !== "string")
      throw new UserInputError(errorKey("training:errors.fieldNotText", { field: name }));
    if (name.startsWith(answerPrefix)) {
      (answers[name.slice(answerPrefix.length)] ??= []).push(value);
    } else if (name in single) {
      throw new UserInputError(errorKey("training:errors.fieldTwice", { field: name }));
    } else {
      single[name] = value;
    }
  }
  return { single, answers };
}

/** Where the page should scroll after the action: the part the user was working on. */
export function anchorFor(action: ModuleAction) {
  if (action.intent === "quiz-submit") return `quiz-${action.quizId}`;
  if (action.intent === "attest") return "attestation";
  return `scenario-${action.scenarioId}`;
}

export function parseModuleAction(formData: FormData): {
  action: ModuleAction;
  answers: Record<string, string[]>;
} {
  const { single, answers } = fields(formData);
  const parsed = ActionSchema.safeParse(single);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "intent";
    throw new UserInputError(
      field === "intent"
        ? "training:errors.unknownAction"
        : issue.message === "training:errors.invalidId"
          ? errorKey(issue.message, { field })
          : field === "typedName"
            ? // What the person typed: the schema's or zod's own key says what to change.
              issue.message
            : errorKey("training:errors.invalidField", { field }),
    );
  }
  if (parsed.data.intent !== "quiz-submit" && Object.keys(answers).length) {
    throw new UserInputError("training:errors.answersOutsideQuiz");
  }
  return { action: parsed.data, answers };
}

export async function performModuleAction(
  user: SessionUser,
  module: ReadableModule,
  action: ModuleAction,
  answers: Record<string, string[]>,
) {
  switch (action.intent) {
    case "quiz-submit": {
      const result = await submitAttempt(user.id, module, {
        quizId: action.quizId,
        attempt: action.attempt,
        answers,
      });
      // Only a pass can be the last thing missing: a failed attempt completes nothing, and its
      // request saves the five reads of the completion check (the page checks on every load).
      if (!result.passed) return null;
      break;
    }
    case "scenario-start":
      // A run just begun finishes nothing.
      await startRun(user.id, module, action.scenarioId);
      return null;
    case "scenario-choose":
      await chooseReply(user.id, module, action);
      break;
    case "scenario-back":
      await stepBack(user.id, module, action);
      break;
    case "attest": {
      const progress = await moduleProgress(user.id, module);
      await signAttestation(
        user,
        module,
        { typedName: action.typedName, agree: action.agree === "on" },
        progress.practiceDone,
      );
      break;
    }
  }
  return completeIfDone(user.id, module);
}
