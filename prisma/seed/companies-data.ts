// The demo companies of the two clubs (fictional): sector, size, contact, pace of declarations
// and the commitment templates each one draws from.

import type { TemplateKey } from "./commitment-templates";

export type DemoCompany = {
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
export const PAS_DE_CALAIS: DemoCompany[] = [
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
export const NORD: DemoCompany[] = [
  { key: "code-flandre", name: "Code Flandre", naf: "62.01Z", commune: "59350", bracket: "12", contact: "Thomas Lemaire", joinedMonthsAgo: 30, activity: 1.2, templates: ["REFUGEE_TRAINING", "QPV_MENTOR", "YOUTH_HIRE"] },
  { key: "tissages", name: "Tissages de Roubaix Renaissance", naf: "13.20Z", commune: "59512", bracket: "21", contact: "Pauline Vanhove", user: true, joinedMonthsAgo: 28, activity: 1.0, templates: ["LENDING_IAE", "SENIOR_MENTOR", "HIRE_DELD"] },
  { key: "colis", name: "Colis du Nord", naf: "47.91A", commune: "59599", bracket: "32", contact: "Ahmed Benslimane", user: true, joinedMonthsAgo: 26, activity: 1.4, templates: ["QPV_JOBDATING", "HIRE_DELD", "HANDI_HIRE"] },
  { key: "cuisines", name: "Cuisines de la Deûle", naf: "56.29A", commune: "59360", bracket: "22", contact: "Marie Dubrulle", joinedMonthsAgo: 24, activity: 1.0, templates: ["LENDING_IAE", "TRAINING_RSA"] },
  { key: "imprimerie", name: "Imprimerie du Mélantois", naf: "18.12Z", commune: "59009", bracket: "11", contact: "Hugo Desmet", noContactEmail: true, joinedMonthsAgo: 20, activity: 0.6, templates: ["ALT_YOUTH", "HANDI_ESAT"] },
  { key: "batiment", name: "Bâtiment Flandre Lys", naf: "43.99C", commune: "59017", bracket: "21", status: "PROSPECT", contact: "Nathalie Verbeke", joinedMonthsAgo: 0, activity: 0, templates: [] },
];
