import { createHash } from "node:crypto";
import { prisma } from "~/db.server";
import type { ReadableModule } from "./module-key";
import { moduleKey, servedLocale, uniqueOrRefuse, UserInputError } from "./module-key";

const normalise = (name: string) =>
  name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();

/** Sign the module's policy statement with the user's full name, once per version. */
export async function signAttestation(
  user: { id: string; name: string },
  module: ReadableModule,
  input: { typedName: string; agree: boolean },
  practiceDone: boolean,
) {
  const statement = module.frontmatter.attestation;
  if (!statement) throw new UserInputError("This module has no statement to sign.");
  if (!practiceDone)
    throw new UserInputError("Pass the quizzes and finish the role-plays first, then sign.");
  if (!input.agree) throw new UserInputError("Tick the box to confirm the statement.");
  if (normalise(input.typedName) !== normalise(user.name)) {
    throw new UserInputError(`Type your full name as it is on your account: ${user.name}.`);
  }
  await uniqueOrRefuse(
    "You have already signed this version of the statement.",
    prisma.attestation.create({
      data: {
        userId: user.id,
        ...moduleKey(module),
        statement,
        locale: servedLocale(module),
        statementHash: createHash("sha256").update(statement).digest("hex"),
        typedName: input.typedName.trim(),
      },
      select: { id: true },
    }),
  );
}
