import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance } from "~/auth/write-limit.server";
import { requireReadableModule } from "~/content/modules.server";
import { errorKey } from "~/i18n/errors";
import { UserInputError } from "~/training/module-key";
import { completeIfDone } from "~/training/completion.server";
import { markSectionRead } from "~/training/sections.server";
import { readForm } from "~/utils/form.server";

// POST /training/<slug>/read: the page reports a section read, in the background, with a plain
// fetch (not through Remix), so every answer is a JSON Response. Refusals are message keys, like
// every other form's.
const ReadSchema = z.object({
  sectionId: z
    .string()
    .max(100)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
});

export function loader() {
  throw Response.json({ message: "training:errors.nothingHere" }, { status: 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireArea(request, "training");
  await requireWriteAllowance(user.id);
  const module = await requireReadableModule(params.slug ?? "", user, 400);
  const body = await readForm(request, 1024);
  if (!body.ok) return Response.json({ error: body.message }, { status: 400 });
  const parsed = ReadSchema.safeParse(Object.fromEntries(body.formData));
  if (!parsed.success)
    return Response.json(
      { error: errorKey("training:errors.invalidId", { field: "sectionId" }) },
      { status: 400 },
    );
  try {
    await markSectionRead(user.id, module, parsed.data.sectionId);
    // With nothing to practise or sign, reading is all there is: the first report completes it
    // (the page itself writes nothing).
    if (!module.quizzes.length && !module.scenarios.length && !module.frontmatter.attestation)
      await completeIfDone(user.id, module);
  } catch (error) {
    if (error instanceof UserInputError)
      return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
  return Response.json({ ok: true });
}
