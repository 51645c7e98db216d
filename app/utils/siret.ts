// SIRET: 14 digits whose Luhn checksum is valid. La Poste (SIREN 356000000) is the known
// exception: its head office keeps the Luhn rule, its establishments have digit sums divisible by 5.

const LA_POSTE_SIREN = "356000000";
const LA_POSTE_HEAD_OFFICE = "35600000000048";

export function normaliseSiret(input: string): string {
  return input.replace(/[\s.\u00a0-]/g, "");
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiret(input: string): boolean {
  const siret = normaliseSiret(input);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...siret].reduce((s, d) => s + Number(d), 0);
    return siret === LA_POSTE_HEAD_OFFICE || digitSum % 5 === 0;
  }
  return luhnValid(siret);
}

export function sirenOf(siret: string): string {
  return normaliseSiret(siret).slice(0, 9);
}

/** Completes a 13-digit prefix with the Luhn check digit (used by factories). */
export function withLuhnCheckDigit(prefix13: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = prefix13 + d;
    if (luhnValid(candidate)) return candidate;
  }
  throw new Error("unreachable");
}

/** Why a company cannot change its own SIRET (decision 013): shown on the profile, and as the
 * refusal when one is posted anyway. */
export const SIRET_LOCKED =
  "Le SIRET identifie votre entreprise auprès des clubs : il ne peut pas être modifié ici. S'il est erroné, écrivez à l'administration nationale d'Engagés, qui le corrigera après vérification.";

/** "30819131179324" → "308 191 311 79324". */
export function formatSiret(siret: string) {
  return siret.length === 14
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}
