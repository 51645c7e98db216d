// The members' network: directory cards and Passerelles posts of a few demo companies.

import { insertDirectoryCard, insertPasserellePost, type DbClient } from "../factories";
import { DAY } from "./calendar";
import type { SeededCompany } from "./demo-context";

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

/** Directory cards and Passerelles posts of a few demo companies. */
export async function seedNetwork(db: DbClient, byKey: Map<string, SeededCompany>, now: Date) {
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
