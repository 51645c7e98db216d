// The two demo clubs (Pas-de-Calais and Nord) and the accounts of their staff: the national
// operator, the animators and the prefecture.

import { grantRole, insertClub } from "../factories";
import { addMonths } from "./calendar";
import { insertDemoUser, type Demo, type DemoClubs, type DemoStaff } from "./demo-context";

export async function seedClubs(demo: Demo): Promise<DemoClubs> {
  const { db, now, counts } = demo;
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
  return { club62, club59 };
}

export async function seedStaff(demo: Demo, { club62, club59 }: DemoClubs): Promise<DemoStaff> {
  const { db } = demo;
  const user = (email: string, name: string) => insertDemoUser(demo, email, name);
  const admin = await user("admin@demo.test", "Opérateur national");
  await grantRole(db, admin.id, { role: "ADMIN" });
  const animator = await user("animateur@demo.test", "Julien Carpentier");
  await grantRole(db, animator.id, { role: "ANIMATOR", clubId: club62.id });
  const prefecture = await user("prefecture@demo.test", "Nadia Benali");
  await grantRole(db, prefecture.id, { role: "PREFECTURE", departementCode: "62" });
  const animatorNord = await user("animateur.nord@demo.test", "Sophie Vandenberghe");
  await grantRole(db, animatorNord.id, { role: "ANIMATOR", clubId: club59.id });
  return { animator, animatorNord };
}
