// The demo companies: their records, their memberships of the two clubs and their accounts.

import { fold } from "~/utils/text";
import { addMembership, grantRole, insertCompany, randomSiren } from "../factories";
import { addMonths, at } from "./calendar";
import { NORD, PAS_DE_CALAIS, type DemoCompany } from "./companies-data";
import { insertDemoUser, type Demo, type DemoClubs, type SeededCompany } from "./demo-context";

function slugify(text: string): string {
  return fold(text)
    .replace(/œ/g, "oe")
    .replace(/&/g, "et")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export async function seedCompanies(
  demo: Demo,
  { club62, club59 }: DemoClubs,
): Promise<{ seeded: SeededCompany[]; byKey: Map<string, SeededCompany> }> {
  const { db, random, now, counts } = demo;
  const user = (email: string, name: string) => insertDemoUser(demo, email, name);
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
  return { seeded, byKey };
}
