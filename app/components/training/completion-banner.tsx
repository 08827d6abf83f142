import { Link } from "@remix-run/react";
import type { ModuleProgress } from "~/training/completion.server";
import { ProgressBar } from "~/components/ui/progress-bar";

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** Completed (with date and version), or how many of the module's steps are done. */
export function CompletionBanner({ progress }: { progress: ModuleProgress }) {
  if (progress.completion) {
    return (
      <p
        role="status"
        className="mt-5 rounded-xl border border-green-200 bg-green-50 px-4 py-3 text-green-900"
      >
        <strong>Completed</strong> on {longDate(progress.completion.completedAt)} (version{" "}
        {progress.completion.version}).{" "}
        <Link to="certificate" relative="path" className="font-semibold underline">
          View your certificate
        </Link>
      </p>
    );
  }
  const steps = progress.quizzes + progress.scenarios + (progress.needsAttestation ? 1 : 0);
  const done = progress.quizzesPassed + progress.scenariosFinished + (progress.attestation ? 1 : 0);
  if (!steps) return null;
  return (
    <div className="mt-5 max-w-sm">
      <p className="text-sm text-slate-700">
        {done} of {steps} steps done:{" "}
        {progress.quizzes ? `pass ${progress.quizzes === 1 ? "the quiz" : "the quizzes"}` : ""}
        {progress.scenarios ? `, finish the role-play${progress.scenarios === 1 ? "" : "s"}` : ""}
        {progress.needsAttestation ? ", sign the statement" : ""}.
      </p>
      <ProgressBar label="Module progress" percent={(done / steps) * 100} className="mt-1.5" />
    </div>
  );
}
