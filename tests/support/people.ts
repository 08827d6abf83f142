import { hashPassword } from "~/auth/password.server";
import type { Role } from "~/auth/roles";
import { createSession } from "~/auth/session.server";
import { prisma } from "~/db.server";
import { cookiePair } from "./requests";

// People made for one test file, outside every team, so changing their password or ending their
// sessions cannot disturb the demo accounts other tests log in with. Remove them in afterAll.

export const startingPassword = "a quiet harbour at dawn";
let made = 0;

export async function newPerson(role: Role = "employee", password = startingPassword) {
  made += 1;
  const email = `robin.tester-${process.pid}-${made}@example.test`;
  return prisma.user.create({
    data: {
      name: `Robin Tester ${made}`,
      email,
      role,
      password: { create: { hash: await hashPassword(password) } },
    },
    select: { id: true, email: true, name: true },
  });
}

/** A fresh session of this person: the cookie as the browser would send it back, and its token. */
export async function signIn(userId: string) {
  const cookie = cookiePair(await createSession(userId));
  return { cookie, token: cookie.split("=")[1]! };
}

/** Remove these people and the training records they made (sessions and passwords cascade). */
export async function removePeople(ids: string[]) {
  const where = { userId: { in: ids } };
  await prisma.$transaction([
    prisma.quizAttempt.deleteMany({ where }),
    prisma.scenarioRun.deleteMany({ where }),
    prisma.attestation.deleteMany({ where }),
    prisma.moduleCompletion.deleteMany({ where }),
    prisma.sectionRead.deleteMany({ where }),
    prisma.reminderOutbox.deleteMany({ where }),
    prisma.user.deleteMany({ where: { id: { in: ids } } }),
  ]);
}
