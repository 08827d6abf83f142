import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { csvLimits, decodeCsv, parseCsv } from "~/admin/csv-file";
import {
  applyImport,
  guessMapping,
  importFields,
  parseMapping,
  previewImport,
  type Mapping,
  type Preview,
} from "~/admin/import-people.server";
import { actorOf } from "~/audit/audit.server";
import { requireArea } from "~/auth/permissions.server";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import { ImportPreview, ImportResult, ImportUpload } from "~/components/admin/import-steps";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Page } from "~/components/page";
import { FormErrors } from "~/components/ui/form-errors";
import { prisma } from "~/db.server";
import { fixedT } from "~/i18n/i18n.server";
import { requestLocale } from "~/i18n/locale.server";
import { mailerFromEnv } from "~/mail/mailer.server";
import { sendPending } from "~/training/rollout/reminders.server";
import { errorKey } from "~/i18n/errors";
import { readForm } from "~/utils/form.server";
import { log } from "~/utils/log.server";
import { readUpload } from "~/utils/upload.server";

// Bringing people in from a spreadsheet: upload a CSV, check how its columns map to Frontline's
// fields and what every row would do, then import it all at once (or nothing). The file travels
// with the page between the steps (a browser cannot send a chosen file twice); every step reads
// and checks it again on the server.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.metaTitle ?? "Frontline" },
];

export const headers = retryAfterHeaders;

/** A file to start from: the columns the import knows, with two example rows. */
const template = [
  "E-mail;Name;Team;Role;Language;Hire date;Manager e-mail",
  "ana.novak@example.com;Ana Novak;Front desk;employee;sl;1. 3. 2026;maya.patel@example.com",
  "jonas.berg@example.com;Jonas Berg;Call centre;manager;da;2025-11-17;",
].join("\r\n");

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireArea(request, "admin");
  if (new URL(request.url).searchParams.has("template"))
    return new Response(`\uFEFF${template}\r\n`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="frontline-people.csv"',
        "Cache-Control": "private, no-store",
      },
    });
  const metaTitle = fixedT(await requestLocale(request, admin), "admin")("admin:import.metaTitle");
  return { metaTitle, maxMiB: csvLimits.bytes / 1024 / 1024, maxRows: csvLimits.rows };
}

// Up to this many invitations are sent before the import's answer; more go out in the background.
const sendWhileWaiting = 50;

// At most this many rows of a preview go to the browser (errors first); the counts cover all.
const shownRows = 200;

function shown(preview: Preview) {
  const order = { error: 0, create: 1, update: 2, unchanged: 3 };
  const rows = [...preview.rows].sort(
    (a, b) => order[a.status] - order[b.status] || a.line - b.line,
  );
  return {
    ...preview,
    rows: rows.slice(0, shownRows),
    hidden: Math.max(0, rows.length - shownRows),
  };
}

const refuse = (message: string, status = 400) =>
  data({ step: "upload" as const, error: message }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireArea(request, "admin");
  await requireWriteAllowance(admin.id);
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/");

  let text: string;
  let fileName: string;
  let mapping: Mapping | null = null;
  let createTeams: boolean;
  let intent: string;
  if (multipart) {
    const upload = await readUpload(request, csvLimits.bytes + 64 * 1024);
    if (!upload.ok) return refuse(upload.message);
    const file = upload.formData.get("file");
    if (!(file instanceof File) || file.size === 0) return refuse("admin:import.errors.noFile");
    if (file.size > csvLimits.bytes) return refuse("admin:import.errors.tooLarge");
    const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return refuse(decoded.message);
    text = decoded.text;
    fileName = file.name.slice(0, 200) || "people.csv";
    createTeams = upload.formData.get("createTeams") === "on";
    intent = "preview";
  } else {
    // The file comes back as text with the mapping: a little over the file's own limit.
    const body = await readForm(request, csvLimits.bytes * 2);
    if (!body.ok) return refuse(body.message);
    const form = body.formData;
    text = String(form.get("text") ?? "");
    fileName = String(form.get("fileName") ?? "people.csv").slice(0, 200);
    createTeams = form.get("createTeams") === "on";
    intent = String(form.get("intent") ?? "");
    if (intent !== "preview" && intent !== "apply") return refuse("admin:import.errors.intent");
    const parsed = parseMapping(
      Object.fromEntries(importFields.map((f) => [f, form.get(`map.${f}`) ?? "-1"])),
    );
    if (!parsed.success) return refuse("admin:import.errors.mapping");
    mapping = parsed.data as Mapping;
  }

  const parsed = parseCsv(text);
  if (!parsed.ok)
    return refuse(parsed.values ? errorKey(parsed.message, parsed.values) : parsed.message);
  const file = parsed.file;
  mapping ??= guessMapping(file.header);
  if (mapping.email < 0)
    return data(
      {
        step: "preview" as const,
        fileName,
        text,
        header: file.header,
        mapping,
        createTeams,
        preview: null,
        error: "admin:import.errors.noEmailColumn",
      },
      { status: 400 },
    );
  const columns = file.header.length;
  if (Object.values(mapping).some((c) => c >= columns))
    return refuse("admin:import.errors.mapping");

  if (intent === "apply") {
    const result = await applyImport(
      { ...actorOf(admin, context.clientAddress), id: admin.id },
      file,
      mapping,
      { createTeams, fileName },
    );
    if (!result.ok)
      return data(
        {
          step: "preview" as const,
          fileName,
          text,
          header: file.header,
          mapping,
          createTeams,
          preview: shown(result.preview),
          error: "admin:import.errors.rowsInError",
        },
        { status: 400 },
      );
    // The invitations are queued with the import. A few are sent before the answer (so the
    // page can say they went); a large import's go out in the background, and the reminder
    // pass sends whatever is left should the server stop meanwhile.
    if (result.invited.length) {
      const queued = await prisma.reminderOutbox.findMany({
        where: { userId: { in: result.invited }, kind: "invitation", sentAt: null },
        select: { id: true },
      });
      const sending = sendPending(
        mailerFromEnv(),
        new Date(),
        queued.map((q) => q.id),
      );
      if (queued.length <= sendWhileWaiting) await sending;
      else
        void sending.catch((error: unknown) =>
          log.error("import.invitations_failed", {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
    }
    const { invited, ...counts } = result;
    return { step: "done" as const, fileName, result: { ...counts, invited: invited.length } };
  }

  const preview = await previewImport(prisma, file, mapping, { createTeams, adminId: admin.id });
  return {
    step: "preview" as const,
    fileName,
    text,
    header: file.header,
    mapping,
    createTeams,
    preview: shown({ rows: preview.rows, counts: preview.counts, newTeams: preview.newTeams }),
    error: null,
  };
}

export default function ImportPeople() {
  const { t } = useTranslation();
  const { maxMiB, maxRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData && "error" in actionData ? actionData.error : null;
  return (
    <Page title={t("admin:import.title")} lead={t("admin:import.lead")} wide>
      <p className="-mt-4 mb-6 text-sm">
        <Link to="/admin/people" className="font-medium text-brand-800 underline">
          {t("admin:person.back")}
        </Link>
      </p>
      <FormErrors id="import-errors" errors={error ? [error] : []} />
      {actionData?.step === "done" ? (
        <ImportResult fileName={actionData.fileName} result={actionData.result} />
      ) : actionData?.step === "preview" ? (
        <ImportPreview
          key={`${actionData.fileName}:${JSON.stringify(actionData.mapping)}:${actionData.createTeams}`}
          fileName={actionData.fileName}
          text={actionData.text}
          header={actionData.header}
          mapping={actionData.mapping}
          createTeams={actionData.createTeams}
          preview={actionData.preview}
        />
      ) : null}
      {actionData?.step === "done" ? null : (
        <ImportUpload maxMiB={maxMiB} maxRows={maxRows} another={actionData?.step === "preview"} />
      )}
    </Page>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
