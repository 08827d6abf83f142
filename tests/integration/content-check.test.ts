import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { checkContent, formatProblem } from "~/content/check.server";
import { contentWarnings } from "~/content/giveaways";

const broken = path.resolve("tests/fixtures/content-broken");
const label = "tests/fixtures/content-broken";

// One broken fixture per rule, each with the exact line content:check must print for it.
const expected: Record<string, string[]> = {
  "frontmatter-missing-version": ['1:1 Frontmatter needs "version"'],
  "frontmatter-bad-version": [
    '5:1 Frontmatter "version" Invalid input: expected string, received number',
  ],
  "frontmatter-unknown-field": ['10:1 Unknown frontmatter field "owner"'],
  "mdx-syntax-error": ["17:1 MDX syntax: Expected a closing tag for `<Callout>`"],
  "unknown-component": ["17:1 Unknown component <Banner>. Use one of:"],
  "unknown-prop": ['17:1 Unknown prop "colour" on <Callout>'],
  "figure-missing-file": ['17:1 Figure src "./missing.png" does not exist'],
  "quiz-no-correct-option": ['18:3 Question "q1" has no correct option'],
  "quiz-single-with-two-correct": ['18:3 Question "q1" is type="single" but has 2 correct options'],
  "quiz-duplicate-ids": [
    '26:3 Question id "q1" is used twice in quiz "check"',
    '30:5 Option id "a" is used twice in question "q1"',
  ],
  "quiz-pass-mark-unreachable": [
    '17:1 Quiz "check" pass mark 120% is unreachable: the best possible score is 100%',
  ],
  "scenario-choice-to-missing-node": [
    '20:5 Choice leads to "nowhere", which is not a node or ending in scenario "call"',
  ],
  "scenario-unreachable-node": ['27:3 "orphan" cannot be reached from the start "open"'],
  "scenario-loop-without-exit": [
    '27:3 No path from node "loop-a" reaches an ending (a loop without an exit)',
    '36:3 No path from node "loop-b" reaches an ending (a loop without an exit)',
  ],
  "scenario-pass-score-unreachable": [
    '17:1 Scenario "call" pass score 5 is unreachable: the best path to an ending not rated "bad" scores 2',
  ],
  "scenario-passes-only-by-losing": [
    '17:1 Scenario "call" pass score 3 is unreachable: the best path to an ending not rated "bad" scores 2',
  ],
  "scenario-every-ending-lost": [
    '17:1 Scenario "call" cannot be passed: every ending it reaches is rated "bad" (a lost customer); rate the endings where the customer stays "good" or "mixed"',
  ],
  // Translations (index.<locale>.mdx): exactly the source's structure, so no translation can
  // change what is right.
  "translation-headings": [
    "index.sl.mdx:18:1 Headings must be the source's 2 (h2 h2), in order; found 2 (h2 h3)",
  ],
  "translation-option-ids": [
    `index.sl.mdx:22:5 Question "q1": option ids must be the source's, in order: expected [a, b], found [a, c]`,
  ],
  "translation-correct-flag": [
    'index.sl.mdx:22:5 Option "a": must be correct, as in the source',
    'index.sl.mdx:23:5 Option "b": must not be correct, as in the source',
  ],
  "scenario-score-outside-its-mode": [
    '24:3 An ending\'s score counts only with scoring="ending", and scenario "call" has scoring="path": remove score={3} from "done"',
  ],
  "translation-ending-score": [`index.sl.mdx:34:3 Ending "done": score must be the source's (5)`],
  "translation-scenario-scoring": [
    `index.sl.mdx:27:1 Scenario "call": scoring must be the source's ("none")`,
  ],
  "translation-question-type": [`index.sl.mdx:21:3 Question "q1": type must be the source's`],
  "translation-quiz-pass-score": [`index.sl.mdx:20:1 Quiz "check": passScore must be the source's`],
  "translation-attempt-rules": [
    `index.sl.mdx:20:1 Quiz "check": maxAttempts must be the source's (2)`,
  ],
  "scenario-show-answers-without-scores": [
    '17:1 Scenario "call" has showAnswers but scoring="ending": the better replies are known only when each reply has a score (scoring="path")',
  ],
  "translation-reply-score": [
    'index.sl.mdx:30:5 Reply 1 of node "open": must lead to "done" with score 2 as in the source',
  ],
  "translation-reply-target": [
    'index.sl.mdx:31:5 Reply 2 of node "open": must lead to "lost" with score 0 as in the source',
  ],
  "translation-node-ids": [
    `index.sl.mdx:27:1 Scenario "call": start must be the source's ("open")`,
    `index.sl.mdx:28:3 Node ids must be the source's, in order: expected [open], found [start]`,
  ],
  "translation-ending-rating": [`index.sl.mdx:35:3 Ending "lost": rating must be the source's`],
  "translation-attestation": [
    "index.sl.mdx:1:1 The source has a policy statement (attestation): translate it",
  ],
  "translation-unstamped": [
    "index.sl.mdx:1:1 Not stamped: run npm run content:stamp -- translation-unstamped sl",
  ],
  "translation-settings": ['index.sl.mdx:5:1 Unknown frontmatter field "dueDays"'],
  "translation-unknown-language": ['index.fr.mdx:1:1 "fr" is not a language Frontline serves'],
};

describe("content:check", () => {
  it("reports each broken fixture with its path:line:col and message, and nothing else", async () => {
    const { problems } = await checkContent(broken);
    const printed = problems.map((p) => formatProblem(label, p));
    for (const [slug, lines] of Object.entries(expected)) {
      const mine = printed.filter((line) => line.startsWith(`${label}/modules/${slug}/`));
      expect(mine, slug).toHaveLength(lines.length);
      lines.forEach((line, i) => {
        const file = /^index\.[a-z]+\.mdx:/.test(line) ? "" : "index.mdx:";
        expect(mine[i], slug).toContain(`${label}/modules/${slug}/${file}${line}`);
      });
    }
    expect(printed).toHaveLength(Object.values(expected).flat().length);
  }, 120_000);

  it("passes the real course, with no pattern that gives answers away", async () => {
    const { modules, problems } = await checkContent(path.resolve("content"));
    expect(problems.map((p) => formatProblem("content", p))).toEqual([]);
    expect(modules.length).toBeGreaterThanOrEqual(1);
    expect(contentWarnings(modules).map((w) => formatProblem("content", w))).toEqual([]);
  }, 120_000);

  it("warns, without failing, where the right answer can be guessed by its length or place", async () => {
    const label = "tests/fixtures/content-warnings";
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/content-check.ts", label]);
    const at = (slug: string) => `${label}/modules/${slug}/index.mdx:17:1 warning:`;
    expect(stdout.trim().split("\n")).toEqual([
      `${at("quiz-all-but-one")} quiz "check": 2 of 2 multiple-answer questions have every option right but one; mix right and wrong options, each wrong one tempting`,
      `${at("quiz-right-option-longest")} quiz "check": a right option is the longest in 2 of 3 questions; make the wrong options as full as the right ones`,
      `${at("scenario-best-reply-giveaway")} role-play "call": the best reply is the longest at 3 of 3 nodes; write replies of even length`,
      // Lengths are a translation's own: the English is even, the Slovenian is not.
      `${label}/modules/translation-right-option-longest/index.sl.mdx:16:1 warning: quiz "check": a right option is the longest in 2 of 2 questions in this language; make the wrong options as full as the right ones`,
      `content ok: 4 modules in ${label}/`,
    ]);
  }, 120_000);

  it("exits 1 from the command line and prints the problems", async () => {
    const run = promisify(execFile)("npx", ["tsx", "scripts/content-check.ts", label]);
    await expect(run).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining(
        `${label}/modules/unknown-prop/index.mdx:17:1 Unknown prop "colour" on <Callout>`,
      ),
    });
  }, 120_000);
});
