// What a person types to search the SIRENE register (decision 028): a SIRET, a SIREN or a name.
// Checked here before any call, so a mistyped number gets a French message and costs no request.

import { isValidSiret, luhnValid, normaliseSiret } from "./siret";

/** Longer searches are refused (the register's own limit is far above any company name). */
export const SIRENE_QUERY_MAX = 80;

export type SireneQuery =
  { ok: true; kind: "siret" | "siren" | "name"; query: string } | { ok: false; message: string };

export function parseSireneQuery(input: string): SireneQuery {
  if (input.length > 4 * SIRENE_QUERY_MAX) {
    return {
      ok: false,
      message: `La recherche doit compter ${SIRENE_QUERY_MAX} caractères au plus.`,
    };
  }
  const text = input.replace(/\s+/g, " ").trim();
  const digits = normaliseSiret(text);
  if (/^\d+$/.test(digits)) {
    if (digits.length === 14) {
      return isValidSiret(digits)
        ? { ok: true, kind: "siret", query: digits }
        : { ok: false, message: "Ce numéro SIRET n'est pas valide : vérifiez les 14 chiffres." };
    }
    if (digits.length === 9) {
      return luhnValid(digits)
        ? { ok: true, kind: "siren", query: digits }
        : { ok: false, message: "Ce numéro SIREN n'est pas valide : vérifiez les 9 chiffres." };
    }
    return {
      ok: false,
      message: "Un numéro doit compter 14 chiffres (SIRET) ou 9 chiffres (SIREN).",
    };
  }
  if (text.length < 3) {
    return { ok: false, message: "Tapez au moins 3 caractères du nom, ou le SIRET, ou le SIREN." };
  }
  if (text.length > SIRENE_QUERY_MAX) {
    return {
      ok: false,
      message: `La recherche doit compter ${SIRENE_QUERY_MAX} caractères au plus.`,
    };
  }
  return { ok: true, kind: "name", query: text.toLowerCase() };
}
