// The XLSX template of the realisation import, with the company's commitments in its "Listes".
import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  buildTemplateXlsx,
  listTemplateCommitments,
} from "~/models/realisation-import-template.server";
import { xlsxResponse } from "~/utils/downloads.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:read");
  const body = await buildTemplateXlsx(await listTemplateCommitments(companyId));
  return xlsxResponse(body, "modele-realisations.xlsx");
}
