import type { RouteConfig } from "@remix-run/route-config";
import { index, route } from "@remix-run/route-config";

export default [
  index("routes/trivial.tsx"),
  route("page", "routes/page.tsx"),
  route("insert", "routes/insert.tsx"),
] satisfies RouteConfig;
