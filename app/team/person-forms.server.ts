import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import { requireArea } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { requireWriteAllowance } from "~/auth/write-limit.server";
import { formErrorResponse, readForm } from "~/utils/form.server";

// The first half of every action in which a manager writes something about one of their people
// (an observation, a recognition): who is posting, whether they still may write, and the form
// read and checked. The second half, the write itself, is the domain's.

type PersonSchema = z.ZodType<{ employeeId: string }>;

/**
 * The manager posting and their form's value, or the 400 answer to send: a body that cannot be
 * read, a schema that cannot be built (`schemaFor` returns a message key), or fields that fail it.
 * Managers are members of their own teams; the form is never about themselves (`notYourself`).
 */
export async function readPersonForm<S extends PersonSchema>(
  request: Request,
  schemaFor: (manager: SessionUser) => S | string | Promise<S | string>,
  notYourself: string | ((value: z.output<S>) => string),
) {
  const manager = await requireArea(request, "team");
  await requireWriteAllowance(manager.id);
  const body = await readForm(request);
  if (!body.ok) return { refusal: formErrorResponse(body.message) };
  const schema = await schemaFor(manager);
  if (typeof schema === "string") return { refusal: formErrorResponse(schema) };
  const submission = await parseWithZod(body.formData, {
    async: true,
    schema: schema.superRefine((value, ctx) => {
      if (value.employeeId === manager.id)
        ctx.addIssue({
          code: "custom",
          path: ["employeeId"],
          message:
            typeof notYourself === "string" ? notYourself : notYourself(value as z.output<S>),
        });
    }),
  });
  if (submission.status !== "success")
    return { refusal: data({ result: submission.reply() }, { status: 400 }) };
  return { manager, value: submission.value as z.output<S>, submission };
}
