import { describe, expect, it } from "vitest";
import { parseModuleAction } from "./module-actions.server";
import { UserInputError } from "./module-key";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};

// Field names come from the client: ones that look like Object.prototype's own members must be
// plain unknown fields (found by tests/integration/fuzz-actions.test.ts: "answer:__proto__" was a 500).
describe("parseModuleAction with field names of Object.prototype", () => {
  it("keeps an answer named __proto__ as an answer (the grader then refuses it)", () => {
    const { answers } = parseModuleAction(
      form([
        ["intent", "quiz-submit"],
        ["quizId", "q"],
        ["attempt", "1"],
        ["answer:__proto__", "x"],
      ]),
    );
    expect(Object.keys(answers)).toEqual(["__proto__"]);
  });

  it("refuses such an answer outside a quiz submission as a user error", () => {
    const parse = () =>
      parseModuleAction(
        form([
          ["intent", "scenario-start"],
          ["scenarioId", "s"],
          ["answer:__proto__", ""],
        ]),
      );
    expect(parse).toThrow(UserInputError);
  });

  it("ignores a field named constructor instead of calling it a repeat", () => {
    const { action } = parseModuleAction(
      form([
        ["intent", "scenario-start"],
        ["scenarioId", "s"],
        ["constructor", "x"],
      ]),
    );
    expect(action).toEqual({ intent: "scenario-start", scenarioId: "s" });
  });
});

// Refusals are message keys (with values), put into words in the reader's language where shown.
describe("parseModuleAction's refusals", () => {
  const refusal = (fields: [string, string][]) => {
    try {
      parseModuleAction(form(fields));
    } catch (error) {
      if (error instanceof UserInputError) return error.message;
      throw error;
    }
    return null;
  };

  it("names an unknown action, a malformed id and a repeated field by their keys", () => {
    expect(refusal([["intent", "delete-everything"]])).toBe("training:errors.unknownAction");
    expect(
      refusal([
        ["intent", "scenario-start"],
        ["scenarioId", "<b>"],
      ]),
    ).toBe('training:errors.invalidId|{"field":"scenarioId"}');
    expect(
      refusal([
        ["intent", "scenario-start"],
        ["intent", "scenario-start"],
      ]),
    ).toBe('training:errors.fieldTwice|{"field":"intent"}');
  });

  it("asks for the full name when only spaces were typed", () => {
    expect(
      refusal([
        ["intent", "attest"],
        ["typedName", "   "],
      ]),
    ).toBe("training:errors.typeFullName");
  });
});
