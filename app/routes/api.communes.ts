import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchCommunes } from "~/models/communes.server";
import { getUserId } from "~/utils/auth.server";

// GET /api/communes?q=len&departement=62 — up to 20 communes whose name starts with q (case and
// accents ignored) or whose postcode starts with q: [{ code, name, postcodes, departementCode }].
// Signed-in users only (it feeds the commune fields of the forms). `prefere=62` lists the
// communes of that département first without leaving out the others.

const DEPARTEMENT_CODE = /^(\d{2,3}|2[AB])$/;

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getUserId(request))) {
    return Response.json({ error: "Connectez-vous pour chercher une commune." }, { status: 401 });
  }
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").trim();
  const departement = params.get("departement")?.trim().toUpperCase() || null;
  const preferred = params.get("prefere")?.trim().toUpperCase() || null;
  for (const code of [departement, preferred]) {
    if (code !== null && !DEPARTEMENT_CODE.test(code)) {
      return Response.json(
        {
          error: `Département inconnu : « ${code.slice(0, 10)} ». Utilisez un code comme 62 ou 2A.`,
        },
        { status: 400 },
      );
    }
  }
  if (query.length > 60) {
    return Response.json(
      { error: "La recherche doit compter 60 caractères au plus." },
      { status: 400 },
    );
  }
  const communes =
    query.length < 2
      ? []
      : await searchCommunes({
          query,
          departementCode: departement,
          preferredDepartement: preferred,
          limit: 20,
        });
  return Response.json(communes, { headers: { "Cache-Control": "private, max-age=300" } });
}
