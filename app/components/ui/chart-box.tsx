import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { useHydrated } from "~/utils/use-hydrated";

/**
 * A chart drawn for the eye only (the same numbers stand beside it as text, so it is hidden from
 * screen readers): 16rem high, as wide as its column, drawn once the page has hydrated.
 */
export function ChartBox({ children }: { children: ReactElement }) {
  const hydrated = useHydrated();
  return (
    <div aria-hidden className="h-64">
      {hydrated ? (
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 320, height: 256 }}
        >
          {children}
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
