// A search of the SIRENE register for a form (decision 028): the cached answer while fresh, else
// one call; when the register is slow, unreachable or rate-limited, the last answer known (if
// any) and a French note, and the query is left pending for the refresh job. Never throws for
// the register's sake: the form always stays usable by hand.

import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isThrottled, recordHit } from "~/utils/rate-limit.server";
import { parseSireneQuery } from "~/utils/sirene-query";
import { searchSirene, SireneUnavailable, type SireneEstablishment } from "~/utils/sirene.server";

/** A register answer is reused this long (the register itself is updated daily). */
export const SIRENE_CACHE_MS = 7 * 24 * 3600_000;

export const SIRENE_DOWN_NOTE =
  "Le répertoire SIRENE ne répond pas pour le moment : saisissez les informations à la main, elles restent modifiables. La recherche sera refaite plus tard.";
const OFF_NOTE =
  "La recherche dans le répertoire SIRENE n'est pas activée sur ce site : saisissez les informations à la main.";
const THROTTLED_NOTE =
  "Vous avez fait beaucoup de recherches dans le répertoire SIRENE : patientez quelques minutes, ou saisissez les informations à la main.";

export type SireneLookup =
  | { status: "invalid"; query: string; message: string }
  | { status: "found"; query: string; establishments: SireneEstablishment[]; fetchedAt: Date }
  | {
      status: "unavailable";
      query: string;
      message: string;
      /** The last answer known, if any, shown with its date. */
      establishments: SireneEstablishment[];
      fetchedAt: Date | null;
    };

function parseResults(json: string | null): SireneEstablishment[] {
  return json ? (JSON.parse(json) as SireneEstablishment[]) : [];
}

/** Calls the register for a checked query and stores the answer (or marks the query pending). */
export async function fetchAndStore(query: string, now = new Date()) {
  try {
    const establishments = await searchSirene(query);
    const row = {
      results: JSON.stringify(establishments),
      fetchedAt: now,
      expiresAt: new Date(now.getTime() + SIRENE_CACHE_MS),
      pendingSince: null,
    };
    await prisma.sireneLookup.upsert({ where: { query }, create: { query, ...row }, update: row });
    return { ok: true as const, establishments, fetchedAt: now };
  } catch (error) {
    if (!(error instanceof SireneUnavailable)) throw error;
    // Kept for a later try; an answer known before stays (and its expiry), pendingSince is new.
    await prisma.sireneLookup.upsert({
      where: { query },
      create: { query, expiresAt: now, pendingSince: now },
      update: { pendingSince: now },
    });
    return { ok: false as const, reason: error.reason };
  }
}

/** `who` is the person searching: each one's calls to the register are throttled. */
export async function lookUpSirene(
  input: string,
  who: string,
  now = new Date(),
): Promise<SireneLookup> {
  const parsed = parseSireneQuery(input);
  if (!parsed.ok) return { status: "invalid", query: input.slice(0, 80), message: parsed.message };
  const { query } = parsed;
  if (env.SIRENE_API_URL === "off") {
    return { status: "unavailable", query, message: OFF_NOTE, establishments: [], fetchedAt: null };
  }
  const cached = await prisma.sireneLookup.findUnique({ where: { query } });
  if (cached?.fetchedAt && cached.expiresAt > now) {
    return {
      status: "found",
      query,
      establishments: parseResults(cached.results),
      fetchedAt: cached.fetchedAt,
    };
  }
  const stale = {
    establishments: parseResults(cached?.results ?? null),
    fetchedAt: cached?.fetchedAt ?? null,
  };
  if (await isThrottled("sireneLookup", who, now)) {
    return { status: "unavailable", query, message: THROTTLED_NOTE, ...stale };
  }
  await recordHit("sireneLookup", who, now);
  const fetched = await fetchAndStore(query, now);
  if (fetched.ok) {
    return { status: "found", query, establishments: fetched.establishments, fetchedAt: now };
  }
  return { status: "unavailable", query, message: SIRENE_DOWN_NOTE, ...stale };
}

/** The establishment a person chose among a search's answers (from the cache, or searched again). */
export async function sireneChoice(input: string, siret: string, who: string, now = new Date()) {
  const lookup = await lookUpSirene(input, who, now);
  if (lookup.status === "invalid") return { lookup, chosen: null };
  const chosen = lookup.establishments.find((e) => e.siret === siret) ?? null;
  return { lookup, chosen, fetchedAt: lookup.fetchedAt };
}
