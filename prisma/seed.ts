// Loads the reference data, then the demo data when the database has no user at all
// (and DEMO_DATA is not "false"). Run with `npx tsx prisma/seed.ts`; the database is the one
// of app/utils/db.server.ts (DATABASE_URL, or the embedded file under data/).
//
// The demo data is fictional: companies, people and figures are made up, and deterministic
// (seeded generator, dates relative to today). Counts only: no names of hired people.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "~/utils/password.server";
import {
  addComment,
  addKudos,
  addMembership,
  insertClub,
  insertCommitment,
  insertCompany,
  insertDirectoryCard,
  insertMeeting,
  insertPasserellePost,
  insertPractice,
  createRandom,
  insertRealisation,
  insertUser,
  grantRole,
  randomSiren,
  type DbClient,
  type MeetingInvitationInput,
  type PracticeTagInput,
  type Random,
} from "./factories";

export const DEMO_PASSWORD = "demo-engages-2026";
const DEMO_SEED = 62_2026;
const DAY = 24 * 3600 * 1000;

// ---------------------------------------------------------------- catalogue of demo commitments

type Template = {
  theme: string;
  action: string;
  publics: string[];
  ambition: string;
  /** Range of the numeric target (in the action type's unit); none when absent. */
  target?: [number, number];
  otherPublicLabel?: string;
};

const TEMPLATES = {
  HIRE_DELD: {
    theme: "INCLUSION",
    action: "HIRE",
    publics: ["DELD", "RSA"],
    ambition:
      "Recruter en CDI des demandeurs d'emploi de longue durée sur nos métiers en tension, avec un tuteur dédié pendant les six premiers mois.",
    target: [3, 8],
  },
  ALT_YOUTH: {
    theme: "YOUTH",
    action: "WORK_STUDY",
    publics: ["YOUTH", "NEET"],
    ambition:
      "Accueillir des alternants orientés par la mission locale et leur proposer un poste à l'issue de leur contrat.",
    target: [2, 5],
  },
  STAGE3E: {
    theme: "YOUTH",
    action: "INTERNSHIP",
    publics: ["YOUTH", "QPV"],
    ambition:
      "Ouvrir nos portes aux élèves de 3e et de seconde des collèges et lycées du secteur pour leur stage d'observation.",
    target: [4, 10],
  },
  HANDI_HIRE: {
    theme: "DISABILITY",
    action: "HIRE",
    publics: ["DISABILITY"],
    ambition:
      "Dépasser 6 % de travailleurs handicapés en recrutant et en adaptant les postes avec Cap emploi.",
    target: [1, 4],
  },
  HANDI_ESAT: {
    theme: "DISABILITY",
    action: "INCLUSIVE_PURCHASE",
    publics: ["DISABILITY"],
    ambition: "Confier l'entretien des espaces verts et la blanchisserie à un ESAT du territoire.",
    target: [6_000, 25_000],
  },
  PURCHASE_SIAE: {
    theme: "INCLUSIVE_PURCHASING",
    action: "INCLUSIVE_PURCHASE",
    publics: ["IAE", "DISABILITY"],
    ambition:
      "Doubler nos achats auprès des structures d'insertion et des entreprises adaptées : fournitures, traiteur, nettoyage.",
    target: [10_000, 50_000],
  },
  SENIOR_HIRE: {
    theme: "SENIORS",
    action: "HIRE",
    publics: ["SENIOR", "DELD"],
    ambition:
      "Ouvrir nos recrutements aux candidats de plus de 50 ans, sans limite d'âge dans nos annonces.",
    target: [2, 5],
  },
  SENIOR_MENTOR: {
    theme: "SENIORS",
    action: "MENTORING",
    publics: ["YOUTH", "NEET"],
    ambition:
      "Faire transmettre leur savoir-faire par nos salariés seniors, en binôme avec les jeunes qui nous rejoignent.",
    target: [3, 8],
  },
  QPV_JOBDATING: {
    theme: "QPV",
    action: "JOB_DATING",
    publics: ["QPV", "YOUTH", "DELD"],
    ambition:
      "Organiser deux job datings par an dans les quartiers prioritaires avec France Travail et la mission locale.",
    target: [10, 30],
  },
  QPV_MENTOR: {
    theme: "QPV",
    action: "MENTORING",
    publics: ["QPV", "YOUTH"],
    ambition:
      "Parrainer des jeunes des quartiers prioritaires dans leur recherche d'emploi : un salarié, un filleul, une rencontre par mois.",
    target: [3, 10],
  },
  REFUGEE_TRAINING: {
    theme: "REFUGEES",
    action: "TRAINING",
    publics: ["REFUGEE"],
    ambition:
      "Former au français professionnel et à nos métiers des personnes réfugiées, avant de leur proposer un contrat.",
    target: [2, 6],
  },
  JUSTICE_IMMERSION: {
    theme: "JUSTICE",
    action: "IMMERSION",
    publics: ["JUSTICE"],
    ambition:
      "Proposer des immersions à des personnes sous main de justice, en lien avec le SPIP, pour préparer leur sortie.",
    target: [1, 3],
  },
  LP_PFMP: {
    theme: "VOCATIONAL_SCHOOLS",
    action: "INTERNSHIP",
    publics: ["YOUTH", "NEET"],
    ambition:
      "Accueillir les élèves de bac pro du lycée professionnel voisin pour leurs périodes de formation en milieu professionnel.",
    target: [3, 8],
  },
  VOLUNTEER_CV: {
    theme: "PATRONAGE",
    action: "VOLUNTEERING",
    publics: ["DELD", "RSA", "QPV"],
    ambition:
      "Offrir du bénévolat de compétences : ateliers CV et simulations d'entretien animés par nos salariés.",
    target: [40, 160],
  },
  LENDING_IAE: {
    theme: "WORKFORCE_LENDING",
    action: "WORKFORCE_LOAN",
    publics: ["IAE", "DELD"],
    ambition:
      "Accueillir des salariés d'une structure d'insertion sur nos pics d'activité, avec une passerelle vers un CDI.",
    target: [2, 6],
  },
  IMMERSION_PMSMP: {
    theme: "INCLUSION",
    action: "IMMERSION",
    publics: ["DELD", "RSA", "IAE"],
    ambition:
      "Proposer des immersions professionnelles (PMSMP) pour faire découvrir nos métiers avant toute embauche.",
    target: [5, 12],
  },
  TRAINING_RSA: {
    theme: "INCLUSION",
    action: "TRAINING",
    publics: ["RSA", "DELD"],
    ambition:
      "Former en interne des bénéficiaires du RSA à nos métiers (préparation opérationnelle à l'emploi), avec une embauche à la clé.",
    target: [3, 8],
  },
  OTHER_AIDANTS: {
    theme: "OTHER",
    action: "OTHER",
    publics: ["OTHER", "RSA"],
    otherPublicLabel: "Aidants familiaux et parents isolés",
    ambition:
      "Aménager les horaires et les tournées pour permettre le retour à l'emploi d'aidants familiaux et de parents isolés.",
  },
  YOUTH_HIRE: {
    theme: "YOUTH",
    action: "HIRE",
    publics: ["YOUTH", "NEET", "QPV"],
    ambition:
      "Embaucher des jeunes sans diplôme sur des postes d'entrée, avec une formation qualifiante financée par l'entreprise.",
    target: [2, 5],
  },
} satisfies Record<string, Template>;
type TemplateKey = keyof typeof TEMPLATES;

// ---------------------------------------------------------------- demo companies

type DemoCompany = {
  key: string;
  name: string;
  naf: string;
  commune: string;
  bracket: string;
  status?: "MEMBER" | "PROSPECT" | "LEFT";
  headOffice?: string;
  contact: string;
  /** Creates a COMPANY user contact@<slug>.demo.test for this contact. */
  user?: boolean;
  /** The club has the contact's name but not their address: out of reach until it is added. */
  noContactEmail?: boolean;
  /** Nothing declared in the last months. */
  silent?: boolean;
  joinedMonthsAgo: number;
  /** Relative pace of declarations. */
  activity: number;
  templates: TemplateKey[];
};

// prettier-ignore
const PAS_DE_CALAIS: DemoCompany[] = [
  { key: "delattre", name: "Transports Delattre", naf: "49.41A", commune: "62041", bracket: "22", contact: "Claire Dumont", joinedMonthsAgo: 34, activity: 1.6, templates: ["HIRE_DELD", "ALT_YOUTH", "VOLUNTEER_CV", "JUSTICE_IMMERSION"] },
  { key: "delattre-calais", name: "Transports Delattre — agence de Calais", naf: "49.41B", commune: "62193", bracket: "12", headOffice: "delattre", contact: "Karim Haddad", user: true, joinedMonthsAgo: 22, activity: 0.9, templates: ["HIRE_DELD", "REFUGEE_TRAINING", "QPV_JOBDATING"] },
  { key: "boulangerie", name: "Boulangerie Artésienne", naf: "10.71C", commune: "62041", bracket: "03", contact: "Sylvie Leroy", joinedMonthsAgo: 26, activity: 0.6, templates: ["ALT_YOUTH", "STAGE3E"] },
  { key: "metallerie", name: "Métallerie de l'Artois", naf: "25.11Z", commune: "62510", bracket: "21", contact: "Patrick Dewailly", user: true, joinedMonthsAgo: 36, activity: 1.3, templates: ["IMMERSION_PMSMP", "HIRE_DELD", "LP_PFMP", "SENIOR_MENTOR"] },
  { key: "clinique", name: "Clinique des Deux Caps", naf: "86.10Z", commune: "62160", bracket: "32", contact: "Anne-Sophie Fournier", user: true, joinedMonthsAgo: 30, activity: 1.5, templates: ["HANDI_ESAT", "HANDI_HIRE", "STAGE3E", "PURCHASE_SIAE"] },
  { key: "logistique", name: "Logistique Côte d'Opale", naf: "52.10B", commune: "62193", bracket: "22", contact: "Mehdi Bouzid", user: true, joinedMonthsAgo: 28, activity: 1.3, templates: ["QPV_JOBDATING", "HIRE_DELD", "LENDING_IAE"] },
  { key: "elec", name: "Électricité Lensoise", naf: "43.21A", commune: "62498", bracket: "11", contact: "Laurent Caron", noContactEmail: true, joinedMonthsAgo: 20, activity: 0.7, templates: ["ALT_YOUTH", "LP_PFMP"] },
  { key: "proprete", name: "Propreté Audomaroise", naf: "81.21Z", commune: "62765", bracket: "22", contact: "Isabelle Lenoir", user: true, joinedMonthsAgo: 33, activity: 1.4, templates: ["TRAINING_RSA", "HIRE_DELD", "LENDING_IAE", "JUSTICE_IMMERSION"] },
  { key: "proprete-bethune", name: "Propreté Audomaroise — agence de Béthune", naf: "81.21Z", commune: "62119", bracket: "12", headOffice: "proprete", contact: "Nicolas Hennebelle", joinedMonthsAgo: 8, activity: 0.8, templates: ["TRAINING_RSA", "IMMERSION_PMSMP"] },
  { key: "maisons", name: "Maisons du Béthunois", naf: "41.20A", commune: "62126", bracket: "12", contact: "Frédéric Leclercq", user: true, joinedMonthsAgo: 25, activity: 0.9, templates: ["SENIOR_MENTOR", "ALT_YOUTH", "SENIOR_HIRE"] },
  { key: "laiterie", name: "Laiterie des Sept Vallées", naf: "10.51A", commune: "62588", bracket: "21", contact: "Marion Bacquet", user: true, joinedMonthsAgo: 29, activity: 1.0, templates: ["STAGE3E", "HANDI_HIRE", "PURCHASE_SIAE"] },
  { key: "plasturgie", name: "Plasturgie du Littoral", naf: "22.29A", commune: "62643", bracket: "21", contact: "Olivier Dupuis", joinedMonthsAgo: 24, activity: 0.9, templates: ["IMMERSION_PMSMP", "SENIOR_HIRE", "REFUGEE_TRAINING"] },
  { key: "equipauto", name: "Équipements Automobiles Nord-Artois", naf: "29.32Z", commune: "62276", bracket: "41", contact: "Céline Wattez", user: true, joinedMonthsAgo: 35, activity: 1.7, templates: ["HANDI_HIRE", "ALT_YOUTH", "PURCHASE_SIAE", "LENDING_IAE"] },
  { key: "pharmacie", name: "Pharmacie de la Place des Héros", naf: "47.73Z", commune: "62041", bracket: "02", status: "PROSPECT", contact: "Hélène Martel", joinedMonthsAgo: 0, activity: 0, templates: [] },
  { key: "comptable", name: "Cabinet Vasseur & Associés", naf: "69.20Z", commune: "62119", bracket: "11", silent: true, contact: "Bruno Vasseur", joinedMonthsAgo: 27, activity: 0.6, templates: ["ALT_YOUTH", "VOLUNTEER_CV"] },
  { key: "opale-ingenierie", name: "Opale Ingénierie", naf: "71.12B", commune: "62758", bracket: "12", contact: "Aurélie Deprez", joinedMonthsAgo: 5, activity: 0.8, templates: ["YOUTH_HIRE", "QPV_MENTOR"] },
  { key: "domicile", name: "Artois Services à Domicile", naf: "88.10A", commune: "62178", bracket: "22", contact: "Samia Belkacem", user: true, joinedMonthsAgo: 31, activity: 1.2, templates: ["TRAINING_RSA", "SENIOR_HIRE", "OTHER_AIDANTS"] },
  { key: "hotel", name: "Hôtel des Dunes", naf: "55.10Z", commune: "62826", bracket: "11", status: "PROSPECT", contact: "Vincent Lagache", joinedMonthsAgo: 0, activity: 0, templates: [] },
  { key: "garage", name: "Garage Lefebvre Automobiles", naf: "45.20A", commune: "62427", bracket: "03", status: "PROSPECT", contact: "Jérôme Lefebvre", joinedMonthsAgo: 0, activity: 0, templates: [] },
  { key: "menuiserie", name: "Menuiserie Dufour & Fils", naf: "16.23Z", commune: "62040", bracket: "11", silent: true, contact: "Didier Dufour", joinedMonthsAgo: 23, activity: 0.6, templates: ["LP_PFMP", "ALT_YOUTH"] },
  { key: "chocolaterie", name: "Chocolaterie de la Lys", naf: "10.82Z", commune: "62014", bracket: "21", status: "LEFT", contact: "Émilie Flament", joinedMonthsAgo: 32, activity: 0.8, templates: ["STAGE3E", "HANDI_ESAT"] },
  { key: "formation", name: "Opale Compétences Formation", naf: "85.59A", commune: "62193", bracket: "11", contact: "Rachid Mansouri", user: true, joinedMonthsAgo: 27, activity: 1.0, templates: ["QPV_MENTOR", "VOLUNTEER_CV", "REFUGEE_TRAINING"] },
  { key: "securite", name: "Sécurité Gardiennage du Calaisis", naf: "80.10Z", commune: "62239", bracket: "21", silent: true, contact: "Stéphane Boulanger", joinedMonthsAgo: 21, activity: 0.7, templates: ["HIRE_DELD", "JUSTICE_IMMERSION"] },
  { key: "relation-client", name: "Artois Relation Client", naf: "82.20Z", commune: "62498", bracket: "32", contact: "Élodie Delcroix", user: true, joinedMonthsAgo: 30, activity: 1.5, templates: ["QPV_JOBDATING", "HIRE_DELD", "VOLUNTEER_CV", "HANDI_HIRE"] },
  { key: "ehpad", name: "Résidence Les Tilleuls", naf: "87.10A", commune: "62510", bracket: "21", contact: "Catherine Leroux", joinedMonthsAgo: 26, activity: 1.0, templates: ["SENIOR_HIRE", "TRAINING_RSA", "HANDI_ESAT"] },
  { key: "recyclage", name: "Valorisation des Terrils", naf: "38.11Z", commune: "62427", bracket: "21", contact: "Yannick Dumortier", user: true, joinedMonthsAgo: 28, activity: 1.1, templates: ["LENDING_IAE", "JUSTICE_IMMERSION", "IMMERSION_PMSMP"] },
];

// prettier-ignore
const NORD: DemoCompany[] = [
  { key: "code-flandre", name: "Code Flandre", naf: "62.01Z", commune: "59350", bracket: "12", contact: "Thomas Lemaire", joinedMonthsAgo: 30, activity: 1.2, templates: ["REFUGEE_TRAINING", "QPV_MENTOR", "YOUTH_HIRE"] },
  { key: "tissages", name: "Tissages de Roubaix Renaissance", naf: "13.20Z", commune: "59512", bracket: "21", contact: "Pauline Vanhove", user: true, joinedMonthsAgo: 28, activity: 1.0, templates: ["LENDING_IAE", "SENIOR_MENTOR", "HIRE_DELD"] },
  { key: "colis", name: "Colis du Nord", naf: "47.91A", commune: "59599", bracket: "32", contact: "Ahmed Benslimane", user: true, joinedMonthsAgo: 26, activity: 1.4, templates: ["QPV_JOBDATING", "HIRE_DELD", "HANDI_HIRE"] },
  { key: "cuisines", name: "Cuisines de la Deûle", naf: "56.29A", commune: "59360", bracket: "22", contact: "Marie Dubrulle", joinedMonthsAgo: 24, activity: 1.0, templates: ["LENDING_IAE", "TRAINING_RSA"] },
  { key: "imprimerie", name: "Imprimerie du Mélantois", naf: "18.12Z", commune: "59009", bracket: "11", contact: "Hugo Desmet", noContactEmail: true, joinedMonthsAgo: 20, activity: 0.6, templates: ["ALT_YOUTH", "HANDI_ESAT"] },
  { key: "batiment", name: "Bâtiment Flandre Lys", naf: "43.99C", commune: "59017", bracket: "21", status: "PROSPECT", contact: "Nathalie Verbeke", joinedMonthsAgo: 0, activity: 0, templates: [] },
];

/** Communes where the people concerned live (optional on a realisation). */
// prettier-ignore
const HOME_COMMUNES: Record<string, string[]> = {
  "62": ["62041", "62498", "62119", "62193", "62160", "62765", "62510", "62427", "62178", "62065", "62413", "62215", "62643", "62318"],
  "59": ["59350", "59512", "59599", "59009", "59017", "59360", "59328"],
};

const NOTES: Record<string, string[]> = {
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

// ---------------------------------------------------------------- helpers

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .toLowerCase()
    .replace(/&/g, "et")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setMonth(d.getMonth() + months);
  return d;
}

function at(date: Date, hours: number, minutes = 0): Date {
  const d = new Date(date);
  d.setHours(hours, minutes, 0, 0);
  return d;
}

function between(random: Random, from: Date, to: Date): Date {
  const t = from.getTime() + random.next() * Math.max(0, to.getTime() - from.getTime());
  return at(new Date(t), 12);
}

function minDate(a: Date, b: Date) {
  return a < b ? a : b;
}
function maxDate(a: Date, b: Date) {
  return a > b ? a : b;
}

function peopleQuantity(random: Random) {
  return random.weighted([
    [1, 45],
    [2, 25],
    [3, 15],
    [4, 8],
    [5, 7],
  ] as const);
}

function quantityFor(random: Random, action: string): number {
  if (action === "INCLUSIVE_PURCHASE") return random.int(10, 240) * 50;
  if (action === "VOLUNTEERING") return random.int(2, 20) * 2;
  return peopleQuantity(random);
}

function contractFor(random: Random, action: string, publicCode: string): string | null {
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

const ALL_PUBLICS = [
  "DELD",
  "RSA",
  "QPV",
  "NEET",
  "YOUTH",
  "DISABILITY",
  "SENIOR",
  "REFUGEE",
  "JUSTICE",
  "IAE",
];
const RANDOM_ACTIONS = [
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

// ---------------------------------------------------------------- the demo

export type DemoSeedResult = {
  clubs: { pasDeCalais: string; nord: string };
  companies: Record<string, string>;
  users: Record<string, string>;
  counts: {
    clubs: number;
    companies: number;
    users: number;
    commitments: number;
    realisations: number;
    meetings: number;
    practices: number;
  };
};

type SeedOptions = { passwordHash?: string; now?: Date };

/**
 * Loads the demo data (reference data must be loaded). Given a full Prisma client, runs in
 * one transaction; given a transaction client, runs in it.
 */
export async function seedDemo(db: DbClient, options: SeedOptions = {}): Promise<DemoSeedResult> {
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const client = db as DbClient & {
    $transaction?: (
      fn: (tx: DbClient) => Promise<DemoSeedResult>,
      options?: { timeout?: number; maxWait?: number },
    ) => Promise<DemoSeedResult>;
  };
  if (typeof client.$transaction === "function") {
    return client.$transaction((tx) => seedDemoIn(tx, passwordHash, options.now ?? new Date()), {
      timeout: 120_000,
      maxWait: 10_000,
    });
  }
  return seedDemoIn(db, passwordHash, options.now ?? new Date());
}

type SeededCompany = DemoCompany & {
  status: "MEMBER" | "PROSPECT" | "LEFT";
  id: string;
  clubId: string;
  departementCode: string;
  email: string;
  userId: string | null;
  joinedAt: Date | null;
  leftAt: Date | null;
  commitments: {
    id: string;
    year: number;
    action: string;
    publics: string[];
    status: string;
    targetQuantity: number | null;
    startDate: Date;
    endDate: Date;
  }[];
};

async function seedDemoIn(db: DbClient, passwordHash: string, now: Date): Promise<DemoSeedResult> {
  const random = createRandom(DEMO_SEED);
  const year = now.getFullYear();
  const windowStart = at(addMonths(now, -18), 12);
  const counts = {
    clubs: 0,
    companies: 0,
    users: 0,
    commitments: 0,
    realisations: 0,
    meetings: 0,
    practices: 0,
  };

  // ---- clubs
  const club62 = await insertClub(db, {
    name: "Club des entreprises inclusives du Pas-de-Calais",
    departementCode: "62",
    createdAt: addMonths(now, -40),
    description:
      "Le club réunit, autour du préfet, les entreprises du Pas-de-Calais qui s'engagent pour l'inclusion : " +
      "recruter des personnes éloignées de l'emploi, accueillir des jeunes en stage et en alternance, " +
      "acheter auprès des structures inclusives et partager ce qui marche. Des rencontres ont lieu chaque " +
      "trimestre, de l'Arrageois au Calaisis, du bassin minier au Montreuillois.",
  });
  const club59 = await insertClub(db, {
    name: "Club Les entreprises s'engagent — Métropole lilloise",
    departementCode: "59",
    createdAt: addMonths(now, -36),
    description:
      "Le club de la métropole lilloise rassemble les entreprises de Lille, Roubaix, Tourcoing et " +
      "Villeneuve-d'Ascq engagées pour l'emploi des jeunes des quartiers, des personnes en insertion " +
      "et des personnes en situation de handicap.",
  });
  counts.clubs = 2;

  // ---- the main accounts
  const users: Record<string, string> = {};
  async function user(email: string, name: string) {
    const row = await insertUser(db, { email, name, passwordHash, createdAt: addMonths(now, -14) });
    users[email] = row.id;
    counts.users++;
    return row;
  }
  const admin = await user("admin@demo.test", "Opérateur national");
  await grantRole(db, admin.id, { role: "ADMIN" });
  const animator = await user("animateur@demo.test", "Julien Carpentier");
  await grantRole(db, animator.id, { role: "ANIMATOR", clubId: club62.id });
  const prefecture = await user("prefecture@demo.test", "Nadia Benali");
  await grantRole(db, prefecture.id, { role: "PREFECTURE", departementCode: "62" });
  const animatorNord = await user("animateur.nord@demo.test", "Sophie Vandenberghe");
  await grantRole(db, animatorNord.id, { role: "ANIMATOR", clubId: club59.id });

  // ---- companies, memberships, company users
  const seeded: SeededCompany[] = [];
  const byKey = new Map<string, SeededCompany>();
  const sirenOfKey = new Map<string, string>();
  async function seedCompanies(list: DemoCompany[], club: { id: string; departementCode: string }) {
    for (const c of list) {
      const headOffice = c.headOffice ? byKey.get(c.headOffice) : undefined;
      const siren = headOffice ? sirenOfKey.get(headOffice.key)! : randomSiren(random);
      const slug = slugify(c.name);
      const status = c.status ?? "MEMBER";
      const company = await insertCompany(db, {
        name: c.name,
        siren,
        nafCode: c.naf,
        headcountBracket: c.bracket,
        communeCode: c.commune,
        website: headOffice ? null : `https://www.${slug}.example`,
        headOfficeId: headOffice?.id ?? null,
        publicPage: status === "MEMBER" && random.chance(0.4),
        createdAt: addMonths(now, -Math.max(c.joinedMonthsAgo, 2) - 1),
        random,
      });
      sirenOfKey.set(c.key, company.siren);
      const email = `contact@${slug}.demo.test`;
      const joinedAt = status === "PROSPECT" ? null : at(addMonths(now, -c.joinedMonthsAgo), 10);
      const leftAt = status === "LEFT" ? at(addMonths(now, -5), 10) : null;
      await addMembership(db, {
        companyId: company.id,
        clubId: club.id,
        status,
        joinedAt,
        leftAt,
        contactName: c.contact,
        contactEmail: c.noContactEmail ? null : email,
        remindersOptOut: c.key === "securite",
      });
      const entry: SeededCompany = {
        ...c,
        status,
        id: company.id,
        clubId: club.id,
        departementCode: club.departementCode,
        email,
        userId: null,
        joinedAt,
        leftAt,
        commitments: [],
      };
      seeded.push(entry);
      byKey.set(c.key, entry);
      counts.companies++;
    }
  }
  await seedCompanies(PAS_DE_CALAIS, club62);
  await seedCompanies(NORD, club59);

  const dirigeant = await user("dirigeant@demo.test", "Claire Dumont");
  await grantRole(db, dirigeant.id, { role: "COMPANY", companyId: byKey.get("delattre")!.id });
  byKey.get("delattre")!.userId = dirigeant.id;
  byKey.get("delattre")!.email = "dirigeant@demo.test";
  const dirigeantNord = await user("dirigeant.nord@demo.test", "Thomas Lemaire");
  await grantRole(db, dirigeantNord.id, {
    role: "COMPANY",
    companyId: byKey.get("code-flandre")!.id,
  });
  byKey.get("code-flandre")!.userId = dirigeantNord.id;
  byKey.get("code-flandre")!.email = "dirigeant.nord@demo.test";
  for (const c of seeded) {
    if (!c.user) continue;
    const row = await user(c.email, c.contact);
    await grantRole(db, row.id, { role: "COMPANY", companyId: c.id });
    c.userId = row.id;
  }

  // ---- commitments: this year and the previous one
  const active = seeded.filter((c) => c.status !== "PROSPECT" && c.templates.length > 0);
  for (const c of active) {
    for (const y of [year - 1, year]) {
      if (!c.joinedAt || c.joinedAt.getFullYear() > y) continue;
      if (c.leftAt && y > c.leftAt.getFullYear()) continue;
      const count = c.key === "delattre" ? 3 : random.int(1, Math.min(3, c.templates.length));
      const keys =
        c.key === "delattre" ? c.templates.slice(0, 3) : random.sample(c.templates, count);
      for (const key of keys) {
        const t: Template = TEMPLATES[key];
        const status =
          c.status === "LEFT"
            ? random.weighted([
                ["ACHIEVED", 1],
                ["ABANDONED", 1],
              ] as const)
            : y < year
              ? random.weighted([
                  ["ACHIEVED", 60],
                  ["ACTIVE", 25],
                  ["ABANDONED", 15],
                ] as const)
              : c.key === "delattre"
                ? "ACTIVE"
                : random.weighted([
                    ["ACTIVE", 70],
                    ["DRAFT", 15],
                    ["ACHIEVED", 15],
                  ] as const);
        const withTarget = t.target && (c.key === "delattre" || random.chance(0.8));
        const targetQuantity = withTarget
          ? roundTarget(random.int(t.target![0], t.target![1]))
          : null;
        const startDate = new Date(Date.UTC(y, random.chance(0.8) ? 0 : random.int(1, 5), 1));
        const endDate = new Date(Date.UTC(y, 11, 31));
        const publics = random.chance(0.3)
          ? [...t.publics, random.pick(ALL_PUBLICS.filter((p) => !t.publics.includes(p)))]
          : t.publics;
        const row = await insertCommitment(db, {
          companyId: c.id,
          clubId: c.clubId,
          departementCode: c.departementCode,
          year: y,
          themeCode: t.theme,
          actionTypeCode: t.action,
          publics,
          otherPublicLabel: t.otherPublicLabel ?? null,
          ambition: t.ambition,
          targetQuantity,
          startDate,
          endDate,
          status,
          visibility: random.chance(0.35) ? "PUBLIC" : "CLUB",
          createdById: c.userId,
          createdAt: maxDate(
            at(new Date(startDate.getTime() - random.int(5, 40) * DAY), 10),
            c.joinedAt,
          ),
        });
        c.commitments.push({
          id: row.id,
          year: y,
          action: t.action,
          publics,
          status,
          targetQuantity,
          startDate,
          endDate,
        });
        counts.commitments++;
      }
    }
  }

  // ---- realisations: 18 months back from today
  const silentCutoff = addMonths(now, -4);
  const yesterday = new Date(now.getTime() - DAY);
  async function realisation(
    c: SeededCompany,
    date: Date,
    commitment: SeededCompany["commitments"][number] | null,
    forcedQuantity?: number,
  ) {
    let action: string;
    let publicCode: string;
    if (commitment) {
      action = commitment.action;
      publicCode = random.pick(commitment.publics);
    } else if (random.chance(0.7)) {
      const t: Template = TEMPLATES[random.pick(c.templates)];
      action = t.action;
      publicCode = random.pick(t.publics);
    } else {
      action = random.weighted(RANDOM_ACTIONS);
      publicCode = random.pick(ALL_PUBLICS);
    }
    const otherPublicLabel =
      publicCode === "OTHER" ? TEMPLATES.OTHER_AIDANTS.otherPublicLabel : null;
    const qpv =
      publicCode === "QPV"
        ? "YES"
        : random.weighted([
            ["YES", 18],
            ["NO", 50],
            ["UNKNOWN", 32],
          ] as const);
    await insertRealisation(db, {
      companyId: c.id,
      clubId: c.clubId,
      departementCode: c.departementCode,
      commitmentId: commitment?.id ?? null,
      date,
      actionTypeCode: action,
      publicCategoryCode: publicCode,
      otherPublicLabel,
      contractType: contractFor(random, action, publicCode),
      quantity: forcedQuantity ?? quantityFor(random, action),
      qpv,
      communeCode: random.chance(0.5) ? random.pick(HOME_COMMUNES[c.departementCode]) : null,
      note: random.chance(0.4) ? random.pick(NOTES[action] ?? NOTES.OTHER) : "",
      createdById: c.userId,
      createdAt: minDate(new Date(date.getTime() + random.int(0, 12) * DAY + 6 * 3600 * 1000), now),
    });
    counts.realisations++;
  }

  for (const c of active) {
    const from = maxDate(windowStart, c.joinedAt ?? windowStart);
    let to = c.leftAt ? minDate(c.leftAt, yesterday) : yesterday;
    if (c.silent) to = minDate(to, silentCutoff);
    let lastDate: Date | null = null;
    for (
      let month = new Date(from.getFullYear(), from.getMonth(), 1);
      month <= to;
      month = addMonths(month, 1)
    ) {
      const monthStart = maxDate(month, from);
      const monthEnd = minDate(new Date(month.getFullYear(), month.getMonth() + 1, 0, 12), to);
      if (monthEnd < monthStart) continue;
      const p = Math.min(0.9, 0.28 * c.activity);
      let n = 0;
      for (let k = 0; k < 3; k++) if (random.chance(p)) n++;
      for (let k = 0; k < n; k++) {
        const date = between(random, monthStart, monthEnd);
        const candidates = c.commitments.filter(
          (cm) => cm.year === date.getFullYear() && cm.status !== "DRAFT" && cm.startDate <= date,
        );
        const commitment =
          candidates.length > 0 && random.chance(0.65) ? random.pick(candidates) : null;
        await realisation(c, date, commitment);
        if (!lastDate || date > lastDate) lastDate = date;
      }
    }
    // Members who are not silent have declared something in the last weeks.
    if (!c.silent && !c.leftAt && (!lastDate || lastDate < addMonths(now, -1))) {
      const date = between(random, maxDate(addMonths(now, -1), from), yesterday);
      const candidates = c.commitments.filter((cm) => cm.year === year && cm.status === "ACTIVE");
      await realisation(c, date, candidates.length > 0 ? random.pick(candidates) : null);
    }
  }

  // Achieved commitments really reached their target: top up what the random draw left.
  for (const c of active) {
    for (const cm of c.commitments) {
      if (cm.status !== "ACHIEVED" || !cm.targetQuantity) continue;
      const done = await db.realisation.aggregate({
        where: { commitmentId: cm.id },
        _sum: { quantity: true },
      });
      let missing = cm.targetQuantity - (done._sum.quantity ?? 0);
      const from = maxDate(maxDate(cm.startDate, windowStart), c.joinedAt ?? windowStart);
      const to = minDate(minDate(cm.endDate, c.leftAt ?? yesterday), yesterday);
      if (to < from) continue;
      const perRow =
        cm.action === "INCLUSIVE_PURCHASE" || cm.action === "VOLUNTEERING" ? missing : 5;
      while (missing > 0) {
        const quantity = Math.min(missing, perRow);
        await realisation(c, between(random, from, to), cm, quantity);
        missing -= quantity;
      }
    }
  }

  // Commitments of this year still under way have not all reached their target yet: raise
  // the targets the random draw already passed (always for the demo company's dashboard).
  for (const c of active) {
    for (const cm of c.commitments) {
      if (cm.year !== year || cm.status !== "ACTIVE" || !cm.targetQuantity) continue;
      const done = await db.realisation.aggregate({
        where: { commitmentId: cm.id },
        _sum: { quantity: true },
      });
      const sum = done._sum.quantity ?? 0;
      if (sum < cm.targetQuantity) continue;
      if (c.key !== "delattre" && random.chance(0.3)) continue;
      const targetQuantity = roundTarget(Math.ceil(sum * (1.2 + random.next() * 0.6)) + 1);
      await db.commitment.update({ where: { id: cm.id }, data: { targetQuantity } });
      cm.targetQuantity = targetQuantity;
    }
  }

  // ---- practices
  const clubUsers62 = seeded
    .filter((c) => c.clubId === club62.id && c.userId)
    .map((c) => c.userId!);
  const clubUsers59 = seeded
    .filter((c) => c.clubId === club59.id && c.userId)
    .map((c) => c.userId!);
  const practiceIds: Record<string, string> = {};
  for (const [index, p] of PRACTICES.entries()) {
    const c = byKey.get(p.company)!;
    const createdAt = at(addMonths(now, -p.monthsAgo), 9 + (index % 8));
    const commitment = c.commitments.find((cm) => cm.action === p.linkAction);
    const row = await insertPractice(db, {
      companyId: c.id,
      clubId: c.clubId,
      authorId: c.userId,
      commitmentId: commitment?.id ?? null,
      title: p.title,
      body: p.body,
      visibility: p.visibility,
      featuredAt: p.featured ? at(addMonths(now, -1), 11) : null,
      createdAt,
      tags: p.tags,
    });
    practiceIds[p.key] = row.id;
    counts.practices++;

    const pool = (
      c.clubId === club62.id ? [...clubUsers62, animator.id] : [...clubUsers59, animatorNord.id]
    ).filter((id) => id !== c.userId);
    const kudosCount = p.featured
      ? Math.min(pool.length, 8)
      : random.int(0, Math.min(5, pool.length));
    for (const userId of random.sample(pool, kudosCount)) {
      await addKudos(db, {
        practiceId: row.id,
        userId,
        createdAt: minDate(new Date(createdAt.getTime() + random.int(1, 20) * DAY), now),
      });
    }
    for (const [i, body] of (p.comments ?? []).entries()) {
      await addComment(db, {
        practiceId: row.id,
        authorId: random.pick(pool),
        body,
        createdAt: minDate(new Date(createdAt.getTime() + (i + 1) * random.int(1, 6) * DAY), now),
      });
    }
    for (const triedBy of p.triedBy ?? []) {
      await db.practiceTried.create({
        data: {
          practiceId: row.id,
          companyId: byKey.get(triedBy)!.id,
          createdAt: minDate(new Date(createdAt.getTime() + random.int(10, 40) * DAY), now),
        },
      });
    }
  }

  // ---- meetings
  const members62 = seeded.filter((c) => c.clubId === club62.id && c.status === "MEMBER");
  const prospects62 = seeded.filter((c) => c.clubId === club62.id && c.status === "PROSPECT");
  const members59 = seeded.filter((c) => c.clubId === club59.id && c.status === "MEMBER");

  function invitations(
    companies: SeededCompany[],
    startsAt: Date,
    past: boolean,
  ): MeetingInvitationInput[] {
    const sentAt = new Date(startsAt.getTime() - 21 * DAY);
    return (
      companies
        .filter((c) => !c.joinedAt || c.joinedAt < sentAt || c.status === "PROSPECT")
        // Reachable only: a company's people, or the contact of one without an account.
        .filter((c) => c.userId || !c.noContactEmail)
        .map((c) => {
          const rsvp =
            !past && c.key === "delattre"
              ? "PENDING"
              : random.weighted(
                  past
                    ? ([
                        ["YES", 60],
                        ["NO", 20],
                        ["MAYBE", 6],
                        ["PENDING", 14],
                      ] as const)
                    : ([
                        ["YES", 35],
                        ["NO", 10],
                        ["MAYBE", 10],
                        ["PENDING", 45],
                      ] as const),
                );
          const attended = past
            ? rsvp === "YES"
              ? random.chance(0.88)
              : rsvp === "MAYBE"
                ? random.chance(0.5)
                : rsvp === "PENDING"
                  ? random.chance(0.1)
                  : false
            : null;
          return {
            email: c.email,
            userId: c.userId,
            companyId: c.id,
            name: c.userId ? null : c.contact,
            rsvp,
            rsvpAt:
              rsvp === "PENDING"
                ? null
                : minDate(new Date(sentAt.getTime() + random.int(1, 12) * DAY), now),
            attended,
            sentAt: minDate(sentAt, now),
          };
        })
    );
  }

  for (const m of meetings62(now)) {
    const past = m.startsAt < now;
    await insertMeeting(db, {
      clubId: club62.id,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      videoUrl: m.videoUrl ?? null,
      agenda: m.agenda,
      minutes: m.minutes ?? null,
      minutesPublishedAt: m.minutes ? new Date(m.endsAt.getTime() + 3 * DAY) : null,
      reminderSentAt: past ? new Date(m.startsAt.getTime() - 2 * DAY) : null,
      createdById: animator.id,
      createdAt: new Date(m.startsAt.getTime() - 30 * DAY),
      invitations: invitations(
        m.withProspects ? [...members62, ...prospects62] : members62,
        m.startsAt,
        past,
      ),
      practiceIds: (m.practices ?? []).map((key) => practiceIds[key]).filter(Boolean),
    });
    counts.meetings++;
  }
  const nordStart = at(new Date(now.getTime() + 26 * DAY), 8, 30);
  await insertMeeting(db, {
    clubId: club59.id,
    title: "Petit-déjeuner du club : l'inclusion dans les métiers du numérique",
    startsAt: nordStart,
    endsAt: new Date(nordStart.getTime() + 2 * 3600 * 1000),
    place: "Code Flandre, Lille (accès métro Gare Lille-Flandres)",
    agenda:
      "1. Tour de table des engagements de l'année\n" +
      "2. Témoignage : une promotion de développeurs en reconversion\n" +
      "3. Préparation du job dating de printemps à Roubaix",
    createdById: animatorNord.id,
    createdAt: new Date(now.getTime() - 5 * DAY),
    invitations: invitations(members59, nordStart, false),
  });
  counts.meetings++;

  const companies: Record<string, string> = {};
  for (const c of seeded) companies[c.key] = c.id;
  await seedNetwork(db, byKey, now);

  return { clubs: { pasDeCalais: club62.id, nord: club59.id }, companies, users, counts };
}

function roundTarget(n: number): number {
  if (n >= 10_000) return Math.round(n / 1000) * 1000;
  if (n >= 1_000) return Math.round(n / 500) * 500;
  if (n >= 40) return Math.round(n / 10) * 10;
  return n;
}

// ---------------------------------------------------------------- meetings of the 62 club

type DemoMeeting = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl?: string;
  agenda: string;
  minutes?: string;
  practices?: string[];
  withProspects?: boolean;
};

function meetings62(now: Date): DemoMeeting[] {
  const meeting = (daysFromNow: number, hour: number, minute: number, hours: number) => {
    const startsAt = at(new Date(now.getTime() + daysFromNow * DAY), hour, minute);
    return { startsAt, endsAt: new Date(startsAt.getTime() + hours * 3600 * 1000) };
  };
  return [
    {
      title: "Rencontre du club : bilan des engagements et accueil des nouveaux membres",
      ...meeting(-330, 8, 30, 2),
      place: "CCI Artois, salle du conseil, Arras",
      agenda:
        "1. Accueil par le sous-préfet\n2. Bilan des engagements du premier semestre\n" +
        "3. Présentation des nouveaux membres\n4. Calendrier des rencontres de l'année",
      minutes: `## Compte rendu

**Présents :** une quinzaine d'entreprises membres, la sous-préfecture, France Travail et la mission locale.

### Bilan des derniers mois
- Les recrutements déclarés progressent, surtout dans le transport et la propreté.
- L'alternance reste le premier levier pour les jeunes de moins de 26 ans.
- Les achats auprès des structures inclusives sont encore peu déclarés : un atelier dédié sera organisé.

### Nouveaux membres
Deux entreprises du Calaisis rejoignent le club.

### À retenir
- Déclarer les réalisations au fil de l'eau, même une seule immersion compte.
- Prochaine rencontre : petit-déjeuner « recruter sans CV » à Liévin.
`,
    },
    {
      title: "Petit-déjeuner : recruter sans CV",
      ...meeting(-215, 8, 0, 2),
      place: "Métallerie de l'Artois, Liévin (visite de l'atelier)",
      agenda:
        "1. Visite de l'atelier\n2. Témoignage : la méthode de recrutement par simulation\n" +
        "3. Échanges avec France Travail sur les immersions (PMSMP)",
      practices: ["sans-cv"],
      minutes: `## Compte rendu

La Métallerie de l'Artois a présenté sa démarche de **recrutement par simulation** : les candidats
sont évalués sur des exercices pratiques, sans CV ni diplôme exigé.

### Ce que nous retenons
1. Définir les habiletés nécessaires au poste avant de recruter.
2. Faire précéder l'embauche d'une **immersion de deux semaines** (PMSMP).
3. Désigner un tuteur dès le premier jour.

### Suites
- France Travail propose un accompagnement aux entreprises qui veulent essayer.
- Trois membres se sont dits prêts à tester la méthode d'ici la fin de l'année.
`,
    },
    {
      title: "Atelier achats inclusifs avec les SIAE du territoire",
      ...meeting(-120, 14, 0, 3),
      place: "Maison de l'économie sociale et solidaire, Lens",
      videoUrl: "https://visio.example/club-62-achats-inclusifs",
      agenda:
        "1. Pourquoi acheter inclusif : ce que cela change pour les publics\n" +
        "2. Rencontres avec les structures d'insertion et les entreprises adaptées\n" +
        "3. Témoignage de la Clinique des Deux Caps",
      practices: ["esat"],
      minutes: `## Compte rendu

Douze structures d'insertion et entreprises adaptées sont venues présenter leurs offres
(nettoyage, espaces verts, blanchisserie, traiteur, logistique).

### Chiffres partagés
- Les achats inclusifs déclarés par les membres ont nettement progressé sur un an.
- Objectif collectif proposé : **un achat inclusif par entreprise membre** avant la fin de l'année.

### Suites
- La liste des structures présentes est disponible auprès de l'animateur.
- Un point d'étape sera fait à la plénière.
`,
    },
    {
      title: "Réunion plénière : préparation du forum de l'alternance",
      ...meeting(-42, 17, 30, 2),
      place: "Clinique des Deux Caps, Boulogne-sur-Mer",
      agenda:
        "1. Point sur les engagements de l'année\n2. Organisation du forum de l'alternance\n" +
        "3. Mise à l'honneur d'une bonne pratique",
      practices: ["sans-cv"],
      minutes: `## Compte rendu

### Engagements de l'année
La majorité des membres ont déclaré au moins une réalisation ce trimestre. L'animateur relancera
les entreprises qui n'ont rien déclaré depuis plusieurs mois.

### Forum de l'alternance
- Lieu retenu : Calais ; date à confirmer avec les lycées professionnels.
- Chaque membre est invité à proposer au moins **une offre d'alternance**.
- Les lycées professionnels du Calaisis et la mission locale seront associés.

### Bonne pratique mise à l'honneur
« Recruter sans CV » de la Métallerie de l'Artois, déjà reprise par plusieurs membres.
`,
    },
    {
      title: "Job dating inclusif de Calais : point d'étape",
      ...meeting(21, 9, 0, 2),
      place: "Opale Compétences Formation, Calais",
      videoUrl: "https://visio.example/club-62-job-dating",
      agenda:
        "1. Postes proposés par les membres\n2. Logistique de la journée\n" +
        "3. Mobilisation des candidats avec France Travail et les structures d'insertion",
      withProspects: true,
    },
    {
      title: "Assemblée annuelle du club : bilan et engagements de l'année à venir",
      ...meeting(70, 17, 0, 2.5),
      place: "Préfecture du Pas-de-Calais, Arras",
      agenda:
        "1. Mot du préfet\n2. Bilan de l'année par public et par type d'action\n" +
        "3. Témoignages de trois entreprises\n4. Nouveaux engagements\n5. Verre de l'amitié",
      withProspects: true,
    },
  ];
}

// ---------------------------------------------------------------- members' network

// prettier-ignore
const DIRECTORY_CARDS: { company: string; visibility: "CLUB" | "DEPARTEMENT"; employs: string[]; recruits: string[]; offer: string; seek: string }[] = [
  { company: "metallerie", visibility: "DEPARTEMENT", employs: ["H29", "H23"], recruits: ["H29"], offer: "Visite d'atelier et immersions en soudure et chaudronnerie.", seek: "Des soudeurs pour nos pics de commandes." },
  { company: "logistique", visibility: "DEPARTEMENT", employs: ["N11", "N12", "N41"], recruits: ["N11"], offer: "Prêt de préparateurs de commandes hors saison.", seek: "Une entreprise partenaire pour des job datings communs." },
  { company: "equipauto", visibility: "CLUB", employs: ["H25", "H29", "I13"], recruits: ["I13", "H29"], offer: "Tutorat d'alternants en maintenance industrielle.", seek: "Des caristes en renfort de septembre à décembre." },
  { company: "clinique", visibility: "CLUB", employs: ["J15", "J13", "K13"], recruits: ["J15"], offer: "Stages de découverte des métiers du soin.", seek: "" },
  { company: "proprete", visibility: "DEPARTEMENT", employs: ["K22", "K23"], recruits: ["K22"], offer: "Formation aux gestes de la propreté pour les personnes en insertion.", seek: "" },
];

// Demo posts in other trades than welding, so the journey of the tests starts from a clean
// board for welders.
// prettier-ignore
const PASSERELLE_POSTS: { company: string; kind: "NEED" | "AVAILABILITY"; arrangement: "LOAN" | "HIRE"; rome: string; trade: string; headcount: number; startInDays: number; days: number; commune: string; visibility: "CLUB" | "DEPARTEMENT"; description: string }[] = [
  { company: "logistique", kind: "AVAILABILITY", arrangement: "LOAN", rome: "N11", trade: "Préparateur de commandes", headcount: 4, startInDays: 15, days: 90, commune: "62193", visibility: "DEPARTEMENT", description: "Activité creuse après les fêtes : nous pouvons prêter des préparateurs formés." },
  { company: "equipauto", kind: "NEED", arrangement: "LOAN", rome: "N11", trade: "Cariste", headcount: 2, startInDays: 30, days: 120, commune: "62276", visibility: "CLUB", description: "CACES 3 souhaité." },
  { company: "plasturgie", kind: "AVAILABILITY", arrangement: "HIRE", rome: "H32", trade: "Opérateur de production", headcount: 5, startInDays: 45, days: 180, commune: "62643", visibility: "DEPARTEMENT", description: "Fermeture d'une ligne : cinq opérateurs expérimentés à reclasser." },
  { company: "laiterie", kind: "NEED", arrangement: "HIRE", rome: "H21", trade: "Conducteur de ligne", headcount: 3, startInDays: 60, days: 365, commune: "62588", visibility: "CLUB", description: "Formation interne assurée." },
  { company: "tissages", kind: "AVAILABILITY", arrangement: "LOAN", rome: "H24", trade: "Couturier industriel", headcount: 3, startInDays: 20, days: 60, commune: "59512", visibility: "DEPARTEMENT", description: "" },
];

async function seedNetwork(db: DbClient, byKey: Map<string, SeededCompany>, now: Date) {
  for (const card of DIRECTORY_CARDS) {
    await insertDirectoryCard(db, {
      companyId: byKey.get(card.company)!.id,
      visibility: card.visibility,
      tradesEmployed: card.employs,
      tradesRecruited: card.recruits,
      offer: card.offer,
      seek: card.seek,
    });
  }
  for (const post of PASSERELLE_POSTS) {
    const company = byKey.get(post.company)!;
    const startDate = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + post.startInDays),
    );
    await insertPasserellePost(db, {
      companyId: company.id,
      clubId: company.clubId,
      kind: post.kind,
      arrangement: post.arrangement,
      romeDomain: post.rome,
      tradeLabel: post.trade,
      headcount: post.headcount,
      startDate,
      endDate: new Date(startDate.getTime() + post.days * DAY),
      communeCode: post.commune,
      visibility: post.visibility,
      description: post.description,
      createdById: company.userId,
    });
  }
}

// ---------------------------------------------------------------- practices

type DemoPractice = {
  key: string;
  company: string;
  title: string;
  body: string;
  visibility: "CLUB" | "DEPARTEMENT" | "ALL";
  tags: PracticeTagInput[];
  monthsAgo: number;
  featured?: boolean;
  linkAction?: string;
  comments?: string[];
  triedBy?: string[];
};

const P = (code: string): PracticeTagInput => ({ kind: "PUBLIC", code });
const T = (code: string): PracticeTagInput => ({ kind: "THEME", code });

const PRACTICES: DemoPractice[] = [
  {
    key: "sans-cv",
    company: "metallerie",
    title: "Recruter sans CV : notre méthode par mises en situation",
    visibility: "ALL",
    featured: true,
    monthsAgo: 9,
    linkAction: "IMMERSION",
    tags: [P("DELD"), P("RSA"), T("INCLUSION")],
    triedBy: ["proprete", "logistique", "recyclage"],
    comments: [
      "Nous l'avons testé sur nos postes de cariste : très concluant, merci pour le partage !",
      "Combien de temps durent vos exercices de mise en situation ?",
    ],
    body: `Depuis deux ans, nous recrutons nos soudeurs et nos agents de production **sans regarder le CV**.

## Comment nous faisons
1. Avec France Travail, nous avons listé les habiletés utiles au poste (précision, respect des consignes, travail en équipe).
2. Les candidats passent des **exercices pratiques** d'une demi-journée.
3. Ceux qui réussissent font une immersion de deux semaines (PMSMP), puis signent un contrat.

## Ce que cela a changé
- Des candidats que nous n'aurions jamais reçus sur CV : demandeurs d'emploi de longue durée, bénéficiaires du RSA.
- Moins de départs pendant la période d'essai.

*Nous accueillons volontiers les membres du club qui veulent voir l'atelier.*`,
  },
  {
    key: "tuteur",
    company: "delattre",
    title: "Un tuteur pour chaque nouveau conducteur",
    visibility: "DEPARTEMENT",
    monthsAgo: 7,
    linkAction: "HIRE",
    tags: [P("DELD"), P("YOUTH"), T("INCLUSION"), T("YOUTH")],
    comments: ["Bonne idée, nous allons faire de même pour nos agents de quai."],
    body: `Chaque conducteur recruté est accompagné pendant six mois par un **conducteur expérimenté volontaire**.

- Les premières tournées se font en double.
- Un point hebdomadaire avec l'exploitation.
- Le tuteur reçoit une prime et une formation d'une journée.

Résultat : tous les conducteurs recrutés cette année par ce biais sont encore chez nous.`,
  },
  {
    key: "esat",
    company: "clinique",
    title: "Notre blanchisserie confiée à un ESAT",
    visibility: "ALL",
    monthsAgo: 6,
    linkAction: "INCLUSIVE_PURCHASE",
    tags: [P("DISABILITY"), T("INCLUSIVE_PURCHASING"), T("DISABILITY")],
    triedBy: ["ehpad"],
    body: `Nous avons confié le traitement du linge de nos services à un **ESAT** du Boulonnais.

### Les étapes
1. Visite de l'établissement avec notre service qualité.
2. Un lot test de trois mois.
3. Un contrat annuel, avec un point trimestriel.

Ces achats comptent dans notre obligation d'emploi de travailleurs handicapés, et la qualité est au rendez-vous.`,
  },
  {
    key: "stage-3e",
    company: "laiterie",
    title: "Stages de 3e : une semaine pour découvrir tous nos métiers",
    visibility: "CLUB",
    monthsAgo: 11,
    linkAction: "INTERNSHIP",
    tags: [P("YOUTH"), P("QPV"), T("YOUTH"), T("VOCATIONAL_SCHOOLS")],
    body: `Plutôt que d'accueillir un élève dans un seul service, nous organisons une **semaine de découverte** pour six collégiens à la fois :
la collecte du lait, la fabrication, le laboratoire, la maintenance et l'expédition.

Nous réservons la moitié des places aux collèges des quartiers prioritaires.`,
  },
  {
    key: "poste-adapte",
    company: "equipauto",
    title: "Adapter un poste de travail avec l'aide de l'Agefiph",
    visibility: "CLUB",
    monthsAgo: 5,
    linkAction: "HIRE",
    tags: [P("DISABILITY"), T("DISABILITY")],
    comments: [
      "Le délai de réponse de l'Agefiph a-t-il été long ?",
      "Environ six semaines dans notre cas.",
    ],
    body: `Pour un opérateur reconnu travailleur handicapé, nous avons adapté un poste de montage :
table à hauteur variable, outillage allégé, pauses aménagées.

- Étude ergonomique financée en partie par l'**Agefiph**.
- Le médecin du travail et Cap emploi ont été associés dès le début.`,
  },
  {
    key: "binomes",
    company: "maisons",
    title: "Des binômes seniors et apprentis sur nos chantiers",
    visibility: "DEPARTEMENT",
    monthsAgo: 8,
    linkAction: "MENTORING",
    tags: [P("SENIOR"), P("YOUTH"), T("SENIORS"), T("YOUTH")],
    body: `Nos compagnons de plus de 55 ans forment un **binôme** avec chaque apprenti.
Le senior transmet les gestes du métier ; l'apprenti partage les outils numériques du chantier.

Les seniors volontaires ont un temps dédié au tutorat dans leur planning.`,
  },
  {
    key: "job-dating-qpv",
    company: "logistique",
    title: "Un job dating au pied des immeubles à Calais",
    visibility: "DEPARTEMENT",
    monthsAgo: 4,
    linkAction: "JOB_DATING",
    tags: [P("QPV"), P("YOUTH"), T("QPV")],
    triedBy: ["relation-client"],
    comments: ["Bravo ! Nous serions partants pour nous joindre au prochain."],
    body: `Avec le centre social et France Travail, nous avons installé nos recruteurs **dans le quartier**, un samedi matin.

- Pas de CV demandé, des entretiens de dix minutes.
- Des préparateurs de commandes recrutés dans la foulée, après une immersion.

Le prochain aura lieu avec d'autres membres du club.`,
  },
  {
    key: "poei",
    company: "proprete",
    title: "Former avant de recruter : la préparation opérationnelle à l'emploi",
    visibility: "CLUB",
    monthsAgo: 10,
    linkAction: "TRAINING",
    tags: [P("RSA"), P("DELD"), T("INCLUSION")],
    body: `Nous manquions d'agents de propreté qualifiés. Avec France Travail, nous avons monté une **POEI** de 400 heures
pour des bénéficiaires du RSA, avec un CDI à la clé pour ceux qui la terminent.

**Conseil :** impliquer les chefs d'équipe dans la sélection et dans la formation pratique.`,
  },
  {
    key: "horaires",
    company: "domicile",
    title: "Des tournées aménagées pour les parents isolés",
    visibility: "CLUB",
    monthsAgo: 3,
    tags: [P("RSA"), P("OTHER"), T("OTHER")],
    body: `Nos intervenantes à domicile peuvent choisir des **tournées compatibles avec les horaires d'école**.
C'est ce qui a permis à plusieurs mères isolées, bénéficiaires du RSA, de reprendre un emploi chez nous.`,
  },
  {
    key: "ateliers-cv",
    company: "relation-client",
    title: "Des ateliers CV animés par nos conseillers",
    visibility: "ALL",
    monthsAgo: 2,
    linkAction: "VOLUNTEERING",
    tags: [P("QPV"), P("DELD"), T("PATRONAGE")],
    body: `Une fois par mois, des conseillers volontaires animent un **atelier CV et entretien** à la maison de quartier.
Ces heures de bénévolat de compétences sont prises sur le temps de travail.`,
  },
  {
    key: "spip",
    company: "recyclage",
    title: "Des immersions avec le SPIP pour préparer la sortie",
    visibility: "CLUB",
    monthsAgo: 6,
    linkAction: "IMMERSION",
    tags: [P("JUSTICE"), T("JUSTICE")],
    body: `En lien avec le service pénitentiaire d'insertion et de probation (**SPIP**), nous accueillons en immersion
des personnes en fin de peine. Deux d'entre elles ont ensuite été recrutées sur notre centre de tri.

Ce qui a aidé : un référent unique chez nous et au SPIP, et une présentation claire des règles de sécurité.`,
  },
  {
    key: "reconversion",
    company: "code-flandre",
    title: "Une promotion de développeurs en reconversion",
    visibility: "CLUB",
    monthsAgo: 7,
    linkAction: "TRAINING",
    tags: [P("DELD"), P("REFUGEE"), T("INCLUSION"), T("REFUGEES")],
    comments: ["Très inspirant, pouvez-vous nous présenter l'organisme de formation ?"],
    body: `Avec une école du numérique de la métropole, nous avons formé une promotion de **développeurs en reconversion** :
demandeurs d'emploi de longue durée et personnes réfugiées. La moitié a rejoint notre équipe en alternance.`,
  },
  {
    key: "iae-cdi",
    company: "cuisines",
    title: "Cuisine centrale : des parcours d'insertion vers le CDI",
    visibility: "DEPARTEMENT",
    monthsAgo: 4,
    linkAction: "WORKFORCE_LOAN",
    tags: [P("IAE"), T("INCLUSION"), T("WORKFORCE_LENDING")],
    body: `Nous accueillons des salariés d'une **entreprise de travail temporaire d'insertion** sur nos pics d'activité.
Au bout de six mois, ceux qui le souhaitent se voient proposer un CDI d'agent de restauration.`,
  },
];

// ---------------------------------------------------------------- command line

async function main() {
  const started = performance.now();
  const { prisma } = await import("~/utils/db.server");
  const { loadReferenceData } = await import("~/models/reference-data.server");
  try {
    const reference = await loadReferenceData(prisma);
    const loadedReference = Object.entries(reference)
      .filter(([key, n]) => key !== "ms" && n > 0)
      .map(([key, n]) => `${n} ${key}`)
      .join(", ");
    const referenceText = loadedReference
      ? `référence chargée (${loadedReference}) en ${reference.ms} ms`
      : "référence déjà en place";

    let demoText: string;
    if (process.env.DEMO_DATA === "false") {
      demoText = "démo désactivée (DEMO_DATA=false)";
    } else if ((await prisma.user.count()) > 0) {
      demoText = "démo non chargée (la base a déjà des utilisateurs)";
    } else {
      const demoStarted = performance.now();
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const result = await prisma.$transaction((tx) => seedDemo(tx, { passwordHash }), {
        timeout: 120_000,
        maxWait: 10_000,
      });
      const n = result.counts;
      demoText =
        `démo chargée en ${Math.round(performance.now() - demoStarted)} ms (${n.clubs} clubs, ` +
        `${n.companies} entreprises, ${n.users} comptes, ${n.commitments} engagements, ` +
        `${n.realisations} réalisations, ${n.meetings} réunions, ${n.practices} bonnes pratiques)`;
    }
    console.log(
      `Seed : ${referenceText} ; ${demoText} ; total ${Math.round(performance.now() - started)} ms.`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : "";
if (invokedPath === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
