// The ROME job families (Répertoire opérationnel des métiers et des emplois, version 3) used to tag
// trades in the members' directory and on the Passerelles board: the 14 "grands domaines" (A–N)
// and their 110 "domaines professionnels". No npm package ships the ROME; labels copied from the
// ROME v3 arborescence published by France Travail (ex-Pôle emploi) on data.gouv.fr
// ("Répertoire Opérationnel des Métiers et des Emplois (ROME)", arborescence_principale).
// Example: a welder is ROME H2913 "Soudage manuel", in domaine H29. Client-safe.

export type RomeDomain = { code: string; label: string };

export const ROME_GRANDS_DOMAINES: readonly RomeDomain[] = [
  {
    code: "A",
    label: "Agriculture et Pêche, Espaces naturels et Espaces verts, Soins aux animaux",
  },
  { code: "B", label: "Arts et Façonnage d'ouvrages d'art" },
  { code: "C", label: "Banque, Assurance, Immobilier" },
  { code: "D", label: "Commerce, Vente et Grande distribution" },
  { code: "E", label: "Communication, Média et Multimédia" },
  { code: "F", label: "Construction, Bâtiment et Travaux publics" },
  { code: "G", label: "Hôtellerie-Restauration, Tourisme, Loisirs et Animation" },
  { code: "H", label: "Industrie" },
  { code: "I", label: "Installation et Maintenance" },
  { code: "J", label: "Santé" },
  { code: "K", label: "Services à la personne et à la collectivité" },
  { code: "L", label: "Spectacle" },
  { code: "M", label: "Support à l'entreprise" },
  { code: "N", label: "Transport et Logistique" },
];

export const ROME_DOMAINES: readonly RomeDomain[] = [
  { code: "A11", label: "Engins agricoles et forestiers" },
  { code: "A12", label: "Espaces naturels et espaces verts" },
  { code: "A13", label: "Etudes et assistance technique" },
  { code: "A14", label: "Production" },
  { code: "A15", label: "Soins aux animaux" },
  { code: "B11", label: "Arts plastiques" },
  { code: "B12", label: "Céramique" },
  { code: "B13", label: "Décoration" },
  { code: "B14", label: "Fibres et papier" },
  { code: "B15", label: "Instruments de musique" },
  { code: "B16", label: "Métal, verre, bijouterie et horlogerie" },
  { code: "B17", label: "Taxidermie" },
  { code: "B18", label: "Tissu et cuirs" },
  { code: "C11", label: "Assurance" },
  { code: "C12", label: "Banque" },
  { code: "C13", label: "Finance" },
  { code: "C14", label: "Gestion administrative banque et assurances" },
  { code: "C15", label: "Immobilier" },
  { code: "D11", label: "Commerce alimentaire et métiers de bouche" },
  { code: "D12", label: "Commerce non alimentaire et de prestations de confort" },
  { code: "D13", label: "Direction de magasin de détail" },
  { code: "D14", label: "Force de vente" },
  { code: "D15", label: "Grande distribution" },
  { code: "E11", label: "Edition et communication" },
  { code: "E12", label: "Images et sons" },
  { code: "E13", label: "Industries graphiques" },
  { code: "E14", label: "Publicité" },
  { code: "F11", label: "Conception et études" },
  { code: "F12", label: "Conduite et encadrement de chantier - travaux" },
  { code: "F13", label: "Engins de chantier" },
  { code: "F14", label: "Extraction" },
  { code: "F15", label: "Montage de structures" },
  { code: "F16", label: "Second oeuvre" },
  { code: "F17", label: "Travaux et gros oeuvre" },
  { code: "G11", label: "Accueil et promotion touristique" },
  { code: "G12", label: "Animation d'activités de loisirs" },
  { code: "G13", label: "Conception, commercialisation et vente de produits touristiques" },
  { code: "G14", label: "Gestion et direction" },
  { code: "G15", label: "Personnel d'étage en hôtellerie" },
  { code: "G16", label: "Production culinaire" },
  { code: "G17", label: "Accueil en hôtellerie" },
  { code: "G18", label: "Service" },
  { code: "H11", label: "Affaires et support technique client" },
  { code: "H12", label: "Conception, recherche, études et développement" },
  { code: "H13", label: "Hygiène Sécurité Environnement -HSE- industriels" },
  { code: "H14", label: "Méthodes et gestion industrielles" },
  { code: "H15", label: "Qualité et analyses industrielles" },
  { code: "H21", label: "Alimentaire" },
  { code: "H22", label: "Bois" },
  { code: "H23", label: "Chimie et pharmacie" },
  { code: "H24", label: "Cuir et textile" },
  {
    code: "H25",
    label: "Direction, encadrement et pilotage de fabrication et production industrielles",
  },
  { code: "H26", label: "Electronique et électricité" },
  { code: "H27", label: "Energie" },
  { code: "H28", label: "Matériaux de construction, céramique et verre" },
  { code: "H29", label: "Mécanique, travail des métaux et outillage" },
  { code: "H31", label: "Papier et carton" },
  { code: "H32", label: "Plastique, caoutchouc" },
  { code: "H33", label: "Préparation et conditionnement" },
  { code: "H34", label: "Traitements thermiques et traitements de surfaces" },
  { code: "I11", label: "Encadrement" },
  { code: "I12", label: "Entretien technique" },
  { code: "I13", label: "Equipements de production, équipements collectifs" },
  { code: "I14", label: "Equipements domestiques et informatique" },
  { code: "I15", label: "Travaux d'accès difficile" },
  { code: "I16", label: "Véhicules, engins, aéronefs" },
  { code: "J11", label: "Praticiens médicaux" },
  { code: "J12", label: "Praticiens médico-techniques" },
  { code: "J13", label: "Professionnels médico-techniques" },
  { code: "J14", label: "Rééducation et appareillage" },
  { code: "J15", label: "Soins paramédicaux" },
  { code: "K11", label: "Accompagnement de la personne" },
  { code: "K12", label: "Action sociale, socio-éducative et socio-culturelle" },
  { code: "K13", label: "Aide à la vie quotidienne" },
  { code: "K14", label: "Conception et mise en oeuvre des politiques publiques" },
  { code: "K15", label: "Contrôle public" },
  { code: "K16", label: "Culture et gestion documentaire" },
  { code: "K17", label: "Défense, sécurité publique et secours" },
  { code: "K18", label: "Développement territorial et emploi" },
  { code: "K19", label: "Droit" },
  { code: "K21", label: "Formation initiale et continue" },
  { code: "K22", label: "Nettoyage et propreté industriels" },
  { code: "K23", label: "Propreté et environnement urbain" },
  { code: "K24", label: "Recherche" },
  { code: "K25", label: "Sécurité privée" },
  { code: "K26", label: "Services funéraires" },
  { code: "L11", label: "Animation de spectacles" },
  { code: "L12", label: "Artistes - interprètes du spectacle" },
  { code: "L13", label: "Conception et production de spectacles" },
  { code: "L14", label: "Sport professionnel" },
  { code: "L15", label: "Techniciens du spectacle" },
  { code: "M11", label: "Achats" },
  { code: "M12", label: "Comptabilité et gestion" },
  { code: "M13", label: "Direction d'entreprise" },
  { code: "M14", label: "Organisation et études" },
  { code: "M15", label: "Ressources humaines" },
  { code: "M16", label: "Secrétariat et assistance" },
  { code: "M17", label: "Stratégie commerciale, marketing et supervision des ventes" },
  { code: "M18", label: "Systèmes d'information et de télécommunication" },
  { code: "N11", label: "Magasinage, manutention des charges et déménagement" },
  { code: "N12", label: "Organisation de la circulation des marchandises" },
  { code: "N13", label: "Personnel d'encadrement de la logistique" },
  { code: "N21", label: "Personnel navigant du transport aérien" },
  { code: "N22", label: "Personnel sédentaire du transport aérien" },
  { code: "N31", label: "Personnel navigant du transport maritime et fluvial" },
  { code: "N32", label: "Personnel sédentaire du transport maritime et fluvial" },
  { code: "N41", label: "Personnel de conduite du transport routier" },
  { code: "N42", label: "Personnel d'encadrement du transport routier" },
  { code: "N43", label: "Personnel navigant du transport terrestre" },
  { code: "N44", label: "Personnel sédentaire du transport ferroviaire et réseau filo guidé" },
];

const DOMAINE_CODES = /* @__PURE__ */ (() => new Set(ROME_DOMAINES.map((d) => d.code)))();

export function isRomeDomaine(code: string): boolean {
  return DOMAINE_CODES.has(code);
}

/** "H29" → "Mécanique, travail des métaux et outillage (H29)". */
export function romeLabel(code: string): string {
  const domaine = ROME_DOMAINES.find((d) => d.code === code);
  return domaine ? `${domaine.label} (${code})` : code;
}

export function grandDomaineOf(code: string): RomeDomain | undefined {
  return ROME_GRANDS_DOMAINES.find((g) => g.code === code.charAt(0));
}

/** Stored as "H29,N11": the valid codes of a comma-separated list, without repeats. */
export function parseRomeList(value: string | null | undefined): string[] {
  return [...new Set((value ?? "").split(",").map((c) => c.trim()))].filter(isRomeDomaine);
}
