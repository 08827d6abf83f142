import { searchKeyOf } from "~/utils/search-key";
import { randomUUID } from "node:crypto";
import { forgetDemoHint } from "~/auth/login.server";
import { hashPassword } from "~/auth/password.server";
import type { Db } from "~/db.server";
import { prisma } from "~/db.server";
import { demoPassword, demoPeople, demoTeams } from "./organisation";

export type SeedOutcome = "seeded" | "skipped: database has users";

/**
 * Seed the demo organisation, all or nothing, and only into a database without users: demo
 * data must never mix with real data.
 */
export async function seedDemoOrganisation(db: Db): Promise<SeedOutcome> {
  if ((await db.user.count()) > 0) return "skipped: database has users";

  // One hash for everyone: they share the demo password, and start-up stays fast.
  const passwordHash = await hashPassword(demoPassword);
  const teamIds = new Map<string, string>(demoTeams.map((team) => [team.name, randomUUID()]));
  const people = demoPeople.map((person) => ({ ...person, id: randomUUID() }));
  const teamId = (name: string | null) => (name ? teamIds.get(name)! : null);

  await db.$transaction([
    db.team.createMany({
      data: demoTeams.map((team) => ({ id: teamIds.get(team.name)!, ...team })),
    }),
    db.user.createMany({
      data: people.map((p) => ({
        id: p.id,
        email: p.email,
        name: p.name,
        searchKey: searchKeyOf(p.name),
        role: p.role,
        teamId: teamId(p.team),
        locale: p.locale ?? "en",
        hiredAt: new Date(`${p.hiredAt}T09:00:00Z`),
        // The demo's people joined when they were hired, long before their assignments.
        createdAt: new Date(`${p.hiredAt}T09:00:00Z`),
      })),
    }),
    db.password.createMany({ data: people.map((p) => ({ userId: p.id, hash: passwordHash })) }),
    ...people
      .filter((p) => p.manages)
      .map((p) =>
        db.teamManager.create({
          data: { teamId: teamId(p.manages!)!, userId: p.id },
          select: { userId: true },
        }),
      ),
  ]);
  forgetDemoHint();
  return "seeded";
}

export async function hasDemoOrganisation(): Promise<boolean> {
  const admin = await prisma.user.findUnique({
    where: { email: demoPeople[0]!.email },
    select: { id: true },
  });
  return admin !== null;
}
