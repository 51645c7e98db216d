// The head of the département dashboard's downloads (export.csv, export.xlsx): the permission on
// the département, then the filtered figures of the URL (a 404 for an unknown département).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadDepartementExport } from "~/models/prefecture-export.server";
import { notFound, requirePermission } from "./permissions.server";

/** What the dashboard of the URL shows, with its query's filters, and the extraction time. */
export async function requireDepartementExport({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const now = new Date();
  const data = await loadDepartementExport(departementCode, new URL(request.url), now);
  if (!data) notFound();
  return { data, now };
}
