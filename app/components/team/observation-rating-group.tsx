import { useTranslation } from "react-i18next";
import { ratingChoices } from "~/team/observation-schema";
import { ChoiceGroup } from "./observation-choice-group";

/** One service standard rated 1–5 or N/A. */
export function RatingGroup({
  standard,
  name,
  initialValue,
  errors,
  errorId,
}: {
  standard: { id: string; title: string; description: string };
  name: string;
  initialValue: string;
  errors?: string[];
  errorId: string;
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
        name={name}
        initialValue={initialValue}
        options={options}
        errors={errors}
        errorId={errorId}
      />
    </div>
  );
}
