import { Trans, useTranslation } from "react-i18next";
import { useFormat } from "~/i18n/use-format";
import type { MyRecord } from "~/training/record.server";
import { RecognitionList } from "./recognition-list";

/** What the person has been recognised for, and their team's wall. */
export function RecognitionReceived({
  recognitions,
  points,
  wall,
}: {
  recognitions: MyRecord["recognitions"];
  points: number;
  wall: MyRecord["teamWall"];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="space-y-8">
      <div>
        <p className="mb-3 text-slate-800">
          <Trans
            i18nKey="team:received.pointsTotal"
            count={points}
            values={{ points: format.number(points) }}
            components={{ strong: <strong className="tabular-nums" /> }}
          />
        </p>
        {recognitions.length ? (
          <RecognitionList items={recognitions} />
        ) : (
          <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
            {t("team:received.noRecognition")}
          </p>
        )}
      </div>
      {wall.team ? (
        <section aria-labelledby="team-wall" className="scroll-mt-6">
          <h3 id="team-wall" className="mb-3 font-semibold text-slate-900">
            {t("team:received.wall", { team: wall.team })}
          </h3>
          {wall.items.length ? (
            <RecognitionList items={wall.items} showTo labelledBy="team-wall" />
          ) : (
            <p className="text-sm text-slate-600">{t("team:received.wallEmpty")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
