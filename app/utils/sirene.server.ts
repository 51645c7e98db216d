// The SIRENE register through the public "API Recherche d'entreprises" (no key; decision 028):
// one GET /search, bounded by SIRENE_TIMEOUT_MS, its JSON reduced to the establishments a form
// needs. Any failure (timeout, 429, 5xx, unreadable answer, network) is a SireneUnavailable: the
// caller falls back to manual entry, never blocks a form.

import { z } from "zod";
import { HEADCOUNT_BRACKETS } from "./domain";
import { env } from "./env.server";
import { isValidSiret } from "./siret";

export type SireneEstablishment = {
  siret: string;
  siren: string;
  legalName: string;
  nafCode: string | null;
  headcountBracket: string | null;
  communeCode: string | null;
  postcode: string | null;
  communeName: string | null;
  headOffice: boolean;
  closed: boolean;
};

export type SireneFailure = "timeout" | "rate-limited" | "error" | "unreachable" | "off";

export class SireneUnavailable extends Error {
  constructor(readonly reason: SireneFailure) {
    super(`Répertoire SIRENE indisponible (${reason})`);
  }
}

/** At most this many establishments are proposed for one search. */
export const SIRENE_MAX_CHOICES = 10;

const text = z.string().nullish().catch(null);
const establishment = z.object({
  siret: z.string(),
  activite_principale: text,
  tranche_effectif_salarie: text,
  commune: text,
  code_postal: text,
  libelle_commune: text,
  etat_administratif: text,
  est_siege: z.boolean().nullish().catch(null),
});
const answer = z.object({
  results: z.array(
    z.object({
      siren: z.string(),
      nom_complet: text,
      nom_raison_sociale: text,
      activite_principale: text,
      tranche_effectif_salarie: text,
      etat_administratif: text,
      siege: establishment.nullish().catch(null),
      matching_etablissements: z.array(establishment).nullish().catch(null),
    }),
  ),
});

const BRACKETS = new Set<string>(HEADCOUNT_BRACKETS.map((b) => b.code));
const nafOf = (code: string | null | undefined) =>
  code && /^\d{2}\.\d{2}[A-Z]$/.test(code) ? code : null;

/** The register's JSON as the establishments a form may be prefilled with (others dropped). */
export function readSireneAnswer(json: unknown): SireneEstablishment[] {
  const parsed = answer.safeParse(json);
  if (!parsed.success) throw new SireneUnavailable("error");
  const found: SireneEstablishment[] = [];
  for (const unit of parsed.data.results) {
    const legalName = (unit.nom_raison_sociale || unit.nom_complet || "").trim();
    const sites = unit.matching_etablissements?.length
      ? unit.matching_etablissements
      : unit.siege
        ? [unit.siege]
        : [];
    for (const site of sites) {
      if (!isValidSiret(site.siret) || !site.siret.startsWith(unit.siren) || !legalName) continue;
      const bracket = site.tranche_effectif_salarie ?? unit.tranche_effectif_salarie;
      found.push({
        siret: site.siret,
        siren: unit.siren,
        legalName: legalName.slice(0, 120),
        nafCode: nafOf(site.activite_principale) ?? nafOf(unit.activite_principale),
        headcountBracket: bracket && BRACKETS.has(bracket) ? bracket : null,
        communeCode:
          site.commune && /^(\d{5}|2[AB]\d{3})$/.test(site.commune) ? site.commune : null,
        postcode: site.code_postal ?? null,
        communeName: site.libelle_commune ?? null,
        headOffice: site.est_siege ?? site.siret === unit.siege?.siret,
        // "F" (fermé) for an establishment, "C" (cessée) for the legal unit.
        closed: site.etat_administratif === "F" || unit.etat_administratif === "C",
      });
      if (found.length === SIRENE_MAX_CHOICES) return found;
    }
  }
  return found;
}

/** Asks the register; the query is already checked (sirene-query.ts). */
export async function searchSirene(query: string): Promise<SireneEstablishment[]> {
  if (env.SIRENE_API_URL === "off") throw new SireneUnavailable("off");
  const url = new URL("/search", env.SIRENE_API_URL);
  url.search = new URLSearchParams({ q: query, page: "1", per_page: "10" }).toString();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(env.SIRENE_TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as Error).name;
    throw new SireneUnavailable(
      name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable",
    );
  }
  // A 400 is the register refusing this query (its {"erreur": …}): nothing to propose.
  if (response.status === 400) return [];
  if (response.status === 429) throw new SireneUnavailable("rate-limited");
  if (!response.ok) throw new SireneUnavailable("error");
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    const name = (error as Error).name;
    throw new SireneUnavailable(name === "TimeoutError" ? "timeout" : "error");
  }
  return readSireneAnswer(json);
}
