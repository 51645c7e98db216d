import type { LoaderFunctionArgs } from "@remix-run/node";
import { findDepartement, publicStats } from "~/models/public-stats.server";

// GET /api/stats?departement=62 — public aggregates (docs/design.md contract); national without it.
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("departement");
  if (code !== null && !(await findDepartement(code))) {
    return Response.json(
      { error: `Département inconnu : « ${code.slice(0, 10)} ». Utilisez un code comme 62 ou 2A.` },
      { status: 400 },
    );
  }
  const stats = await publicStats(code);
  return Response.json(stats, { headers: { "Cache-Control": "public, max-age=60" } });
}
