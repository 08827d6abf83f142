import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/auth/permissions.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VerifyForm } from "~/components/training/verify-form";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";

// Public: /verify without a code asks for one (the address printed on a certificate may be typed
// without it). A code sent from the form goes to /verify/<code>, written as certificates print it
// or not (spaces and capitals are allowed).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Frontline" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  const typed = code?.toLowerCase().replace(/[^a-z0-9]/g, "") ?? "";
  if (typed) throw redirect(`/verify/${typed}`);
  const reader = await requestLocale(request, await getUser(request));
  return {
    title: fixedT(reader, "training")("training:meta.verifyForm"),
    // Sent empty: say so beside the field.
    empty: code !== null,
  };
}

export default function VerifyFormPage() {
  const { empty } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12 sm:px-6 sm:py-20">
      <p className="text-lg font-bold tracking-tight text-brand-700">Frontline</p>
      <section
        aria-labelledby="verify-title"
        className="mt-6 rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
      >
        <h1 id="verify-title" className="text-2xl font-bold tracking-tight text-slate-900">
          {t("training:verify.formTitle")}
        </h1>
        <p className="mt-3 text-slate-700">{t("training:verify.formLead")}</p>
        <VerifyForm empty={empty} />
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
