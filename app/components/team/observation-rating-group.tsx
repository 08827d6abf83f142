import { useTranslation } from "react-i18next";
import type { Meta } from "~/components/ui/field";
import { ratingChoices } from "~/team/observation-schema";
import { ChoiceGroup } from "./observation-choice-group";

/** One service standard rated 1–5 or N/A. */
export function RatingGroup<Schema>({
  standard,
  meta,
}: {
  standard: { id: string; title: string; description: string };
  meta: Meta<Schema>;
}) {
  const { t } = useTranslation();
  const options = ratingChoices.map((choice) => ({
    value: choice,
    label: choice === "na" ? t("team:observation.notApplicable") : choice,
  }));
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <ChoiceGroup
        legend={standard.title}
        description={standard.description}
        meta={meta}
        defaultValue="na"
        options={options}
      />
    </div>
  );
}
