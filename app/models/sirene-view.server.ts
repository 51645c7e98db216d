// A company form's SIRENE search, ready for the page (decision 028): the search typed (`?sirene=`),
// the establishments proposed, each with its facts in words and the link that chooses it
// (`&choix=SIRET`), the French note when the register is down, and the establishment chosen with
// the date of the data. All words are made here, so the page ships no labels (decision 017).

import { HEADCOUNT_BRACKETS, labelOf } from "~/utils/domain";
import { zoned } from "~/utils/format";
import { formatSiret } from "~/utils/siret";
import type { SireneEstablishment } from "~/utils/sirene.server";
import { prisma } from "~/utils/db.server";
import { toCommuneOption, type CommuneOption } from "./communes.server";
import { lookUpSirene, type SireneLookup } from "./sirene-lookup.server";

const shortDate = /* @__PURE__ */ zoned({ day: "2-digit", month: "2-digit", year: "numeric" });

export type SireneChoiceView = {
  siret: string;
  name: string;
  facts: string;
  closed: boolean;
  href: string;
};

export type SireneSearchView = {
  query: string;
  /** A refused search (red) or the register being unavailable (a note): manual entry goes on. */
  error: string | null;
  note: string | null;
  choices: SireneChoiceView[] | null;
  /** « Données SIRENE du 01/12/2026 » once an establishment is chosen. */
  source: string | null;
};

function factsOf(e: SireneEstablishment) {
  return [
    `SIRET ${formatSiret(e.siret)}`,
    e.nafCode ? `NAF ${e.nafCode}` : "NAF non renseigné",
    e.headcountBracket ? labelOf(HEADCOUNT_BRACKETS, e.headcountBracket) : "effectif non renseigné",
    e.communeName ? `${e.communeName}${e.postcode ? ` (${e.postcode})` : ""}` : "commune inconnue",
    e.headOffice ? "siège" : "établissement secondaire",
  ].join(" · ");
}

/**
 * Reads `sirene` (the search) and `choix` (a SIRET among the answers) from the page's URL; null
 * when no search was asked for. `path` is the page's path, `anchor` the form's id.
 */
export async function sireneSearchFor(url: URL, who: string, anchor: string) {
  const typed = url.searchParams.get("sirene");
  if (typed === null) return { view: null, chosen: null };
  const lookup: SireneLookup = await lookUpSirene(typed, who);
  const wanted = (url.searchParams.get("choix") ?? "").replace(/\D/g, "").slice(0, 14);
  const establishments = lookup.status === "invalid" ? [] : lookup.establishments;
  const chosen = (wanted && establishments.find((e) => e.siret === wanted)) || null;
  const fetchedAt = lookup.status === "invalid" ? null : lookup.fetchedAt;
  const linkTo = (siret: string) =>
    `${url.pathname}?${new URLSearchParams({ sirene: lookup.query, choix: siret })}#${anchor}`;
  const view: SireneSearchView = {
    query: lookup.status === "invalid" ? typed.slice(0, 80) : lookup.query,
    error: lookup.status === "invalid" ? lookup.message : null,
    note:
      lookup.status === "unavailable"
        ? `${lookup.message}${fetchedAt && establishments.length ? ` Voici les dernières données connues, du ${shortDate(fetchedAt)}.` : ""}`
        : null,
    choices:
      lookup.status === "invalid" || (lookup.status === "unavailable" && !establishments.length)
        ? null
        : establishments.map((e) => ({
            siret: e.siret,
            name: e.legalName,
            facts: factsOf(e),
            closed: e.closed,
            href: linkTo(e.siret),
          })),
    source: chosen && fetchedAt ? `Données SIRENE du ${shortDate(fetchedAt)}` : null,
  };
  return { view, chosen };
}

/** The prospect form's values from the establishment chosen (club.$clubId.membres). */
export function prospectSirene({ view, chosen }: Awaited<ReturnType<typeof sireneSearchFor>>) {
  return {
    sirene: view,
    prefill: chosen
      ? {
          siret: chosen.siret,
          name: chosen.legalName,
          communeCode: chosen.communeCode ?? "",
          nafCode: chosen.nafCode ?? "",
          headcountBracket: chosen.headcountBracket ?? "",
        }
      : null,
  };
}

/**
 * The profile form's company with the chosen establishment's values put in (entreprise.profil):
 * name, NAF, headcount, commune; the SIRET stays the company's own (it is locked there).
 */
export async function profileWithSirene<
  C extends {
    name: string;
    nafCode: string | null;
    headcountBracket: string | null;
    commune: CommuneOption | null;
  },
>(company: C, chosen: SireneEstablishment | null): Promise<C> {
  if (!chosen) return company;
  const commune = chosen.communeCode
    ? await prisma.commune.findUnique({
        where: { code: chosen.communeCode },
        select: { code: true, name: true, postcodes: true, departementCode: true },
      })
    : null;
  return {
    ...company,
    name: chosen.legalName,
    nafCode: chosen.nafCode ?? company.nafCode,
    headcountBracket: chosen.headcountBracket ?? company.headcountBracket,
    commune: commune ? toCommuneOption(commune) : company.commune,
  };
}
