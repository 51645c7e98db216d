// A group for the head office pages (issue 16 point 4, decision 028): Transports Delattre (Arras)
// already has its Calais agency (Pas-de-Calais club); two more establishments of its SIREN join the
// Nord club (Roubaix and Lille), each with its own membership and a
// few declarations counted in its own club. Fixed values, after the other steps, so the data
// drawn before is unchanged.

import { withLuhnCheckDigit } from "~/utils/siret";
import { addMembership, insertCompany, insertRealisation } from "../factories";
import { addMonths, at } from "./calendar";
import type { Demo, DemoClubs, SeededCompany } from "./demo-context";

const ESTABLISHMENTS = [
  {
    nic: "0090",
    name: "Transports Delattre — agence de Roubaix",
    commune: "59512",
    club: "club59",
    contact: "Sabrina Lemaire",
    actions: [
      ["HIRE", 2],
      ["WORK_STUDY", 1],
      ["IMMERSION", 3],
    ],
  },
  {
    nic: "0091",
    name: "Transports Delattre — agence de Lille",
    commune: "59350",
    club: "club59",
    contact: "Julien Verhaeghe",
    actions: [
      ["HIRE", 1],
      ["INTERNSHIP", 2],
      ["VOLUNTEERING", 12],
    ],
  },
] as const;

export async function seedGroup(demo: Demo, clubs: DemoClubs, headOffice: SeededCompany) {
  const { db, now, counts } = demo;
  const { siren } = await db.company.findUniqueOrThrow({
    where: { id: headOffice.id },
    select: { siren: true },
  });
  for (const e of ESTABLISHMENTS) {
    const club = clubs[e.club];
    const company = await insertCompany(db, {
      name: e.name,
      siret: withLuhnCheckDigit(`${siren}${e.nic}`),
      nafCode: "49.41B",
      headcountBracket: "11",
      communeCode: e.commune,
      website: null,
      headOfficeId: headOffice.id,
      createdAt: addMonths(now, -14),
    });
    await addMembership(db, {
      companyId: company.id,
      clubId: club.id,
      status: "MEMBER",
      joinedAt: at(addMonths(now, -12), 10),
      contactName: e.contact,
    });
    counts.companies++;
    for (const [i, [action, quantity]] of e.actions.entries()) {
      await insertRealisation(db, {
        companyId: company.id,
        clubId: club.id,
        departementCode: club.departementCode,
        date: at(addMonths(now, -(i + 1)), 9),
        actionTypeCode: action,
        quantity,
      });
      counts.realisations++;
    }
  }
}
