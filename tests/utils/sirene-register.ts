// A local stand-in for the SIRENE register's "API Recherche d'entreprises" (decision 028): GET
// /search?q=… answers in the API's documented JSON (results[] of legal units with siren,
// nom_complet, nom_raison_sociale, activite_principale, tranche_effectif_salarie,
// etat_administratif, siege{…} and matching_etablissements[], plus total_results, page,
// per_page, total_pages). `mode` makes it fail as the real one can: 500, 429 (its rate limit),
// an answer slower than the app waits, or unreadable JSON. Every query received is recorded.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TestEstablishment = {
  siret: string;
  commune: string;
  code_postal: string;
  libelle_commune: string;
  etat_administratif?: "A" | "F";
  activite_principale?: string;
  tranche_effectif_salarie?: string | null;
};

export type TestUnit = {
  siren: string;
  nom_complet: string;
  activite_principale: string;
  tranche_effectif_salarie: string | null;
  etat_administratif?: "A" | "C";
  /** The first establishment is the head office. */
  etablissements: TestEstablishment[];
};

export type RegisterMode = "ok" | "error" | "rate-limited" | "slow" | "garbage";

export type TestRegister = {
  url: string;
  units: TestUnit[];
  mode: RegisterMode;
  /** How long a "slow" answer waits. */
  slowMs: number;
  queries: string[];
  close: () => Promise<void>;
};

function site(unit: TestUnit, e: TestEstablishment) {
  const head = unit.etablissements[0];
  return {
    siret: e.siret,
    activite_principale: e.activite_principale ?? unit.activite_principale,
    tranche_effectif_salarie: e.tranche_effectif_salarie ?? unit.tranche_effectif_salarie,
    adresse: `1 RUE DE LA GARE ${e.code_postal} ${e.libelle_commune}`,
    commune: e.commune,
    code_postal: e.code_postal,
    libelle_commune: e.libelle_commune,
    etat_administratif: e.etat_administratif ?? "A",
    est_siege: e.siret === head?.siret,
    latitude: "50.29",
    longitude: "2.78",
  };
}

function search(units: TestUnit[], q: string) {
  const digits = q.replace(/\s/g, "");
  const found = [];
  for (const unit of units) {
    let matching: TestEstablishment[] = [];
    if (/^\d{14}$/.test(digits)) matching = unit.etablissements.filter((e) => e.siret === digits);
    else if (/^\d{9}$/.test(digits)) matching = unit.siren === digits ? unit.etablissements : [];
    else if (unit.nom_complet.toLowerCase().includes(q.toLowerCase()))
      matching = unit.etablissements;
    if (!matching.length) continue;
    found.push({
      siren: unit.siren,
      nom_complet: unit.nom_complet,
      nom_raison_sociale: unit.nom_complet,
      sigle: null,
      nombre_etablissements: unit.etablissements.length,
      nombre_etablissements_ouverts: unit.etablissements.filter((e) => e.etat_administratif !== "F")
        .length,
      siege: site(unit, unit.etablissements[0]!),
      activite_principale: unit.activite_principale,
      section_activite_principale: "C",
      tranche_effectif_salarie: unit.tranche_effectif_salarie,
      etat_administratif: unit.etat_administratif ?? "A",
      nature_juridique: "5710",
      date_creation: "1998-03-02",
      matching_etablissements: matching.map((e) => site(unit, e)),
    });
  }
  return {
    results: found.slice(0, 10),
    total_results: found.length,
    page: 1,
    per_page: 10,
    total_pages: Math.max(1, Math.ceil(found.length / 10)),
  };
}

export async function startTestRegister(units: TestUnit[], port = 0): Promise<TestRegister> {
  const register: TestRegister = {
    url: "",
    units,
    mode: "ok",
    slowMs: 5_000,
    queries: [],
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== "/search") return json(404, { erreur: "Route inconnue" });
    const q = url.searchParams.get("q") ?? "";
    register.queries.push(q);
    switch (register.mode) {
      case "error":
        return json(500, { erreur: "Erreur interne" });
      case "rate-limited":
        res.setHeader("retry-after", "1");
        return json(429, { erreur: "Trop de requêtes : 7 requêtes par seconde au plus" });
      case "garbage":
        res.writeHead(200, { "content-type": "application/json" });
        return res.end("{ pas du json");
      case "slow": {
        const timer = setTimeout(() => json(200, search(register.units, q)), register.slowMs);
        res.on("close", () => clearTimeout(timer));
        return;
      }
    }
    if (q.length < 3 || q.length > 500) {
      return json(400, { erreur: "Veuillez indiquer au moins 3 caractères pour la recherche." });
    }
    return json(200, search(register.units, q));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  register.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  register.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return register;
}

/** The journeys' and tests' register: a group with three establishments in two clubs' areas. */
export const DEMO_REGISTER: TestUnit[] = [
  {
    siren: "552081317",
    nom_complet: "ATELIERS DE L'ARTOIS",
    activite_principale: "25.62B",
    tranche_effectif_salarie: "21",
    etablissements: [
      {
        siret: "55208131700018",
        commune: "62041",
        code_postal: "62000",
        libelle_commune: "ARRAS",
        tranche_effectif_salarie: "12",
      },
      {
        siret: "55208131700026",
        commune: "62498",
        code_postal: "62300",
        libelle_commune: "LENS",
        tranche_effectif_salarie: "11",
      },
      {
        siret: "55208131700034",
        commune: "59350",
        code_postal: "59000",
        libelle_commune: "LILLE",
        etat_administratif: "F",
        tranche_effectif_salarie: "03",
      },
    ],
  },
  {
    siren: "817654320",
    nom_complet: "BOULANGERIE SOLIDAIRE DU TERNOIS",
    activite_principale: "10.71C",
    tranche_effectif_salarie: "11",
    etablissements: [
      {
        siret: "81765432000016",
        commune: "62767",
        code_postal: "62130",
        libelle_commune: "SAINT-POL-SUR-TERNOISE",
      },
    ],
  },
];
