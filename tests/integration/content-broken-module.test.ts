import { afterAll, describe, expect, it, vi } from "vitest";
import { loader as studioModuleLoader } from "~/routes/studio+/$slug";
import { loader as studioLoader } from "~/routes/studio+/index";
import { loader as moduleLoader } from "~/routes/training+/$slug";
import { loader as trainingLoader } from "~/routes/training+/index";
import { settle } from "../support/requests";
import { demo, loaderArgs } from "../support/sessions";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-mixed";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

describe("a module that fails to compile", () => {
  it("breaks only its own page", async () => {
    const broken = await settle(
      moduleLoader(
        await loaderArgs(demo.employee, "/training/broken-module", { slug: "broken-module" }),
      ),
    );
    expect(broken).toMatchObject({
      init: { status: 500 },
      data: { message: expect.stringContaining("can't be shown right now") },
    });

    const working = await moduleLoader(
      await loaderArgs(demo.employee, "/training/working-module", { slug: "working-module" }),
    );
    expect(working.module.title).toBe("Canary module");
    const list = await trainingLoader(await loaderArgs(demo.employee, "/training"));
    expect(list.other.map((m) => m.slug)).toEqual(["working-module"]);
  }, 60_000);

  it("is listed in the studio with its problems, shown in place with the source line", async () => {
    const studio = await studioLoader(await loaderArgs(demo.trainer, "/studio"));
    expect(studio.modules.find((m) => m.slug === "broken-module")?.problems).toBe(1);
    const { module } = await studioModuleLoader(
      await loaderArgs(demo.trainer, "/studio/broken-module", { slug: "broken-module" }),
    );
    expect(module.problems).toHaveLength(1);
    const [problem] = module.problems;
    expect(problem).toMatchObject({
      file: "modules/broken-module/index.mdx",
      line: 17,
      column: 1,
      message: 'Unknown prop "colour" on <Callout>',
    });
    expect(problem?.excerpt.find((l) => l.number === 17)?.text).toBe(
      '<Callout colour="red">Text</Callout>',
    );
  }, 60_000);
});
