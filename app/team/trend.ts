// Ratings over time per service standard: pure, so it is unit-testable and shared by the page
// and its text alternative.

export type RatedObservation = {
  id: string;
  observedAt: string; // ISO instant
  observedOn: string; // what the page shows for it (the same ISO instant, formatted where shown)
  ratings: Record<string, number | null>;
};

export type TrendPoint = { observationId: string; at: string; label: string; rating: number };
export type StandardTrend = {
  standardId: string;
  title: string;
  points: TrendPoint[];
  average: number | null;
};

/** Oldest first, one line per standard; N/A ratings leave a gap rather than a zero. */
export function trendByStandard(
  observations: RatedObservation[],
  standards: { id: string; title: string }[],
): StandardTrend[] {
  const chronological = [...observations].sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  return standards.map((standard) => {
    const points: TrendPoint[] = [];
    for (const o of chronological) {
      const rating = o.ratings[standard.id];
      if (typeof rating === "number")
        points.push({ observationId: o.id, at: o.observedAt, label: o.observedOn, rating });
    }
    const average = points.length
      ? Math.round((points.reduce((sum, p) => sum + p.rating, 0) / points.length) * 10) / 10
      : null;
    return { standardId: standard.id, title: standard.title, points, average };
  });
}
