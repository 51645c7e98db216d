// The CSV template of the realisation import: UTF-8 with a BOM, `;` as separator (Excel in French).
import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  buildTemplateCsv,
  listTemplateCommitments,
} from "~/models/realisation-import-template.server";
import { csvResponse } from "~/utils/downloads.server";
import { requirePermission } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "company:read", companyId });
  return csvResponse(
    buildTemplateCsv(await listTemplateCommitments(companyId)),
    "modele-realisations.csv",
  );
}
