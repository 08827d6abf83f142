import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loader as assetLoader } from "~/routes/resources+/content-asset";
import { loader as studioModuleLoader } from "~/routes/studio+/$slug";
import { loader as studioLoader } from "~/routes/studio+/index";
import { loader as moduleLoader } from "~/routes/training+/$slug";
import { loader as textLoader } from "~/routes/training+/$slug.text";
import { loader as trainingLoader } from "~/routes/training+/index";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";

// env() is read once per test file: point it at the fixture course before anything reads it.
vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

/** A module's text as the reader gets it: its runs' HTML, which the page data leaves out. */
async function textOf(email: string, slug: string) {
  const response = await textLoader(await loaderArgs(email, `/training/${slug}/text`, { slug }));
  const { runs } = (await response.json()) as { runs: Record<string, string> };
  return Object.values(runs).join("\n");
}

describe("reading a module", () => {
  it("sends the text and the questions, but no answer, feedback, score or unreached node", async () => {
    const result = await moduleLoader(
      await loaderArgs(demo.employee, "/training/canary-module", { slug: "canary-module" }),
    );
    const text = await textOf(demo.employee, "canary-module");
    // The text's HTML is not in the page's data (it goes into the page once).
    expect(JSON.stringify(result)).not.toContain("Plain text anyone may read.");
    expect(text).toContain("Plain text anyone may read.");
    const sent = JSON.stringify(result) + text;
    expect(result.module.title).toBe("Canary module");
    expect(result.quizzes[0]?.questions[0]?.prompt).toBe("Which option is right?");
    expect(sent).toContain("The wrong one");
    expect(sent).not.toMatch(/CANARY/);
    expect(sent).not.toMatch(/"correct"|"feedback"|"score"/);
  }, 60_000);

  it("answers 404 for a module that does not exist", async () => {
    const result = await settle(
      moduleLoader(await loaderArgs(demo.employee, "/training/nope", { slug: "nope" })),
    );
    expect(result).toMatchObject({ init: { status: 404 } });
  });
});

describe("drafts", () => {
  it("are 404 for an employee and a manager, and missing from their list", async () => {
    for (const email of [demo.employee, demo.manager]) {
      const page = await settle(
        moduleLoader(await loaderArgs(email, "/training/draft-module", { slug: "draft-module" })),
      );
      expect(page).toMatchObject({ init: { status: 404 } });
      const list = await trainingLoader(await loaderArgs(email, "/training"));
      expect(list.other.map((m) => m.slug)).toEqual(["canary-module"]);
    }
  }, 60_000);

  it("open for a trainer and an admin, and show in the studio", async () => {
    for (const email of [demo.trainer, demo.admin]) {
      const page = await moduleLoader(
        await loaderArgs(email, "/training/draft-module", { slug: "draft-module" }),
      );
      expect(page.module.title).toBeTruthy();
      expect(await textOf(email, "draft-module")).toContain("CANARY-DRAFT-TEXT");
      const studio = await studioLoader(await loaderArgs(email, "/studio"));
      expect(studio.modules.map((m) => [m.slug, m.draft, m.problems])).toEqual([
        ["canary-module", false, 0],
        ["draft-module", true, 0],
      ]);
    }
  }, 60_000);

  it("keeps the studio closed to employees and managers", async () => {
    for (const email of [demo.employee, demo.manager]) {
      expect(await settle(studioLoader(await loaderArgs(email, "/studio")))).toMatchObject({
        init: { status: 403 },
      });
    }
  });

  it("shows the trainer the answers in the studio preview", async () => {
    const { module } = await studioModuleLoader(
      await loaderArgs(demo.trainer, "/studio/canary-module", { slug: "canary-module" }),
    );
    expect(module.problems).toEqual([]);
    expect(module.quizzes[0]?.questions[0]?.options[0]).toMatchObject({
      correct: true,
      feedback: "CANARY-FEEDBACK-RIGHT",
    });
    expect(module.scenarios[0]).toMatchObject({ maxScore: 4, passScore: 3 });
  }, 60_000);
});

describe("module images", () => {
  it("points figures at the image beside the module and serves it to readers", async () => {
    expect(await textOf(demo.employee, "canary-module")).toContain(
      'src="/content/canary-module/counter.svg"',
    );
    const params = { slug: "canary-module", file: "counter.svg" };
    const image = await assetLoader(
      await loaderArgs(demo.employee, "/content/canary-module/counter.svg", params),
    );
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await image.text()).toContain("Front desk");
  }, 60_000);

  it("refuses other files, paths out of the folder and drafts' images for employees", async () => {
    for (const params of [
      { slug: "canary-module", file: "index.mdx" },
      { slug: "canary-module", file: "../draft-module/index.mdx" },
      { slug: "..", file: "standards.yaml" },
      { slug: "draft-module", file: "missing.png" },
    ]) {
      const result = await settle(
        assetLoader(await loaderArgs(demo.employee, "/content/x", params)),
      );
      expect(result, JSON.stringify(params)).toMatchObject({ init: { status: 404 } });
    }
  });

  it("reads the fixture course", () => {
    expect(path.resolve(process.env.CONTENT_DIR!)).toBe(
      path.resolve("tests/fixtures/content-valid"),
    );
  });
});
