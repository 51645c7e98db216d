// GET /prefecture/:departementCode/pieces/:checkId — the file a company sent with its answer to a
// verification of the département's sample, as an attachment (never shown inline).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkFile } from "~/models/verification.server";
import { attachmentResponse } from "~/utils/downloads.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const file = await checkFile(departementCode, params.checkId ?? "");
  if (!file?.fileBytes || !file.fileType) notFound("Cette pièce n'existe pas.");
  return attachmentResponse(
    new Uint8Array(file.fileBytes),
    file.fileType,
    file.fileName ?? "piece",
  );
}
