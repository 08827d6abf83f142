import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileTranslation, moduleHash } from "~/content/compile.server";
import { compileWithCache } from "~/content/store.server";
import { inLanguage, localize, translationState } from "~/content/translation";
import { gradeQuiz } from "~/training/quiz/grading";

// A translation's life against its English source, on a copy of a fixture module: current, then
// stale after a MINOR change (served, naming the changed section), then outdated after a MAJOR
// one (English served); and at no point can its words change an answer key.

const fixture = path.resolve("tests/fixtures/content-broken/modules/translation-reply-score");
const slug = "translated";
let dir: string;
let moduleDir: string;

const source = () => path.join(moduleDir, "index.mdx");
const translation = () => path.join(moduleDir, "index.sl.mdx");
const edit = (file: string, from: string | RegExp, to: string) =>
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));

async function stamp() {
  await promisify(execFile)("npx", ["tsx", "scripts/content-stamp.ts", slug, "sl"], {
    env: { ...process.env, CONTENT_DIR: dir },
  });
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "frontline-translations-"));
  moduleDir = path.join(dir, "modules", slug);
  cpSync(fixture, moduleDir, { recursive: true });
  // The fixture's translation changes a score on purpose: put it right, then stamp it.
  edit(translation(), '<Choice to="done" score={5}', '<Choice to="done" score={2}');
  await stamp();
}, 60_000);
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("a translation against its source", () => {
  it("is current when stamped from the source as it is, and lends only its words", async () => {
    const module = await compileWithCache(dir, slug);
    const t = module.translations[0]!;
    expect(translationState(module, t)).toMatchObject({ status: "current", problems: [] });
    const sl = inLanguage(module, "sl");
    expect(sl.language).toMatchObject({ requested: "sl", served: "sl", status: "current" });
    expect(sl.frontmatter!.title).toBe("Prevedeni modul");
    expect(sl.sections.map((s) => [s.id, s.title])).toEqual([
      ["first-section", "Prvi razdelek"],
      ["second-section", "Drugi razdelek"],
    ]);
    // The page's headings carry the source's ids, so reading progress is the same in every language.
    expect(JSON.stringify(sl.tree)).toContain('"id":"second-section"');
    expect(JSON.stringify(sl.tree)).not.toContain("drugi-razdelek");
    expect(sl.quizzes[0]!.questions[0]!.options.map((o) => [o.text, o.correct])).toEqual([
      ["Prvi", true],
      ["Drugi", false],
    ]);
    expect(sl.scenarios[0]!.nodes[0]!.choices.map((c) => [c.text, c.to, c.score])).toEqual([
      ["Žal mi je. Povejte mi več.", "done", 2],
      ["Ni moja krivda.", "lost", 0],
    ]);
    expect(sl.frontmatter!.attestation).toContain("Prebral sem politiko");
  }, 60_000);

  it("never changes an answer key, even when its own file claims otherwise", async () => {
    edit(translation(), '<Option id="a" correct feedback', '<Option id="a" feedback');
    edit(translation(), '<Option id="b" feedback', '<Option id="b" correct feedback');
    const module = await compileWithCache(dir, slug);
    const tampered = await compileTranslation(dir, slug, "sl");
    expect(translationState(module, tampered).status).toBe("broken");
    // Not served: the learner reads English.
    expect(inLanguage(module, "sl").language).toMatchObject({ served: "en", status: "broken" });
    // And were its words laid over the source anyway, the key would still be the source's.
    const merged = localize(module, tampered);
    const quiz = merged.quizzes[0]!;
    expect(quiz.questions[0]!.options.map((o) => o.correct)).toEqual([true, false]);
    expect(gradeQuiz(quiz, { q1: ["a"] }, 80).passed).toBe(true);
    expect(gradeQuiz(quiz, { q1: ["b"] }, 80).passed).toBe(false);
  }, 60_000);

  it("turns stale after a MINOR change, naming the changed section, and is still served", async () => {
    edit(source(), 'version: "1.0"', 'version: "1.1"');
    edit(source(), "Some text.", "Some text, now clearer.");
    const module = await compileWithCache(dir, slug);
    const sl = inLanguage(module, "sl");
    expect(sl.language).toMatchObject({ served: "sl", status: "stale", fromVersion: "1.0" });
    expect(sl.language.changedSections).toEqual([{ id: "first-section", title: "Prvi razdelek" }]);
    expect(sl.frontmatter!.title).toBe("Prevedeni modul");
    // The records still belong to the source's version.
    expect(sl.frontmatter!.version).toBe("1.1");
  }, 60_000);

  it("counts an edit without a version bump as stale too", async () => {
    edit(source(), "I'm sorry. Tell me more.", "I'm so sorry. Tell me more.");
    const module = await compileWithCache(dir, slug);
    expect(inLanguage(module, "sl").language).toMatchObject({
      status: "stale",
      changedSections: [{ id: "second-section", title: "Drugi razdelek" }],
    });
  }, 60_000);

  it("is outdated after a MAJOR change: the learner gets English until it is updated", async () => {
    edit(source(), 'version: "1.0"', 'version: "2.0"');
    let module = await compileWithCache(dir, slug);
    const sl = inLanguage(module, "sl");
    expect(sl.language).toMatchObject({ served: "en", status: "outdated" });
    expect(sl.frontmatter!.title).toBe("Translated fixture");
    await stamp();
    module = await compileWithCache(dir, slug);
    expect(inLanguage(module, "sl").language).toMatchObject({ served: "sl", status: "current" });
  }, 60_000);

  it("is not served once the source's structure moved on, even in a MINOR change", async () => {
    edit(source(), 'version: "1.0"', 'version: "1.1"');
    edit(source(), "## Second section", "## Second section\n\nMore.\n\n## Third section");
    const module = await compileWithCache(dir, slug);
    expect(inLanguage(module, "sl").language).toMatchObject({ served: "en", status: "outdated" });
  }, 60_000);

  it("is not part of the source's content hash: adding one creates no new module version", async () => {
    const withTranslation = moduleHash(moduleDir);
    rmSync(translation());
    expect(moduleHash(moduleDir)).toBe(withTranslation);
  });

  it("leaves English readers and languages without a translation on the source", async () => {
    const module = await compileWithCache(dir, slug);
    expect(inLanguage(module, "en").language).toMatchObject({ served: "en", status: "source" });
    expect(inLanguage(module, "lt").language).toMatchObject({ served: "en", status: "missing" });
  }, 60_000);
});
