// Accepting an invitation while another account is signed in on the browser (issue 12, finding
// 8): a clear French page asks to sign out first (a sign-out button that comes back to the link);
// the action refuses (403) and changes nothing: no role, no account, no session swapped.
import { beforeEach, describe, expect, test } from "vitest";
import { insertCompany, insertUser, grantRole } from "../prisma/factories";
import { action, loader } from "~/routes/invitation.$token";
import { action as logoutAction } from "~/routes/logout";
import { getUserId } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { createToken } from "~/utils/tokens.server";
import { appRequest, sessionCookieFor } from "./utils/session";

const PASSWORD = "une phrase de passe solide";
let passwordHash: string;
let n = 0;

async function invite(email: string) {
  const company = await insertCompany(prisma);
  // An invitation holds only while its author may still send it (decision 013): the national
  // operator may give a company with no people its first person.
  const admin = await insertUser(prisma, { email: `admin-${n}@exemple.test` });
  await grantRole(prisma, admin.id, { role: "ADMIN" });
  const { token, tokenHash } = createToken();
  await prisma.invitation.create({
    data: {
      email,
      role: "COMPANY",
      companyId: company.id,
      invitedById: admin.id,
      tokenHash,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { token, companyId: company.id };
}

const post = (token: string, cookie: string | undefined, fields: Record<string, string> = {}) =>
  action({
    request: appRequest(`/invitation/${token}`, {
      method: "POST",
      cookie,
      body: new URLSearchParams(fields),
    }),
    params: { token },
    context: {},
  });

/** Status and data of an action's `data(…, { status })` or Response. */
function outcome(result: unknown) {
  if (result instanceof Response) return { status: result.status, data: null };
  const { data, init } = result as { data: { error: string | null }; init?: { status?: number } };
  return { status: init?.status ?? 200, data };
}

beforeEach(async () => {
  passwordHash ??= await hashPassword(PASSWORD);
  n++;
});

describe("an invitation opened while another account is signed in", () => {
  test("for an existing account: the page names the signed-in account; accepting is refused", async () => {
    const invitee = await insertUser(prisma, { email: `invite-${n}@exemple.test`, passwordHash });
    const other = await insertUser(prisma, { email: `autre-${n}@exemple.test`, passwordHash });
    const { token, companyId } = await invite(invitee.email);
    const cookie = await sessionCookieFor(other.id);

    const page = await loader({
      request: appRequest(`/invitation/${token}`, { cookie }),
      params: { token },
      context: {},
    });
    expect(page.invitation?.signOutFirst).toBe(
      `Vous êtes connecté(e) en tant que ${other.email} ; déconnectez-vous pour accepter cette invitation.`,
    );

    const refused = outcome(await post(token, cookie));
    expect(refused.status).toBe(403);
    expect(refused.data?.error).toContain(`connecté(e) en tant que ${other.email}`);
    expect(await prisma.roleAssignment.count({ where: { companyId } })).toBe(0);
    expect(await prisma.invitation.count({ where: { acceptedAt: { not: null } } })).toBe(0);
    // Still signed in as the other account: nothing was swapped.
    expect(await getUserId(appRequest("/", { cookie }))).toBe(other.id);

    // Signing out from the page comes back to the link; the invitee then accepts as themself.
    const signedOut = (await logoutAction({
      request: appRequest("/logout", {
        method: "POST",
        cookie,
        body: new URLSearchParams({ redirectTo: `/invitation/${token}` }),
      }),
      params: {},
      context: {},
    })) as Response;
    expect(signedOut.headers.get("Location")).toBe(`/invitation/${token}`);
    const accepted = outcome(await post(token, await sessionCookieFor(invitee.id)));
    expect(accepted.status).toBe(302);
    expect(await prisma.roleAssignment.count({ where: { companyId, userId: invitee.id } })).toBe(1);
  });

  test("for a new account: refused too, instead of swapping the session for a new account", async () => {
    const other = await insertUser(prisma, { email: `autre-${n}@exemple.test`, passwordHash });
    const email = `nouveau-${n}@exemple.test`;
    const { token } = await invite(email);
    const cookie = await sessionCookieFor(other.id);
    const refused = outcome(
      await post(token, cookie, { name: "Jean Nouveau", password: PASSWORD, confirm: PASSWORD }),
    );
    expect(refused.status).toBe(403);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect(await getUserId(appRequest("/", { cookie }))).toBe(other.id);
  });

  test("an unreadable body is a French 400, never a 500", async () => {
    const { token } = await invite(`sans-corps-${n}@exemple.test`);
    const thrown = await action({
      request: appRequest(`/invitation/${token}`, { method: "POST" }),
      params: { token },
      context: {},
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).text()).toContain("n'a pas pu être lu");
  });
});
