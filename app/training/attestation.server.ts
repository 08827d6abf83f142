import { createHash } from "node:crypto";
import { prisma } from "~/db.server";
import { errorKey } from "~/i18n/errors";
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
  if (!statement) throw new UserInputError("training:errors.noStatement");
  if (!practiceDone) throw new UserInputError("training:errors.practiceFirst");
  if (!input.agree) throw new UserInputError("training:errors.tickBox");
  if (normalise(input.typedName) !== normalise(user.name)) {
    throw new UserInputError(errorKey("training:errors.nameMismatch", { name: user.name }));
  }
  await uniqueOrRefuse(
    "training:errors.alreadySigned",
    prisma.attestation.create({
      data: {
        userId: user.id,
        ...moduleKey(module),
        statement,
        locale: servedLocale(module),
        statementHash: createHash("sha256").update(statement).digest("hex"),
        // The name as on their record: typed in any case or spacing, it matched that, and a
        // certificate reads "Signed as Eli Brooks", not "eli  brooks".
        typedName: user.name.normalize("NFC").trim().replace(/\s+/g, " "),
      },
      select: { id: true },
    }),
  );
}
