import { afterAll, describe, expect, it, vi } from "vitest";
import type { ReadableModule } from "~/training/module-key";
import { getModuleArtefact } from "~/content/store.server";
import type { RunRow } from "~/training/scenario/runs.server";
import { scenarioViews } from "~/training/scenario/runs.server";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

// The best reply is written first at every node of the canary role-play, as it was in all 38
// reply points of the published course: shown in written order, "always the first" would pass.

const runAt = (id: string): RunRow => ({
  id,
  scenarioId: "canary-call",
  number: 1,
  status: "active",
  scoring: "path",
  path: "[]",
  currentNodeId: "opening",
  steps: 0,
  score: null,
  maxScore: null,
  endingId: null,
  passed: null,
  finishedAt: null,
});

async function repliesOf(id: string) {
  const module = (await getModuleArtefact("canary-module")) as ReadableModule;
  return scenarioViews(module, [runAt(id)])[0]!.run!.current!.replies;
}

describe("role-play replies", () => {
  it("come in an order of each run's own, the same on every reload of that run", async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const first = await repliesOf(`run-${i}`);
      expect(await repliesOf(`run-${i}`)).toEqual(first);
      orders.add(first.map((r) => r.index).join(","));
    }
    // Both orders of the opening's two replies occur: the best one is not always first.
    expect([...orders].sort()).toEqual(["0,1", "1,0"]);
  });

  it("keep the written index each reply posts, whatever their place", async () => {
    const module = (await getModuleArtefact("canary-module")) as ReadableModule;
    const written = module.scenarios[0]!.nodes.find((n) => n.id === "opening")!.choices;
    for (let i = 0; i < 5; i++) {
      for (const reply of await repliesOf(`run-${i}`)) {
        expect(reply.text).toBe(written[reply.index]!.text);
      }
    }
  });
});
