// The personal-data detector (decision 019) on French texts as members write them: what it must
// find, and — as much — what it must leave alone (years, SIRET, amounts, hours, dates of events).
import { describe, expect, test } from "vitest";
import {
  findPersonalData,
  isNameWarning,
  personalDataError,
  type PersonalDataKind,
} from "~/utils/personal-data";

const NOW = new Date("2026-12-02T10:00:00Z");
const kinds = (text: string) => findPersonalData(text, NOW).map((f) => f.kind);
const found = (text: string) => findPersonalData(text, NOW).map((f) => [f.kind, f.text]);

describe("phone numbers", () => {
  test.each([
    "Joignable au 06 12 34 56 78.",
    "tél. 06.12.34.56.78",
    "Tél : 06-12-34-56-78",
    "0612345678",
    "appeler le 01 23 45 67 89 le matin",
    "+33 6 12 34 56 78",
    "+33612345678",
    "+33 (0)6 12 34 56 78",
    "0033 6 12 34 56 78",
    "portable\u00a006\u00a012\u00a034\u00a056\u00a078",
    "(09 70 12 34 56)",
  ])("« %s » holds a phone number", (text) => {
    expect(kinds(text)).toEqual(["phone"]);
  });

  test.each([
    "Nous avons recruté 12 personnes en 2026.",
    "SIRET 732 829 320 00074",
    "SIRET 73282932000074",
    "Un achat de 10 000 € auprès d'une entreprise adaptée, 2 500,50 € en mars.",
    "Réunion le 06.12.2025 de 09:30 à 12:00, puis 14 h 30.",
    "Le 06/12/2025 à 10 h",
    "Code postal 62000, commune 62041",
    "RIB FR76 3000 6000 0112 3456 7890 189",
    "6 12 34 56 78",
    "Référence 06123456789 de la commande",
    "1 500 heures de bénévolat, 35 h par semaine",
  ])("« %s » holds none", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("birth dates", () => {
  test.each([
    ["Jeune né le 12/03/2004 embauché en CDI", "né le 12/03/2004"],
    ["une salariée née le 3 mars 1987", "née le 3 mars 1987"],
    ["né(e) le 01.02.1999", "né(e) le 01.02.1999"],
    ["Date de naissance : 12/03/1987", "naissance : 12/03/1987"],
    ["DDN 05-11-1970", "DDN 05-11-1970"],
    ["Née le 1er janvier 1965 à Lens", "Née le 1er janvier 1965"],
    ["12/03/1987 (date de naissance)", "12/03/1987"],
    ["NÉ LE 4/7/89", "NÉ LE 4/7/89"],
  ])("« %s » holds a birth date", (text, match) => {
    expect(found(text)).toEqual([["birthDate", match]]);
  });

  test("each date is tied to its own birth word, the nearest one", () => {
    expect(found("né le 01/01/1990, née le 02/02/1991")).toEqual([
      ["birthDate", "né le 01/01/1990"],
      ["birthDate", "née le 02/02/1991"],
    ]);
  });

  test.each([
    "Forum emploi le 12/03/2026 à Arras.",
    "Contrat signé le 12 mars 1987 ? Non : le 12 mars 2026.",
    "Le projet est né le 12 mars 2024 lors d'une réunion du club.",
    "Les données le 12/03/2026 étaient incomplètes.",
    "L'année 2026, de janvier à mars.",
    "Une personne née en 1987 (aucune date).",
    "Nés de la rencontre du 14/02/2025, trois partenariats.",
  ])("« %s » holds none", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("social security numbers (NIR, key checked)", () => {
  test.each([
    "NIR 1 87 03 75 123 456 40",
    "n° sécu : 187037512345640",
    "2 91 11 2A 012 034 45",
    "sécurité sociale 2.91.11.2B.012.034.72",
  ])("« %s » holds one", (text) => {
    expect(kinds(text)).toEqual(["nir"]);
  });

  test.each([
    "1 87 03 75 123 456 41", // wrong key
    "187037512345641",
    "187137512345640", // month 13
    "SIRET 55210055400013",
    "Commande 123456789012345",
  ])("« %s » holds none", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe("e-mail addresses", () => {
  test("a prénom.nom address is refused, a role address is fine", () => {
    expect(findPersonalData("Écrire à jean.dupont@exemple.fr", NOW)).toEqual([
      { kind: "email", text: "jean.dupont@exemple.fr", index: 9, confirmable: false },
    ]);
    expect(kinds("écrire à j.dupont@gmail.com")).toEqual(["email"]);
    for (const address of [
      "contact@transports-delattre.fr",
      "rh@exemple.fr",
      "recrutement.lille@exemple.fr",
      "club62@cci.fr",
      "no-reply@engages.fr",
      "accueil-emploi@mairie-arras.fr",
    ])
      expect(kinds(`Candidatures : ${address}.`)).toEqual([]);
  });

  test("another address may be a company's: the author may confirm it", () => {
    const [finding] = findPersonalData("écrire à jdupont@exemple.fr", NOW);
    expect(finding).toMatchObject({ kind: "email", confirmable: true });
    expect(findPersonalData("transports-delattre@gmail.com", NOW)[0].confirmable).toBe(true);
  });
});

describe("names of people (a guess the author may confirm)", () => {
  test.each([
    ["Merci à Mme Martin pour l'accueil", "Mme Martin"],
    ["M. Dupont a été recruté", "M. Dupont"],
    ["Madame LEFEBVRE, en CDI", "Madame LEFEBVRE"],
    ["Monsieur Jean-Pierre a signé", "Monsieur Jean-Pierre"],
    ["avec M. J. Durand", "M. J. Durand"],
    ["Mlle Petit en alternance", "Mlle Petit"],
    ["Nous avons embauché Jean Dupont en CDI", "embauché Jean Dupont"],
    ["Accueillie Léa Martin en stage", "Accueillie Léa Martin"],
    ["Nom : Dupont", "Nom : Dupont"],
    ["Prénom : Léa", "Prénom : Léa"],
  ])("« %s » names someone", (text, match) => {
    const findings = findPersonalData(text, NOW);
    expect(findings.map((f) => [f.kind, f.text, f.confirmable])).toEqual([["name", match, true]]);
  });

  test.each([
    "Monsieur le Préfet a ouvert la réunion.",
    "Madame la Sous-Préfète, Monsieur le Maire",
    "Madame, Monsieur,",
    "M. le Directeur de France Travail",
    "Nous avons accompagné France Travail sur un forum.",
    "Formé chez Transports Delattre",
    "recruté en CDI, embauchés en 2026",
    "Le nom de la structure : une entreprise adaptée.",
    "Chez A.M. Transports, 3 recrutements.",
    "Mission Locale de Lens, Pôle Emploi, CCI Artois",
  ])("« %s » names no one", (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

test("a text without personal data passes, whatever its length and Markdown", () => {
  const practice = `## Un parcours d'intégration

Depuis le 1er janvier 2026, **12 jeunes** de QPV ont été accueillis en immersion (PMSMP),
dont 4 embauchés en CDI. Budget : 3 000 €, 35 heures de tutorat ; SIRET 732 829 320 00074.
Contact : [rh@transports-delattre.fr](mailto:rh@transports-delattre.fr), réunion le 15/01/2027
à 9 h 30.`;
  expect(findPersonalData(practice, NOW)).toEqual([]);
  expect(personalDataError(practice, { now: NOW })).toBeNull();
});

describe("the French error", () => {
  test("names what is refused and the rule, and cannot be confirmed", () => {
    const message = personalDataError("Léa, 06 12 34 56 78, née le 12/03/2004", { now: NOW })!;
    expect(message).toBe(
      "Ce texte semble contenir un numéro de téléphone et une date de naissance (« 06 12 34 56 78 », « née le 12/03/2004 ») : retirez-les pour enregistrer. Engagés ne conserve aucune donnée personnelle sur les personnes recrutées.",
    );
    expect(isNameWarning(message)).toBe(false);
    expect(personalDataError("06 12 34 56 78", { confirmed: true, now: NOW })).toMatch(
      /^Ce texte semble contenir un numéro de téléphone \(« 06 12 34 56 78 »\) : retirez-le/,
    );
  });

  test("a guessed name warns, and passes once confirmed", () => {
    const message = personalDataError("Merci à Mme Martin", { now: NOW });
    expect(message).toBe(
      "Ce texte semble nommer une personne (« Mme Martin »). Engagés ne conserve aucune donnée personnelle sur les personnes recrutées : retirez les noms, sauf s'il s'agit d'un contact professionnel ou d'un lieu.",
    );
    expect(isNameWarning(message)).toBe(true);
    expect(personalDataError("Merci à Mme Martin", { confirmed: true, now: NOW })).toBeNull();
  });

  test("a name next to a phone number is refused for the number", () => {
    const message = personalDataError("Mme Martin : 06 12 34 56 78", { confirmed: true, now: NOW });
    expect(message).toMatch(/^Ce texte semble contenir un numéro de téléphone/);
  });

  test("kinds are reported once each, in reading order", () => {
    const all: PersonalDataKind[] = kinds(
      "M. Dupont, 06 12 34 56 78, jean.dupont@exemple.fr, NIR 1 87 03 75 123 456 40, né le 12/03/1987",
    );
    expect(all).toEqual(["name", "phone", "email", "nir", "birthDate"]);
  });
});
