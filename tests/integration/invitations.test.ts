import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { prisma } from "~/db.server";
import { action as peopleAction } from "~/routes/admin+/people";
import { action as personAction } from "~/routes/admin+/people.$userId";
import { action as inviteAction, loader as inviteLoader } from "~/routes/_auth+/invite.$token";
import { statusOf } from "../support/module-actions";
import { context, formRequest, getRequest, settle } from "../support/requests";
import { demo } from "../support/sessions";
import { postAs } from "../support/team";

// Invitations instead of admin-typed passwords: the admin adds someone, who follows the one-time
// link, chooses a password and is signed in. Tokens are stored hashed, work once, for 7 days, and
// a new link revokes the old one.

const passphrase = "lanterns over the harbour";

type Invited = { link: string; sent: boolean; expiresOn: string };
const tokenOf = (invited: Invited) => invited.link.split("/invite/")[1]!;

async function addWithoutPassword(email: string) {
  const result = (await postAs(peopleAction, demo.admin, "/admin/people", {
    intent: "add-person",
    formKey: crypto.randomUUID(),
    name: "Robin Newcomer",
    email,
    role: "employee",
    teamId: "",
    timeZone: "Europe/Ljubljana",
    locale: "en",
  })) as { invited: Invited };
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, password: true },
  });
  return { invited: result.invited, user };
}

const open = (token: string) =>
  settle(
    inviteLoader({
      request: getRequest(`/invite/${token}`),
      params: { token },
      context: context(),
    }),
  );
const accept = (token: string, password = passphrase, again = password) =>
  settle(
    inviteAction({
      request: formRequest(`/invite/${token}`, { newPassword: password, confirmPassword: again }),
      params: { token },
      context: context(),
    }),
  );
const resend = (userId: string) =>
  postAs(
    personAction,
    demo.admin,
    `/admin/people/${userId}`,
    { intent: "resend-invitation" },
    { userId },
  );
const hashOf = async (userId: string) =>
  (await prisma.password.findUnique({ where: { userId }, select: { hash: true } }))?.hash ?? null;

describe("invitations", () => {
  it("adds a person with no password and a link only they can use, once", async () => {
    const before = Date.now();
    const { invited, user } = await addWithoutPassword("robin.newcomer@example.test");
    expect(user.password).toBeNull();
    expect(invited.sent).toBe(true);
    const token = tokenOf(invited);
    // 256 random bits, base64url; only its SHA-256 is stored.
    expect(token).toMatch(/^[\w-]{43}$/);
    const [row, ...others] = await prisma.invitation.findMany({ where: { userId: user.id } });
    expect(others).toEqual([]);
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    const days = (row!.expiresAt.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(
      await prisma.auditEvent.findFirst({
        where: { action: "person.add", targetId: user.id },
        select: { summary: true },
      }),
    ).toMatchObject({ summary: expect.stringContaining("invited to choose a password") });

    expect(await open(token)).toMatchObject({ person: { name: "Robin Newcomer" } });
    // Two different passwords: refused, nothing written, the link still works.
    expect(statusOf(await accept(token, passphrase, `${passphrase}.`))).toBe(400);
    expect(await hashOf(user.id)).toBeNull();

    const done = (await accept(token)) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/training");
    expect(done.headers.get("Set-Cookie")).toMatch(/frontline/i);
    expect(await verifyPassword((await hashOf(user.id))!, passphrase)).toBe(true);
    expect(
      await prisma.auditEvent.count({ where: { action: "invitation.accept", targetId: user.id } }),
    ).toBe(1);

    // Spent: the page says so, and a second use changes nothing.
    expect(statusOf(await open(token))).toBe(410);
    const hash = await hashOf(user.id);
    expect(statusOf(await accept(token, "another long passphrase here"))).toBe(410);
    expect(await hashOf(user.id)).toBe(hash);
  });

  it("refuses an expired link, and a new link revokes the one before", async () => {
    const { invited, user } = await addWithoutPassword("sam.latecomer@example.test");
    const first = tokenOf(invited);
    await prisma.invitation.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(statusOf(await open(first))).toBe(410);
    expect(statusOf(await accept(first))).toBe(410);

    const resent = (await resend(user.id)) as { invited: Invited };
    const second = tokenOf(resent.invited);
    expect(second).not.toBe(first);
    const again = (await resend(user.id)) as { invited: Invited };
    // The second link was revoked by the third.
    expect(statusOf(await open(second))).toBe(410);
    expect(statusOf(await accept(tokenOf(again.invited)))).toBe(302);
    expect(
      await prisma.auditEvent.count({ where: { action: "invitation.send", targetId: user.id } }),
    ).toBe(2);
  });

  it("sends no new link to someone with a password or a deactivated account", async () => {
    const eli = await prisma.user.findUniqueOrThrow({ where: { email: demo.employee } });
    const withPassword = await resend(eli.id);
    expect(statusOf(withPassword)).toBe(400);
    const { user } = await addWithoutPassword("kim.leaver@example.test");
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    const before = await prisma.invitation.count({ where: { userId: user.id } });
    expect(statusOf(await resend(user.id))).toBe(400);
    expect(await prisma.invitation.count({ where: { userId: user.id } })).toBe(before);
  });
});
