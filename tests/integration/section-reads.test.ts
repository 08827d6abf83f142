import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { action } from "~/routes/training+/$slug.read";
import { context, formRequest, settle } from "../support/requests";
import { statusOf } from "../support/module-actions";
import { requestAs } from "../support/sessions";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const email = "aino.virtanen@demo.frontline.test";
const slug = "canary-module";

async function report(fields: Record<string, string>, target = slug) {
  const cookie = (await requestAs(email, "/")).headers.get("Cookie")!;
  return settle(
    action({
      request: formRequest(`/training/${target}/read`, fields, { Cookie: cookie }),
      context: context(),
      params: { slug: target },
    }),
  );
}

describe("reading reports", () => {
  it("record a section once, however often it is reported", async () => {
    expect(statusOf(await report({ sectionId: "practice" }))).toBe(200);
    expect(statusOf(await report({ sectionId: "practice" }))).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(
      await prisma.sectionRead.count({
        where: { userId: user.id, moduleSlug: slug, sectionId: "practice" },
      }),
    ).toBe(1);
  });

  it.each([
    ["an unknown section", { sectionId: "nope" }, slug],
    ["a malformed id", { sectionId: "<b>" }, slug],
    ["no id", {}, slug],
    ["an unknown module", { sectionId: "practice" }, "no-such-module"],
  ])("refuse %s with 400 and write nothing", async (_name, fields, target) => {
    const before = await prisma.sectionRead.count();
    expect(statusOf(await report(fields as Record<string, string>, target))).toBe(400);
    expect(await prisma.sectionRead.count()).toBe(before);
  });
});
