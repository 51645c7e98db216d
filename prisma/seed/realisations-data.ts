// What a demo realisation is drawn from: the communes where people live, notes, quantities,
// contract types and the actions declared outside any template.

import type { Random } from "../factories";

// prettier-ignore
export const HOME_COMMUNES: Record<string, string[]> = {
  "62": ["62041", "62498", "62119", "62193", "62160", "62765", "62510", "62427", "62178", "62065", "62413", "62215", "62643", "62318"],
  "59": ["59350", "59512", "59599", "59009", "59017", "59360", "59328"],
};

export const NOTES: Record<string, string[]> = {
  HIRE: [
    "Embauche après une immersion de deux semaines concluante.",
    "Candidature orientée par France Travail, intégration avec un tuteur.",
    "Recrutement sans CV, sur mise en situation.",
    "Poste adapté avec l'appui de Cap emploi.",
  ],
  WORK_STUDY: [
    "Contrat d'apprentissage signé pour la rentrée.",
    "Alternance en BTS, orientée par la mission locale.",
  ],
  INTERNSHIP: [
    "Stage d'observation de 3e.",
    "Période de formation en milieu professionnel (bac pro).",
  ],
  IMMERSION: [
    "PMSMP de deux semaines, prescrite par France Travail.",
    "Immersion en lien avec le SPIP.",
  ],
  MENTORING: ["Binôme constitué pour six mois.", "Parrainage avec rencontre mensuelle."],
  JOB_DATING: ["Job dating organisé avec France Travail.", "Forum de l'emploi du quartier."],
  TRAINING: [
    "Préparation opérationnelle à l'emploi (POEI).",
    "Formation interne de trois semaines.",
  ],
  INCLUSIVE_PURCHASE: [
    "Commande de prestations de nettoyage à une entreprise d'insertion.",
    "Blanchisserie confiée à un ESAT.",
    "Achat de fournitures auprès d'une entreprise adaptée.",
  ],
  VOLUNTEERING: ["Atelier CV et simulations d'entretien.", "Journée de bénévolat de compétences."],
  WORKFORCE_LOAN: [
    "Mise à disposition par une association intermédiaire.",
    "Salarié d'une ETTI en renfort.",
  ],
  OTHER: ["Horaires aménagés pour une reprise d'emploi."],
};

function peopleQuantity(random: Random) {
  return random.weighted([
    [1, 45],
    [2, 25],
    [3, 15],
    [4, 8],
    [5, 7],
  ] as const);
}

export function quantityFor(random: Random, action: string): number {
  if (action === "INCLUSIVE_PURCHASE") return random.int(10, 240) * 50;
  if (action === "VOLUNTEERING") return random.int(2, 20) * 2;
  return peopleQuantity(random);
}

export function contractFor(random: Random, action: string, publicCode: string): string | null {
  if (action === "WORK_STUDY") return "ALTERNANCE";
  if (action !== "HIRE") return null;
  if (publicCode === "IAE" && random.chance(0.6)) return "IAE";
  return random.weighted([
    ["CDI", 34],
    ["CDD_LONG", 22],
    ["CDD_SHORT", 12],
    ["INTERIM", 12],
    ["IAE", 12],
    ["OTHER", 3],
  ] as const);
}

export const RANDOM_ACTIONS = [
  ["HIRE", 30],
  ["WORK_STUDY", 12],
  ["INTERNSHIP", 12],
  ["IMMERSION", 14],
  ["MENTORING", 8],
  ["JOB_DATING", 5],
  ["TRAINING", 8],
  ["INCLUSIVE_PURCHASE", 4],
  ["VOLUNTEERING", 4],
  ["WORKFORCE_LOAN", 3],
] as const;
