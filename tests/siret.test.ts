import { describe, expect, test } from "vitest";
import {
  isValidSiret,
  luhnValid,
  normaliseSiret,
  sirenOf,
  withLuhnCheckDigit,
} from "~/utils/siret";

describe("isValidSiret", () => {
  test.each([
    ["73282932000074", "Apple France, siège"],
    ["55210055400013", "SIRET d'exemple courant, clé de Luhn juste"],
    ["13002526500013", "Direction interministérielle du numérique"],
  ])("accepte le SIRET public %s (%s)", (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  test("refuse un SIRET dont la clé est fausse", () => {
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("55210055400014")).toBe(false);
  });

  test("accepte les espaces, points et espaces insécables de saisie", () => {
    expect(isValidSiret("732 829 320 00074")).toBe(true);
    expect(isValidSiret(" 732829320 00074 ")).toBe(true);
    expect(isValidSiret("732\u00a0829\u00a0320\u00a000074")).toBe(true);
    expect(normaliseSiret("732 829 320 00074")).toBe("73282932000074");
  });

  test("refuse les lettres, et toute autre longueur que 14 chiffres", () => {
    expect(isValidSiret("7328293200007A")).toBe(false);
    expect(isValidSiret("A3282932000074")).toBe(false);
    expect(isValidSiret("732829320")).toBe(false); // un SIREN n'est pas un SIRET
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("732829320000740")).toBe(false);
    expect(isValidSiret("")).toBe(false);
  });

  test("La Poste : ses établissements ont une somme de chiffres multiple de 5 (pas de clé de Luhn)", () => {
    expect(isValidSiret("35600000000001")).toBe(true); // somme 15, Luhn faux
    expect(isValidSiret("35600000000014")).toBe(false); // somme 19
    expect(isValidSiret("35600000000049")).toBe(false);
  });

  test("La Poste : son siège 356 000 000 00048 garde la clé de Luhn et reste valide", () => {
    expect(isValidSiret("35600000000048")).toBe(true); // somme 26, Luhn juste
  });
});

describe("outils", () => {
  test("sirenOf rend les 9 premiers chiffres", () => {
    expect(sirenOf("732 829 320 00074")).toBe("732829320");
  });

  test("withLuhnCheckDigit complète un préfixe de 13 chiffres en SIRET valide", () => {
    expect(withLuhnCheckDigit("7328293200007")).toBe("73282932000074");
    const siret = withLuhnCheckDigit("1234567890123");
    expect(siret).toHaveLength(14);
    expect(luhnValid(siret)).toBe(true);
    expect(isValidSiret(siret)).toBe(true);
  });
});
