// GET /prefecture/:departementCode/verification.csv?annee=N — the verification sample of year N
// and its results, one company per line, after lines saying what the file holds.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { CHECK_RESULT_LABELS } from "~/components/verification-check";
import { listSamples } from "~/models/verification.server";
import { csvResponse, spreadsheetCsv } from "~/utils/downloads.server";
import { formatDateTime } from "~/utils/format";
import { notFound, requirePermission } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const year = Number(new URL(request.url).searchParams.get("annee")) || undefined;
  const { sample, checks } = await listSamples(departementCode, year);
  if (!sample || (year !== undefined && sample.year !== year))
    notFound("Aucun échantillon pour cette année.");
  const rows: (string | number)[][] = [
    [`Vérification des déclarations ${sample.year} — département ${departementCode}`],
    [
      `Échantillon de ${sample.ratePercent} % par club, tiré le ${formatDateTime(sample.createdAt)}, graine ${sample.seed}`,
    ],
    [`Extraction du ${formatDateTime(new Date())}`],
    [],
    [
      "Entreprise",
      "SIRET",
      "Club",
      "Réalisations déclarées",
      "Personnes déclarées",
      "Réponse le",
      "Pièce jointe",
      "Résultat",
      "Personnes après correction",
      "Note",
    ],
    ...checks.map((c) => [
      c.company.name,
      c.company.siret,
      c.clubName,
      c.declaredRealisations,
      c.declaredPeople,
      c.answeredAt ? formatDateTime(c.answeredAt) : "",
      c.fileName ?? "",
      CHECK_RESULT_LABELS[c.result] ?? c.result,
      c.correctedPeople ?? "",
      c.resultNote,
    ]),
  ];
  return csvResponse(spreadsheetCsv(rows), `verification-${departementCode}-${sample.year}.csv`);
}
