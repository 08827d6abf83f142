import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileModule, moduleHash } from "~/content/compile.server";
import { compileWithCache } from "~/content/store.server";

const dir = path.resolve("tests/fixtures/content-valid");

/** A minimal valid frontmatter block, ending with its closing line. */
const frontmatter = (title: string) =>
  [
    "---",
    `title: ${title}`,
    "summary: A module for the compiler's tests.",
    "minutes: 2",
    'version: "1.0"',
    "audience:",
    "  roles: [employee]",
    "required: false",
    "dueDays: 7",
    "passScore: 50",
    "---",
  ].join("\n");

describe("compiling a module", () => {
  it("lifts quizzes and scenarios out of the code the browser gets", async () => {
    const artefact = await compileModule(dir, "canary-module");
    expect(artefact.problems).toEqual([]);
    const tree = JSON.stringify(artefact.tree);
    expect(tree).toContain("Plain text anyone may read.");
    // Answer keys, feedback, scores and unreached nodes live only in the server-side definitions.
    expect(tree).not.toMatch(/CANARY/);
    expect(tree).not.toMatch(/correct|feedback|score/);
    expect(tree).toContain('{"t":"QuizSlot","p":{"id":"canary-quiz"}}');
    expect(tree).toContain('{"t":"ScenarioSlot","p":{"id":"canary-call"}}');

    const [quiz] = artefact.quizzes;
    expect(
      quiz?.questions.map((q) => [
        q.id,
        q.type,
        q.options.filter((o) => o.correct).map((o) => o.id),
      ]),
    ).toEqual([
      ["pick-one", "single", ["right"]],
      ["pick-many", "multiple", ["first", "second"]],
    ]);
    const [scenario] = artefact.scenarios;
    expect(
      scenario?.nodes.map((n) => [n.id, n.mood, n.choices.map((c) => [c.to, c.score])]),
    ).toEqual([
      [
        "opening",
        "angry",
        [
          ["calmer", 2],
          ["lost", 0],
        ],
      ],
      [
        "calmer",
        "calm",
        [
          ["kept", 2],
          ["opening", 0],
        ],
      ],
    ]);
    expect(scenario?.nodes[0]?.line).toBe("CANARY-LINE-OPENING my order is late.");
    expect(scenario?.endings.map((e) => [e.id, e.rating, e.outcome])).toEqual([
      ["kept", "good", "CANARY-ENDING-GOOD"],
      ["lost", "bad", "CANARY-ENDING-BAD"],
    ]);
  }, 60_000);

  it("records sections from ## and ### headings, with ids for anchors", async () => {
    const artefact = await compileModule(dir, "canary-module");
    expect(artefact.sections).toEqual([
      { id: "first-section", title: "First section", depth: 2 },
      { id: "a-subsection", title: "A subsection", depth: 3 },
      { id: "practice", title: "Practice", depth: 2 },
      { id: "wrapping-up", title: "Wrapping up", depth: 2 },
    ]);
    expect(artefact.tree).toContainEqual({
      t: "h2",
      p: { id: "first-section" },
      c: ["First section"],
    });
  }, 60_000);

  it("validates and keeps the frontmatter", async () => {
    const artefact = await compileModule(dir, "canary-module");
    expect(artefact.frontmatter).toMatchObject({
      title: "Canary module",
      version: "2.3",
      passScore: 50,
      draft: false,
    });
  }, 60_000);

  it("keys the artefact by content: the same files give the same hash", () => {
    const moduleDir = path.join(dir, "modules", "canary-module");
    expect(moduleHash(moduleDir)).toBe(moduleHash(moduleDir));
    expect(moduleHash(moduleDir)).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("follows imports out of the module's folder: editing a shared part changes the hash and the page", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "frontline-imports-"));
    const moduleDir = path.join(copy, "modules", "with-parts");
    mkdirSync(moduleDir, { recursive: true });
    mkdirSync(path.join(copy, "shared"));
    writeFileSync(
      path.join(moduleDir, "index.mdx"),
      `${frontmatter("With parts")}\nimport Part from "../../shared/part.mdx";\n\n## One\n\n<Part />\n`,
    );
    // A part that imports another: the hash must follow both.
    writeFileSync(
      path.join(copy, "shared", "part.mdx"),
      `import Deeper from "./deeper.mdx";\n\nShared text.\n\n<Deeper />\n`,
    );
    const deeper = path.join(copy, "shared", "deeper.mdx");
    // Unique text: the disk cache remembers every hash it has compiled, across runs too.
    const first = `Deeper text ${Date.now()}-${Math.random()}.`;
    writeFileSync(deeper, `${first}\n`);
    const before = moduleHash(moduleDir);
    const served = await compileWithCache(copy, "with-parts");
    expect(served.problems).toEqual([]);
    expect(JSON.stringify(served.tree)).toContain(first);

    const second = `${first} Now changed.`;
    writeFileSync(deeper, `${second}\n`);
    expect(moduleHash(moduleDir)).not.toBe(before);
    expect(JSON.stringify((await compileWithCache(copy, "with-parts")).tree)).toContain(second);
  }, 60_000);

  it("refuses an import that reaches outside content/", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "frontline-escape-"));
    const moduleDir = path.join(copy, "content", "modules", "escaping");
    mkdirSync(moduleDir, { recursive: true });
    writeFileSync(path.join(copy, "outside.mdx"), "Text from elsewhere.\n");
    writeFileSync(
      path.join(moduleDir, "index.mdx"),
      `${frontmatter("Escaping")}\nimport Outside from "../../../outside.mdx";\n\n## One\n\n<Outside />\n`,
    );
    const artefact = await compileModule(path.join(copy, "content"), "escaping");
    expect(artefact.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'modules/escaping/index.mdx:12:1 Import "../../../outside.mdx" reaches outside content/: keep shared parts under content/ (content/shared/, say)',
    ]);
  }, 60_000);

  it("does not compile an unchanged module twice", async () => {
    const first = await compileWithCache(dir, "canary-module");
    const { compileCount } = await import("~/content/compile.server");
    const before = compileCount();
    const second = await compileWithCache(dir, "canary-module");
    expect(second).toBe(first);
    expect(compileCount()).toBe(before);
  }, 60_000);
});

describe("recompiling in development", () => {
  it("recompiles only the module whose files changed", async () => {
    const { cpSync, mkdtempSync, appendFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { compileCount } = await import("~/content/compile.server");
    const copy = mkdtempSync(path.join(tmpdir(), "frontline-content-"));
    cpSync(path.join(dir, "modules"), path.join(copy, "modules"), { recursive: true });
    await compileWithCache(copy, "canary-module");
    await compileWithCache(copy, "draft-module");
    const before = compileCount();

    // Unique text: the disk cache remembers every hash it has compiled, across runs too.
    const paragraph = `A new paragraph ${Date.now()}-${Math.random()}.`;
    appendFileSync(path.join(copy, "modules", "draft-module", "index.mdx"), `\n${paragraph}\n`);
    const draft = await compileWithCache(copy, "draft-module");
    await compileWithCache(copy, "canary-module");
    expect(compileCount()).toBe(before + 1);
    expect(JSON.stringify(draft.tree)).toContain(paragraph);
  }, 60_000);
});

describe("texts of quizzes and role-plays", () => {
  it("read soft line breaks as spaces, as the page shows them", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "frontline-wrap-"));
    mkdirSync(path.join(copy, "modules", "wrapped"), { recursive: true });
    writeFileSync(
      path.join(copy, "modules", "wrapped", "index.mdx"),
      [
        frontmatter("Wrapped"),
        "",
        '<Quiz id="q">',
        '  <Question id="one" prompt="Which?">',
        '    <Option id="a" correct feedback="Yes.">',
        "      A long option that a formatter",
        "      wrapped onto two lines",
        "    </Option>",
        '    <Option id="b" feedback="No.">B</Option>',
        "  </Question>",
        "</Quiz>",
        "",
      ].join("\n"),
    );
    const artefact = await compileModule(copy, "wrapped");
    expect(artefact.problems).toEqual([]);
    expect(artefact.quizzes[0]?.questions[0]?.options[0]?.text).toBe(
      "A long option that a formatter wrapped onto two lines",
    );
  }, 60_000);
});
