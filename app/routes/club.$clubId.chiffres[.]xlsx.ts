import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { buildClubFiguresWorkbook } from "~/models/club.server";
import { clubZone } from "~/models/club-zone.server";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { getOnly, xlsxResponse } from "~/utils/downloads.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

// GET /club/:clubId/chiffres.xlsx?annee=…&periode=… — the club's figures for the period, as the
// figures page shows them: one sheet per breakdown, the key figures, the monthly trend and a
// sheet describing the filters and the extraction date (for the club's meetings).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  await requirePermission(request, { action: "club:manage", clubId });
  const now = new Date();
  const workbook = await buildClubFiguresWorkbook(
    clubId,
    parseFigurePeriod(new URL(request.url), now, await clubZone(clubId)),
    now,
  );
  if (!workbook) notFound();
  return xlsxResponse(workbook.stream, workbook.fileName);
}

/** Nothing to post here: 403 for whoever may not run the club, 405 for its animators. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "club:manage", clubId: params.clubId ?? "" });
  return getOnly();
}
