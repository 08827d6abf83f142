import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileModule } from "~/content/compile.server";
import { syncModuleVersions } from "~/content/sync.server";
import { prisma } from "~/db.server";

const dir = path.resolve("tests/fixtures/content-valid");

describe("recording module versions at start", () => {
  it("records each published module once per version and content hash, drafts never", async () => {
    const published = await compileModule(dir, "canary-module");
    const draft = await compileModule(dir, "draft-module");
    await prisma.moduleVersion.deleteMany({
      where: { slug: { in: ["canary-module", "draft-module"] } },
    });

    expect(await syncModuleVersions(prisma, [published, draft])).toEqual(["canary-module@2.3"]);
    expect(await syncModuleVersions(prisma, [published, draft])).toEqual([]);
    const rows = await prisma.moduleVersion.findMany({
      where: { slug: { in: ["canary-module", "draft-module"] } },
      select: { slug: true, version: true, contentHash: true, title: true },
    });
    expect(rows).toEqual([
      {
        slug: "canary-module",
        version: "2.3",
        contentHash: published.hash,
        title: "Canary module",
      },
    ]);
  }, 60_000);

  it("records an edit made without a version bump as a second row for that version", async () => {
    const published = await compileModule(dir, "canary-module");
    await prisma.moduleVersion.deleteMany({ where: { slug: "canary-module" } });
    await syncModuleVersions(prisma, [published]);
    const edited = { ...published, hash: "f".repeat(64) };
    expect(await syncModuleVersions(prisma, [edited])).toEqual(["canary-module@2.3"]);
    const hashes = await prisma.moduleVersion.findMany({
      where: { slug: "canary-module", version: "2.3" },
      orderBy: { contentHash: "asc" },
      select: { contentHash: true },
    });
    expect(hashes.map((h) => h.contentHash)).toEqual([published.hash, "f".repeat(64)].sort());
  }, 60_000);
});
