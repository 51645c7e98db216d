// Issue 18, point 7: an animator or prefecture viewing a company read "Mon tableau de bord". The
// company space's layout now says whose space it is; pages title themselves with the company's
// name for anyone who is not one of its people.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { spaceTitle } from "~/components/company-nav";
import { loader as spaceLoader } from "~/routes/entreprise.$companyId";
import { prisma } from "~/utils/db.server";
import { appRequest, sessionCookieFor } from "./utils/session";

let companyId: string;
let leaderId: string;
let animatorId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  companyId = (await insertCompany(prisma, { name: "Boulangerie Lefebvre" })).id;
  await addMembership(prisma, { companyId, clubId: club.id });
  leaderId = (await insertUser(prisma)).id;
  animatorId = (await insertUser(prisma)).id;
  await grantRole(prisma, leaderId, { role: "COMPANY", companyId });
  await grantRole(prisma, animatorId, { role: "ANIMATOR", clubId: club.id });
});

async function spaceFor(userId: string) {
  const data = await spaceLoader({
    request: appRequest(`/entreprise/${companyId}`, { cookie: await sessionCookieFor(userId) }),
    params: { companyId },
    context: {},
  });
  return [{ id: "routes/entreprise.$companyId", data }];
}

describe("whose space it is", () => {
  test("its own people read « Mes engagements »", async () => {
    const matches = await spaceFor(leaderId);
    expect(matches[0].data).toMatchObject({ companyName: "Boulangerie Lefebvre", canEdit: true });
    expect(spaceTitle(matches, "Mes engagements", "Engagements")).toBe("Mes engagements");
  });

  test("an animator reads the company's name", async () => {
    const matches = await spaceFor(animatorId);
    expect(matches[0].data).toMatchObject({ companyName: "Boulangerie Lefebvre", canEdit: false });
    expect(spaceTitle(matches, "Mes engagements", "Engagements")).toBe(
      "Engagements de Boulangerie Lefebvre",
    );
  });
});
