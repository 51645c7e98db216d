// The CSV template of the realisation import: UTF-8 with a BOM, `;` as separator (Excel in French).
import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  buildTemplateCsv,
  listTemplateCommitments,
} from "~/models/realisation-import-template.server";
import { csvResponse } from "~/utils/downloads.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:read");
  return csvResponse(
    buildTemplateCsv(await listTemplateCommitments(companyId)),
    "modele-realisations.csv",
  );
}
