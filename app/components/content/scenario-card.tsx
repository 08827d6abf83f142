import type { PublicScenario } from "~/content/public";

/** The invitation to a role-play: its title and setting; the conversation itself unfolds on play. */
export function ScenarioCard({ scenario }: { scenario: PublicScenario }) {
  return (
    <section
      aria-labelledby={`scenario-${scenario.id}`}
      className="not-prose my-8 rounded-2xl border border-brand-200 bg-brand-50 p-5 sm:p-6"
    >
      <p className="text-xs font-semibold tracking-wide text-brand-700 uppercase">Role-play</p>
      <h3 id={`scenario-${scenario.id}`} className="mt-1 text-lg font-semibold text-slate-900">
        {scenario.title}
      </h3>
      {scenario.setting ? <p className="mt-2 text-slate-700">{scenario.setting}</p> : null}
      <p className="mt-4 text-sm text-slate-700">
        You'll talk with an upset customer and choose your replies. Playing opens with the role-play
        release.
      </p>
    </section>
  );
}
