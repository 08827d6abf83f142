import { compileCount } from "~/content/compile.server";
import { prisma } from "~/db.server";
import { checkDatabase } from "~/db/health.server";

// For load balancers and uptime checks: 200 only after a real database round trip.
export async function loader() {
  const health = await checkDatabase(prisma);
  // MDX compiles by this process: production answers 0, since content is compiled at build time.
  return Response.json(
    { ...health, content: { compiles: compileCount() } },
    {
      status: health.ok ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    },
  );
}
