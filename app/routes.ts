import type { RouteConfig } from "@remix-run/route-config";
import { index, route } from "@remix-run/route-config";

// Every URL of the app in one list; the authorization tests walk it, so a new route here
// needs an entry there too.
export default [
  index("routes/index.tsx"),
  route("login", "routes/_auth+/login.tsx"),
  route("login/two-factor", "routes/_auth+/two-factor.tsx"),
  route("logout", "routes/_auth+/logout.tsx"),
  route("invite/:token", "routes/_auth+/invite.$token.tsx"),
  route("auth/oidc", "routes/_auth+/oidc.tsx"),
  route("auth/oidc/callback", "routes/_auth+/oidc.callback.tsx"),
  route("training", "routes/training+/index.tsx"),
  route("training/:slug", "routes/training+/$slug.tsx"),
  route("training/:slug/read", "routes/training+/$slug.read.ts"),
  route("training/:slug/text", "routes/training+/$slug.text.ts"),
  route("training/:slug/certificate", "routes/training+/$slug.certificate.tsx"),
  route("me", "routes/me+/index.tsx"),
  route("me/security", "routes/me+/security.tsx"),
  route("team", "routes/team+/index.tsx"),
  route("team/export.csv", "routes/team+/export.csv.ts"),
  route("team/observations/new", "routes/team+/observations.new.tsx"),
  route("team/recognition", "routes/team+/recognition.tsx"),
  route("team/self-assessment", "routes/team+/self-assessment.tsx"),
  route("team/:userId", "routes/team+/$userId.tsx"),
  route("studio", "routes/studio+/index.tsx"),
  route("studio/:slug", "routes/studio+/$slug.tsx"),
  route("studio/:slug/analytics", "routes/studio+/$slug.analytics.tsx"),
  route("admin", "routes/admin+/index.tsx"),
  route("admin/audit", "routes/admin+/audit.tsx"),
  route("admin/audit.csv", "routes/admin+/audit.csv.ts"),
  route("verify", "routes/verify.tsx"),
  route("verify/:code", "routes/verify.$code.tsx"),
  route("healthz", "routes/resources+/healthz.ts"),
  route("locale", "routes/resources+/locale.ts"),
  route("content/:slug/:file", "routes/resources+/content-asset.ts"),
  route("*", "routes/$.tsx"),
] satisfies RouteConfig;
