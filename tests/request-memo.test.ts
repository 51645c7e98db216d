// Issue 14, point 3: a page load's loaders (root, company layout, dashboard) share one memo of who
// is signed in and what they may do, instead of each repeating the session, user and permission
// queries. server.mjs wraps GET requests in runWithRequestMemo; writes and separate requests
// read afresh.
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { loader as rootLoader } from "~/root";
import { loader as dashboardLoader } from "~/routes/entreprise.$companyId._index";
import { loader as spaceLoader } from "~/routes/entreprise.$companyId";
import { prisma } from "~/utils/db.server";
import { loadCurrentUser } from "~/utils/permissions.server";
import { runWithRequestMemo } from "~/utils/request-memo.server";
import { appRequest, sessionCookieFor } from "./utils/session";

let companyId: string;
let leaderId: string;
let cookie: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  companyId = (await insertCompany(prisma, { name: "Menuiserie Caron" })).id;
  await addMembership(prisma, { companyId, clubId: club.id });
  leaderId = (await insertUser(prisma)).id;
  await grantRole(prisma, leaderId, { role: "COMPANY", companyId });
  cookie = await sessionCookieFor(leaderId);
});

/** How many of the SQL statements that `work` sends read the session, the user and the roles. */
async function queriesOf(work: () => Promise<unknown>) {
  const queries: string[] = [];
  prisma.$on("query", (event) => queries.push(event.query));
  await work();
  // Query events are emitted after each statement: let the last ones arrive.
  await new Promise((resolve) => setImmediate(resolve));
  const reading = (table: string) =>
    queries.filter((q) =>
      new RegExp(`FROM \\S*[\`"]${table}[\`"]|JOIN \\S*[\`"]${table}[\`"]`).test(q),
    );
  const session = reading("Session");
  return {
    session: session.length,
    user: reading("User").length,
    roles: reading("RoleAssignment").length,
    // The session's statement also reads the user and the roles (current-user.server.ts).
    sessionWithUserAndRoles: session.filter(
      (q) => /[`"]User[`"]/.test(q) && /[`"]RoleAssignment[`"]/.test(q),
    ).length,
  };
}

/** The three loaders of the company dashboard, each with its own Request, as Remix calls them. */
function dashboardPageLoad() {
  const args = () => ({
    request: appRequest(`/entreprise/${companyId}`, { cookie }),
    params: { companyId },
    context: {},
  });
  return Promise.all([rootLoader(args()), spaceLoader(args()), dashboardLoader(args())]);
}

describe("one page load reads who is signed in once", () => {
  test("without the memo each loader reads the session, the user and the roles again", async () => {
    const counts = await queriesOf(dashboardPageLoad);
    expect(counts.session).toBe(3);
    expect(counts.sessionWithUserAndRoles).toBe(3);
  });

  test("within a request's memo, one statement reads the session, the user and the roles", async () => {
    const within = await queriesOf(() => runWithRequestMemo(dashboardPageLoad));
    expect(within).toEqual({ session: 1, user: 1, roles: 1, sessionWithUserAndRoles: 1 });
  });

  test("each request has its own memo: a role granted in between is seen by the next one", async () => {
    const otherCompany = await insertCompany(prisma, { name: "Serrurerie Noël" });
    const before = await runWithRequestMemo(() => loadCurrentUser(leaderId));
    await grantRole(prisma, leaderId, { role: "COMPANY", companyId: otherCompany.id });
    const after = await runWithRequestMemo(() => loadCurrentUser(leaderId));
    expect(before?.roles.map((r) => r.companyId)).not.toContain(otherCompany.id);
    expect(after?.roles.map((r) => r.companyId)).toContain(otherCompany.id);
  });
});
