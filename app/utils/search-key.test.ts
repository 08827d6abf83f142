import { describe, expect, it } from "vitest";
import { foldForSearch } from "./search-key";

describe("foldForSearch", () => {
  it("drops case and accents in the client's languages", () => {
    expect(foldForSearch("Tomaž Horvat")).toBe("tomaz horvat");
    expect(foldForSearch("ĽUBOŠ Ďurčík")).toBe("lubos durcik");
    expect(foldForSearch("Søren Ærø Åberg")).toBe("soren aero aberg");
    expect(foldForSearch("Žygimantas Ąžuolas Ėglė")).toBe("zygimantas azuolas egle");
  });

  it("folds a query as it folds a name, so either spelling finds the other", () => {
    expect(foldForSearch("  tomaz   HORVAT ")).toBe(foldForSearch("Tomaž Horvat"));
  });
});
