import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { actorOf, audit, personTarget } from "~/audit/audit.server";
import { getUser, safeRedirectPath } from "~/auth/permissions.server";
import { homePath } from "~/auth/roles";
import { requireWriteAllowance } from "~/auth/write-limit.server";
import { prisma } from "~/db.server";
import { locales } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { readForm } from "~/utils/form.server";
import { log } from "~/utils/log.server";

// POST /locale: choose the language Frontline speaks. A visitor's choice is remembered in a
// cookie; a signed-in person's becomes their account's locale (and the cookie, for the login page
// after they sign out). Answers with a full page load in the new language.

const LocaleSchema = z.object({
  locale: z.enum(locales),
  redirectTo: z.string().max(2000).optional(),
});

export function loader() {
  throw data({ message: "common:errors.404.body" }, { status: 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getUser(request);
  if (user) await requireWriteAllowance(user.id);
  const body = await readForm(request, 4096);
  if (!body.ok) return data({ error: body.message }, { status: 400 });
  const form = body.formData;
  // One value per field: a repeated field is a malformed form, not a choice between values.
  if ([...new Set(form.keys())].some((key) => form.getAll(key).length > 1))
    return data({ error: "forms:invalid" }, { status: 400 });
  const parsed = LocaleSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: "forms:choose" }, { status: 400 });
  const { locale, redirectTo } = parsed.data;
  // A real change of a person's language is recorded (and audited); the same choice again is not.
  if (user && user.locale !== locale) {
    await prisma.$transaction([
      prisma.user.update({ where: { id: user.id }, data: { locale }, select: { id: true } }),
      audit(
        prisma,
        actorOf(user, context.clientAddress),
        "person.locale",
        personTarget(user),
        `language: ${user.locale} → ${locale}`,
      ),
    ]);
    log.info("user.locale_changed", { userId: user.id, locale });
  }
  const to = safeRedirectPath(redirectTo) ?? (user ? homePath(user.role) : "/login");
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
