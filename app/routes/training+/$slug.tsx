import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { requireArea } from "~/auth/permissions.server";
import { useFormat } from "~/i18n/use-format";
import { requireWriteAllowance, retryAfterHeaders } from "~/auth/write-limit.server";
import type { ProsePiece } from "~/components/content/prose";
import { missingRuns, ModuleText, rememberRuns } from "~/components/content/prose";
import { prosePieces } from "~/components/content/prose.server";
import { SectionProgress, useCurrentSection } from "~/components/content/section-progress";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AttestationPanel } from "~/components/training/attestation-panel";
import { CompletionBanner } from "~/components/training/completion-banner";
import { TranslationNote } from "~/components/training/translation-note";
import { QuizPanel } from "~/components/training/quiz-panel";
import { ScenarioPanel } from "~/components/training/scenario-panel";
import { readerView, requireReadableModule } from "~/content/modules.server";
import type { Section } from "~/content/types";
import { earlierCompletion, moduleRecords } from "~/training/completion.server";
import {
  anchorFor,
  parseModuleAction,
  performModuleAction,
} from "~/training/module-actions.server";
import { problemText } from "~/training/messages";
import { majorOf, UserInputError } from "~/training/module-key";
import { quizViews } from "~/training/quiz/attempts.server";
import { scenarioViews } from "~/training/scenario/runs.server";
import { requestLocale } from "~/i18n/locale.server";
import { inWordsOf } from "~/content/titles.server";
import { byUrgency } from "~/training/rollout/due";
import { listEnrollments } from "~/training/rollout/enrollments.server";
import { ModuleFinished } from "~/components/training/module-finished";
import { readForm } from "~/utils/form.server";
import { log } from "~/utils/log.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // The module's own title; without one (it could not be loaded) the brand alone.
  { title: data ? `${data.module.title} · Frontline` : "Frontline" },
];

export const headers = retryAfterHeaders;

/** The notes of each version of `version`'s MAJOR up to it, oldest first, as one text. */
function changesSince(changes: Record<string, string> | undefined, version: string) {
  const minor = (v: string) => Number(v.split(".")[1] ?? 0);
  const notes = Object.entries(changes ?? {})
    .filter(([v]) => majorOf(v) === majorOf(version) && minor(v) <= minor(version))
    .sort(([a], [b]) => minor(a) - minor(b))
    .map(([, text]) => text);
  return notes.length ? notes.join(" ") : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, "training");
  const module = await requireReadableModule(params.slug ?? "", user);
  const retry = new URL(request.url).searchParams.get("retry");
  // Reads only: a completion owed after a cut-off request is recorded by the repair pass
  // (app/training/completion-repair.server.ts), not by a page view.
  const locale = await requestLocale(request, user);
  const [records, enrollments] = await Promise.all([
    moduleRecords(user.id, module),
    listEnrollments([user.id]),
  ]);
  const mine = enrollments.find((e) => e.slug === module.slug);
  // After the last step: the most urgent module still open, in the learner's words.
  const next = records.progress.completion
    ? (enrollments
        .filter((e) => e.slug !== module.slug && e.status !== "completed")
        .sort(byUrgency)[0] ?? null)
    : null;
  const [nextInWords] = next ? await inWordsOf(locale, [next]) : [];
  // Asked to re-train after a MAJOR change: what they did before, and what changed since.
  const earlier =
    mine?.status === "needs-retraining" ? await earlierCompletion(user.id, module) : null;
  const { version, changes } = module.frontmatter;
  const retraining = earlier
    ? {
        from: earlier.version,
        completedAt: earlier.completedAt,
        to: version,
        // Everything new to them: each version's notes in this MAJOR, up to the current one.
        changes: changesSince(changes, version),
      }
    : null;
  return {
    module: readerView(module),
    // The text's runs by key only: their HTML goes into the page, not into its data (prose.tsx).
    text: prosePieces(module, locale),
    // Due and overdue for an assigned module not yet done; nothing for one taken freely.
    due:
      mine && mine.status !== "completed"
        ? { date: mine.dueDate, overdue: mine.status === "overdue" }
        : null,
    retraining,
    next: nextInWords
      ? {
          slug: nextInWords.slug,
          title: nextInWords.title,
          status: nextInWords.status,
          dueDate: nextInWords.dueDate,
        }
      : null,
    quizzes: quizViews(user.id, module, retry, records.attempts, records.grants),
    scenarios: scenarioViews(module, records.runs, records.grants),
    progress: records.progress,
  };
}

/**
 * In the browser (navigations and revalidations, never the first load): the page's data, then
 * any runs of text this tab has not seen, which are not part of that data.
 */
export async function clientLoader({ serverLoader, params }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  if (missingRuns(data.text as ProsePiece[]).length) {
    const response = await fetch(`/training/${params.slug}/text`);
    if (response.ok)
      rememberRuns(((await response.json()) as { runs: Record<string, string> }).runs);
  }
  return data;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireArea(request, "training");
  await requireWriteAllowance(user.id);
  const module = await requireReadableModule(params.slug ?? "", user, 400);
  const body = await readForm(request);
  if (!body.ok) return data({ error: { anchor: null, message: body.message } }, { status: 400 });
  let anchor: string | null = null;
  try {
    const { action, answers } = parseModuleAction(body.formData);
    anchor = anchorFor(action);
    const progress = await performModuleAction(user, module, action, answers);
    // The step that completed the module lands on the completion moment at its end.
    if (progress?.justCompleted) anchor = "module-complete";
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    log.info("training.refused", {
      userId: user.id,
      module: module.slug,
      anchor,
      reason: error.message,
    });
    return data({ error: { anchor, message: error.message } }, { status: 400 });
  }
  // Back to the page (a reload then re-sends nothing), at the part just worked on.
  return redirect(`/training/${module.slug}#${anchor}`);
}

/** How long a section must be the one on screen before it counts as read. */
export const readingDwellMs = 8_000;

/**
 * Which sections the reader has read, told to the server each once: a section counts after it
 * has been the one on screen for `readingDwellMs` in all (scrolling past it is not reading it).
 * Sent with a plain fetch to its own endpoint, outside Remix's navigation, so it never touches
 * the learner's submissions or reloads the page's data. Returns the sections read so far.
 */
function useSectionReads(slug: string, sections: Section[], alreadyRead: string[]) {
  const current = useCurrentSection(sections);
  const [read, setRead] = useState(() => new Set(alreadyRead));
  const dwell = useRef(new Map<string, number>());
  const queue = useRef<string[]>([]);
  const sending = useRef(false);
  // One report at a time, in order; one that fails stays queued for the next section read.
  const send = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      while (queue.current.length) {
        const ok = await fetch(`/training/${slug}/read`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ sectionId: queue.current[0]! }),
        }).then(
          (response) => response.ok,
          () => false,
        );
        if (!ok) break;
        queue.current.shift();
      }
    } finally {
      sending.current = false;
    }
  }, [slug]);
  useEffect(() => {
    const section = current >= 0 ? sections[current] : undefined;
    if (!section || read.has(section.id)) return;
    const tick = 1_000;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== "visible") return;
      const spent = (dwell.current.get(section.id) ?? 0) + tick;
      dwell.current.set(section.id, spent);
      if (spent < readingDwellMs) return;
      window.clearInterval(timer);
      setRead((before) => new Set(before).add(section.id));
      queue.current.push(section.id);
      void send();
    }, tick);
    return () => window.clearInterval(timer);
  }, [current, sections, read, send]);
  return read;
}

export default function ModulePage() {
  const { module, text, quizzes, scenarios, progress, due, next, retraining } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const format = useFormat();
  const errorFor = (anchor: string) =>
    actionData && "error" in actionData && actionData.error.anchor === anchor
      ? actionData.error.message
      : undefined;
  const read = useSectionReads(module.slug, module.sections, progress.readSectionIds);
  const quizById = new Map(quizzes.map((q) => [q.id, q]));
  const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
  // The module's text is English where it has no current translation: say so to screen readers.
  const contentLang =
    module.language.served !== module.language.requested ? module.language.served : undefined;
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      {/* Two columns only beside a contents panel: a one-section module takes the full width. */}
      <div
        className={
          module.sections.length > 1
            ? "lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-12"
            : "mx-auto max-w-3xl"
        }
      >
        <div className="lg:order-2">
          <header className="pt-8 pb-6 sm:pt-10">
            <nav aria-label={t("training:breadcrumb")} className="text-sm text-slate-600">
              <Link to="/training" className="hover:text-slate-900 hover:underline">
                {t("common:nav.training")}
              </Link>
              <span aria-hidden> / </span>
              <span>{module.title}</span>
            </nav>
            <h1
              lang={contentLang}
              className="mt-3 text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-4xl"
            >
              {module.title}
            </h1>
            <p lang={contentLang} className="mt-3 max-w-prose text-lg text-slate-700">
              {module.summary}
            </p>
            <p className="mt-4 flex flex-wrap gap-2 text-sm">
              <span className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
                {t("training:minutes", { minutes: module.minutes })}
              </span>
              <span className="rounded-full bg-slate-100 px-3 py-1 text-slate-700">
                {t("training:version", { version: module.version })}
              </span>
              {module.required ? (
                <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-800">
                  {t("training:required")}
                </span>
              ) : null}
              {due ? (
                <span
                  className={`rounded-full px-3 py-1 ${due.overdue ? "bg-red-100 font-semibold text-red-900" : "bg-slate-100 text-slate-700"}`}
                >
                  {t(due.overdue ? "training:overdueSince" : "training:dueOn", {
                    date: format.day(due.date),
                  })}
                </span>
              ) : null}
              {module.draft ? (
                <span className="rounded-full bg-amber-100 px-3 py-1 text-amber-900">
                  {t("training:draft")}
                </span>
              ) : null}
            </p>
            {retraining ? (
              <div
                role="status"
                className="mt-5 rounded-xl border border-violet-200 bg-violet-50 px-4 py-3 text-violet-950"
              >
                <p className="font-semibold">
                  {t("training:retraining.title", {
                    to: retraining.to,
                    from: retraining.from,
                    date: format.date(retraining.completedAt),
                  })}
                </p>
                <p className="mt-1 text-sm">
                  {retraining.changes ? (
                    <>
                      <span className="font-medium">{t("training:retraining.whatChanged")}</span>{" "}
                      <span lang={contentLang}>{retraining.changes}</span>
                    </>
                  ) : (
                    t("training:retraining.noNotes")
                  )}
                </p>
              </div>
            ) : null}
            <CompletionBanner
              progress={progress}
              sectionsRead={module.sections.filter((s) => read.has(s.id)).length}
            />
          </header>
          <TranslationNote language={module.language} />
          {actionData && "error" in actionData && !actionData.error.anchor ? (
            <p
              role="alert"
              className="mb-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              {problemText(t, actionData.error.message)}
            </p>
          ) : null}
          {module.sections.length > 1 ? (
            <SectionProgress sections={module.sections} read={read} variant="bar" />
          ) : null}
          <article lang={contentLang} className="max-w-prose">
            <ModuleText
              pieces={text}
              slots={{
                quiz: (id) => {
                  const quiz = quizById.get(id);
                  return quiz ? <QuizPanel quiz={quiz} error={errorFor(`quiz-${id}`)} /> : null;
                },
                scenario: (id) => {
                  const scenario = scenarioById.get(id);
                  return scenario ? (
                    <ScenarioPanel scenario={scenario} error={errorFor(`scenario-${id}`)} />
                  ) : null;
                },
              }}
            />
            {module.attestation ? (
              <AttestationPanel
                statement={module.attestation}
                progress={progress}
                error={errorFor("attestation")}
              />
            ) : null}
          </article>
          {progress.completion ? (
            <ModuleFinished title={module.title} progress={progress} next={next} />
          ) : null}
        </div>
        {module.sections.length > 1 ? (
          <aside className="hidden pt-10 lg:order-1 lg:block">
            <SectionProgress sections={module.sections} read={read} variant="panel" />
          </aside>
        ) : null}
      </div>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
