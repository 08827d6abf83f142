import { prisma } from "~/db.server";
import { checkDatabase } from "~/db/health.server";

// For load balancers and uptime checks: 200 only after a real database round trip.
export async function loader() {
  const health = await checkDatabase(prisma);
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
