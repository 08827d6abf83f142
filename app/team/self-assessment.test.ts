import { describe, expect, it } from "vitest";
import type { Ratings } from "./self-assessment";
import {
  allStatementFields,
  bandOf,
  shownTotal,
  ratingsFromInput,
  SelfAssessmentSchema,
  scoreSelfAssessment,
  selfAssessmentAreas,
} from "./self-assessment";

const uniform = (value: number) =>
  Object.fromEntries(
    selfAssessmentAreas.map((a) => [a.id, a.statements.map(() => value)]),
  ) as Ratings;

describe("the questionnaire", () => {
  it("has the 7 areas and 25 statements of the self-test", () => {
    expect(selfAssessmentAreas.map((a) => a.statements.length)).toEqual([4, 4, 3, 3, 3, 5, 3]);
    expect(allStatementFields).toHaveLength(25);
    expect(new Set(allStatementFields).size).toBe(25);
  });
});

describe("scoring", () => {
  it("averages each area and adds the seven averages", () => {
    expect(scoreSelfAssessment(uniform(1))).toMatchObject({ total: 7, band: "losing" });
    expect(scoreSelfAssessment(uniform(5))).toMatchObject({ total: 35, band: "asset" });
    expect(scoreSelfAssessment(uniform(4))).toMatchObject({ total: 28, band: "asset" });
    expect(scoreSelfAssessment(uniform(3))).toMatchObject({ total: 21, band: "adequate" });
  });

  it("keeps two decimals of the total and of each average", () => {
    const ratings = uniform(3);
    ratings.culture = [4, 4, 4, 3]; // 3.75
    ratings.feedback = [5, 4, 4]; // 4.333…
    const score = scoreSelfAssessment(ratings);
    expect(score.areaAverages.culture).toBe(3.75);
    expect(score.areaAverages.feedback).toBe(4.33);
    // 3.75 + 4.333… + 5 × 3 = 23.083… → 23.08
    expect(score.total).toBe(23.08);
    expect(score.band).toBe("adequate");
  });

  it("refuses incomplete or out-of-range ratings", () => {
    const missing = uniform(3);
    missing.staff = [3, 3, 3, 3];
    expect(() => scoreSelfAssessment(missing)).toThrow(/staff/);
    const six = uniform(3);
    six.improving = [3, 6, 3];
    expect(() => scoreSelfAssessment(six)).toThrow(/improving/);
  });
});

describe("bands", () => {
  it.each([
    [35, "asset"],
    [28, "asset"],
    [27.9, "adequate"],
    [27.5, "adequate"],
    [21, "adequate"],
    [20.5, "adequate"],
    [20.1, "adequate"],
    [20, "losing"],
    [7, "losing"],
  ] as const)("a total of %s is %s", (total, band) => {
    expect(bandOf(total)).toBe(band);
  });

  it("bands the exact total, never a rounded one: 27.95 is adequate, 20.02 is not losing", () => {
    expect(bandOf(27.95)).toBe("adequate");
    expect(bandOf(27.999)).toBe("adequate");
    expect(bandOf(20.02)).toBe("adequate");
    expect(bandOf(20.001)).toBe("adequate");
    const ratings = uniform(4);
    ratings.culture = [3, 4, 4, 4]; // −1/4
    ratings.staff = [5, 4, 4, 4, 4]; // +1/5: 27.95 in all
    expect(scoreSelfAssessment(ratings)).toMatchObject({ total: 27.95, band: "adequate" });
    ratings.improving = [5, 4, 4]; // +1/3 more: 28.28
    expect(scoreSelfAssessment(ratings)).toMatchObject({ total: 28.28, band: "asset" });
  });

  it("shows the total without rounding it into another band", () => {
    expect(shownTotal(27.999)).toBe(27.99);
    expect(shownTotal(20.001)).toBe(20.01);
    expect(shownTotal(23.126)).toBe(23.13);
    expect(shownTotal(28)).toBe(28);
  });
});

describe("the form schema", () => {
  const complete = Object.fromEntries(allStatementFields.map((f) => [f, "4"]));

  it("accepts a complete questionnaire and regroups it per area", () => {
    const parsed = SelfAssessmentSchema.parse({
      teamId: "t1",
      assessedOn: "2026-11-01",
      ...complete,
    });
    expect(ratingsFromInput(parsed)).toEqual(uniform(4));
  });

  it("names every missing or out-of-range statement", () => {
    const result = SelfAssessmentSchema.safeParse({
      teamId: "t1",
      assessedOn: "yesterday",
      ...complete,
      "culture-1": "6",
      "staff-5": undefined,
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["assessedOn", "culture-1", "staff-5"]));
  });
});
