import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/i18n.server";
import { loader as recordLoader } from "~/routes/me+/index";
import { loader as certificateLoader } from "~/routes/training+/$slug.certificate";
import { loader as verifyLoader } from "~/routes/verify.$code";
import { verifyCertificate } from "~/training/certificates.server";
import { post, statusOf } from "../support/module-actions";
import { context, getRequest, settle } from "../support/requests";
import { loaderArgs } from "../support/sessions";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content-valid";
});
afterAll(() => {
  delete process.env.CONTENT_DIR;
});

const slug = "canary-module";
const kwame = "kwame.asante@demo.frontline.test";
const aino = "aino.virtanen@demo.frontline.test";

const certificate = (email: string, moduleSlug = slug) =>
  loaderArgs(email, `/training/${moduleSlug}/certificate`, { slug: moduleSlug }).then((args) =>
    settle(certificateLoader(args)),
  );
// /verify is public: no session cookie.
const verify = (code: string) =>
  verifyLoader({
    request: getRequest(`/verify/${encodeURIComponent(code)}`),
    context: context(),
    params: { code },
  });

/** Play the canary module to completion the way the page's forms do. */
async function complete(email: string, typedName: string) {
  await post(email, slug, {
    intent: "quiz-submit",
    quizId: "canary-quiz",
    attempt: "1",
    "answer:pick-one": "right",
    "answer:pick-many": ["first", "second"],
  });
  await post(email, slug, { intent: "scenario-start", scenarioId: "canary-call" });
  const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email } });
  const run = await prisma.scenarioRun.findFirstOrThrow({
    where: { userId, moduleSlug: slug, status: "active" },
    select: { id: true },
  });
  const move = { intent: "scenario-choose", scenarioId: "canary-call", runId: run.id };
  await post(email, slug, { ...move, nodeId: "opening", step: "0", choice: "0" });
  await post(email, slug, { ...move, nodeId: "calmer", step: "1", choice: "0" });
  const signed = await post(email, slug, { intent: "attest", typedName, agree: "on" });
  expect(statusOf(signed)).toBe(302);
}

let kwameCode = "";

beforeAll(async () => {
  await complete(kwame, "Kwame Asante");
  // Aino tried the quiz once and failed: a record, but no completion of the canary module.
  await post(aino, slug, {
    intent: "quiz-submit",
    quizId: "canary-quiz",
    attempt: "1",
    "answer:pick-one": "wrong",
    "answer:pick-many": "third",
  });
  // And a completion of a module since removed from the course, under the title it had then.
  const { id: ainoId } = await prisma.user.findUniqueOrThrow({ where: { email: aino } });
  await prisma.moduleVersion.create({
    data: { slug: "retired-module", version: "1.4", contentHash: "h1", title: "A retired module" },
  });
  await prisma.moduleCompletion.create({
    data: {
      userId: ainoId,
      moduleSlug: "retired-module",
      moduleVersion: "1.4",
      contentHash: "h1",
      certificateCode: "retiredcode23456",
    },
  });
  const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email: kwame } });
  kwameCode = (
    await prisma.moduleCompletion.findFirstOrThrow({
      where: { userId, moduleSlug: slug },
      select: { certificateCode: true },
    })
  ).certificateCode;
}, 60_000);

describe("the certificate page", () => {
  it("shows the holder's certificate with a verification link on this origin", async () => {
    const result = await certificate(kwame);
    expect(statusOf(result)).toBe(200);
    const { certificate: shown, verifyUrl } = result as Exclude<typeof result, Response>;
    expect(shown).toMatchObject({
      name: "Kwame Asante",
      module: "Canary module",
      version: "2.3",
      code: kwameCode,
      completedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(shown.groupedCode).toBe(kwameCode.match(/.{4}/g)!.join(" "));
    expect(verifyUrl).toBe(`http://localhost:3000/verify/${kwameCode}`);
    // The page title, also the file name "Save as PDF" suggests, in the holder's language.
    expect((result as { title: string }).title).toBe("Certificate · Canary module · Kwame Asante");
  }, 60_000);

  it("points the verification link at the app's own origin, whatever Host the request named", async () => {
    const args = await loaderArgs(kwame, `/training/${slug}/certificate`, { slug });
    const path = new URL(args.request.url).pathname;
    const spoofed = new Request(`http://attacker.example${path}`, {
      headers: args.request.headers,
    });
    const result = await settle(certificateLoader({ ...args, request: spoofed }));
    expect(statusOf(result)).toBe(200);
    expect((result as { verifyUrl: string }).verifyUrl).toBe(
      `http://localhost:3000/verify/${kwameCode}`,
    );
  }, 60_000);

  it("prints the sheet in the language the module was completed in", async () => {
    const where = { certificateCode: kwameCode };
    await prisma.moduleCompletion.update({ where, data: { locale: "sl" } });
    try {
      const { sheet } = (await certificate(kwame)) as { sheet: Record<string, string> };
      const sl = fixedT("sl", "training");
      expect(sheet).toMatchObject({
        locale: "sl",
        title: sl("training:certificate.title"),
        hasCompleted: sl("training:certificate.hasCompleted"),
        version: sl("training:certificate.version", { version: "2.3" }),
      });
      expect(sheet.title).not.toBe(fixedT("en", "training")("training:certificate.title"));
      // Anyone checking the code learns the language too, in their own words.
      const facts = (await verify(kwameCode)) as { certificate: { language: string } };
      expect(facts.certificate.language).toBe("Slovenian");
    } finally {
      await prisma.moduleCompletion.update({ where, data: { locale: "en" } });
    }
  });

  it("is 404 without a completion of that module, or for a module that does not exist", async () => {
    expect(await certificate(aino)).toMatchObject({ init: { status: 404 } });
    expect(await certificate(kwame, "no-such-module")).toMatchObject({ init: { status: 404 } });
  });

  it("sends a signed-out visitor to log in", async () => {
    const result = await settle(
      certificateLoader({
        request: getRequest(`/training/${slug}/certificate`),
        context: context(),
        params: { slug },
      }),
    );
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("takes the title the module was published under at that version", async () => {
    expect(await certificate(aino, "retired-module")).toMatchObject({
      certificate: { name: "Aino Virtanen", module: "A retired module", version: "1.4" },
    });
  });
});

describe("verifying a code", () => {
  it("confirms a real code with exactly five facts, the language among them", async () => {
    const result = await verify(kwameCode);
    expect(statusOf(result)).toBe(200);
    const { certificate: facts } = result as { certificate: Record<string, string> };
    expect(Object.keys(facts).sort()).toEqual([
      "completedOn",
      "language",
      "module",
      "name",
      "version",
    ]);
    expect(facts).toMatchObject({
      name: "Kwame Asante",
      module: "Canary module",
      version: "2.3",
      // The language the module was completed in, named in the reader's language.
      language: "English",
    });
    expect((result as { title: string }).title).toBe("Certificate verified · Frontline");
    expect(facts.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sent = JSON.stringify(result);
    expect(sent).not.toMatch(/@demo\.frontline\.test|Online chat|score|passed|Canary quiz/);
  });

  it("accepts the code as printed: grouped and in capitals", async () => {
    const printed = kwameCode.toUpperCase().match(/.{4}/g)!.join(" ");
    expect(await verifyCertificate(printed)).toMatchObject({ name: "Kwame Asante" });
    expect(await verifyCertificate(printed.replace(/ /g, "-"))).toMatchObject({
      name: "Kwame Asante",
    });
  });

  it.each([
    ["an unknown code", "abcdefghijklmnop"],
    ["a code one letter short", "abcdefghijklmno"],
    ["a code one letter long", "abcdefghijklmnopq"],
    ["digits outside base32", "abcdefghijklmn01"],
    ["markup", "<script>alert(1)</script>"],
    ["SQL", "' OR 1=1 --"],
    ["nothing", ""],
  ])("answers 404 and says nothing for %s", async (_name, code) => {
    const result = await verify(code);
    expect(statusOf(result)).toBe(404);
    expect(result).toMatchObject({ data: { certificate: null } });
    expect(await verifyCertificate(code)).toBeNull();
  });
});

describe("my record", () => {
  it("lists the user's completions, attempts, runs and signatures, without any path", async () => {
    const record = await recordLoader(await loaderArgs(kwame, "/me"));
    expect(record.completions).toEqual([
      expect.objectContaining({
        slug,
        module: "Canary module",
        version: "2.3",
        hasCertificate: true,
      }),
    ]);
    expect(record.attempts).toEqual([
      expect.objectContaining({
        module: "Canary module",
        quiz: "Canary quiz",
        number: 1,
        score: 100,
        passed: true,
      }),
    ]);
    expect(record.runs).toEqual([
      expect.objectContaining({
        scenario: "Canary call",
        number: 1,
        status: "training:runStatus.finished",
        result: { score: 4, maxScore: 4, passed: true, ending: "Robin stays", lost: false },
      }),
    ]);
    // The status is a message key, put into words where it is shown.
    expect(fixedT("en")(record.runs[0]!.status)).toBe("Finished");
    expect(record.attestations).toEqual([
      expect.objectContaining({
        module: "Canary module",
        version: "2.3",
        typedName: "Kwame Asante",
        statement: "I have read the canary module and will follow it.",
      }),
    ]);
    // Nothing of the conversation itself: no node ids, lines, feedback or the stored path.
    expect(JSON.stringify(record)).not.toMatch(/opening|calmer|CANARY|"path"|"answers"/);
  }, 60_000);

  it("never shows another user's records", async () => {
    const record = await recordLoader(await loaderArgs(aino, "/me"));
    const { id: ainoId } = await prisma.user.findUniqueOrThrow({ where: { email: aino } });
    const own = await prisma.quizAttempt.findMany({
      where: { userId: ainoId },
      select: { id: true },
    });
    expect(record.attempts.map((a) => a.id)).toEqual(own.map((a) => a.id));
    expect(record.attempts).toEqual([expect.objectContaining({ score: 0, passed: false })]);
    expect(record.runs).toEqual([]);
    expect(record.attestations).toEqual([]);
    expect(record.completions.map((c) => c.slug)).toEqual(["retired-module"]);
    expect(JSON.stringify(record)).not.toContain("Kwame");
  });

  it("shows an untouched user nothing but empty lists", async () => {
    const email = "new.starter@demo.frontline.test";
    await prisma.user.create({ data: { email, name: "New Starter" } });
    // The page's <title> aside (worded in the loader), the record is nothing but empty lists.
    const { title: _title, ...record } = (await recordLoader(await loaderArgs(email, "/me"))) as {
      title?: string;
    };
    expect(record).toEqual({
      completions: [],
      attempts: [],
      runs: [],
      attestations: [],
      observations: [],
      recognitions: [],
      recognitionPoints: 0,
      teamWall: { team: null, items: [] },
    });
  });
});
