import { untouched } from "~/demo/seed-progress.server";
import { demoDomain } from "~/demo/organisation";
import { prisma } from "~/db.server";
import { channels } from "~/team/observation-schema";
import { observationStandards } from "~/team/observations.server";
import { badges } from "~/team/recognition-schema";

// A few observations and recognitions for the demo's Front desk and Call centre, written by their
// managers over the last weeks, so /team/<id>, its trend charts, /me and the walls have something
// to show. Deterministic: the same people get the same ratings on every fresh demo database.

const day = 24 * 60 * 60 * 1000;
const teams = [
  { team: "Front desk", manager: `manager@${demoDomain}` },
  { team: "Call centre", manager: `sam.okafor@${demoDomain}` },
];
const notes = [
  "Calm with a customer whose booking was lost; found the facts before offering anything.",
  "Good restating of the problem. Jumped to a refund before asking what the customer wanted.",
  "Explained the deposit rule in plain words and why it exists; the customer left satisfied.",
  "Promised a call-back for Thursday and wrote it in the complaint record with the time.",
];
const comments = [
  "Thanks — I'll ask for the customer's idea first next time.",
  "Agreed. The call-back happened on Thursday as promised.",
];
const reasons = [
  "Turned a lost booking into a returning guest by asking what would put it right.",
  "Kept a heated call calm and followed up exactly when promised.",
  "Covered the desk during the rush and still logged every complaint completely.",
];

export async function seedDemoObservations(now = new Date()) {
  if ((await prisma.observation.count()) > 0) return;
  const standards = observationStandards();
  if (!standards.length) return;
  for (const { team, manager } of teams) {
    const lead = await prisma.user.findUnique({ where: { email: manager }, select: { id: true } });
    if (!lead) continue;
    const people = await prisma.user.findMany({
      where: { team: { name: team }, id: { not: lead.id }, email: { endsWith: `@${demoDomain}` } },
      orderBy: { email: "asc" },
      select: { id: true, email: true },
    });
    const observed = people.filter((p) => !untouched.includes(p.email.split("@")[0]!));
    for (const [i, person] of observed.entries()) {
      let latest: string | null = null;
      // Two or three observations each, oldest first, about a week and a half apart.
      for (let k = 2 - (i % 2); k >= 0; k--) {
        const observedAt = new Date(now.getTime() - (4 + 9 * k + i) * day);
        observedAt.setUTCHours(8 + ((i + k) % 8), 15 * ((i + k) % 4), 0, 0);
        const ratings = Object.fromEntries(
          standards.map((s, j) => [s.id, (i + j) % 5 === 0 ? null : 2 + ((i + j + (2 - k)) % 4)]),
        );
        const acknowledged = k > 0 && i % 3 !== 2;
        const row = await prisma.observation.create({
          data: {
            managerId: lead.id,
            employeeId: person.id,
            observedAt,
            channel: channels[(i + k) % channels.length]!,
            ratings: JSON.stringify(ratings),
            notes: notes[(i + k) % notes.length]!,
            createdAt: new Date(observedAt.getTime() + 2 * 60 * 60 * 1000),
            acknowledgedAt: acknowledged ? new Date(observedAt.getTime() + day) : null,
            employeeComment: acknowledged && k === 1 ? comments[i % comments.length]! : null,
          },
          select: { id: true },
        });
        latest = row.id;
      }
      if (i % 2 === 0 && latest) {
        await prisma.recognition.create({
          data: {
            fromId: lead.id,
            toId: person.id,
            reason: reasons[i % reasons.length]!,
            points: 10 + 5 * (i % 4),
            badge: badges[i % badges.length]!.id,
            observationId: latest,
            createdAt: new Date(now.getTime() - (3 + i) * day),
          },
        });
      }
    }
  }
}
