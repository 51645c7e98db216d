// Long on purpose: the one authorisation module keeps every role and scope rule side by side.
// The one place that decides who may do what, where: (user, role, scope) → allowed or not.
// Every loader and action calls requirePermission (or can) before reading or writing.

import { prisma, type Tx } from "./db.server";
import { memoForRequest } from "./request-memo.server";
import { requireSignedInUser } from "./auth.server";
import { readUserById } from "./current-user.server";
import type { Role } from "./domain";
import type { Prisma } from "~/generated/prisma/client";

type Db = Tx | typeof prisma;

export type RoleScope = {
  id: string;
  role: Role;
  companyId: string | null;
  clubId: string | null;
  departementCode: string | null;
  /** Human name of the scope, for the space switcher. */
  scopeName: string;
};

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  roles: RoleScope[];
};

export type Permission =
  /** Read a company's own data (declarations, profile, team). */
  | { action: "company:read"; companyId: string }
  /** Change a company's data, declarations and team. */
  | { action: "company:write"; companyId: string }
  /** As a head office, see its establishments' declarations and group total, link or detach
   * them (decision 028): the head office's own people. */
  | { action: "company:group"; companyId: string }
  /** See a club's home, members, meetings and figures. */
  | { action: "club:read"; clubId: string }
  /** Run a club: members, invitations, meetings, reminders, moderation. */
  | { action: "club:manage"; clubId: string }
  /** See a département's aggregated figures and drill-down. */
  | { action: "departement:read"; departementCode: string }
  /** National administration. */
  | { action: "admin" }
  /** Open or close the annual declaration campaign of a département (its prefecture staff and
   * admins) or of the whole country ("*": admins). */
  | { action: "campaign:manage"; departementCode: string }
  /** Read a good practice (and its images, kudos and comments): see visiblePracticesWhere. */
  | { action: "practice:read"; practiceId: string }
  /** Give kudos, comment, say "tried it too", report: company people and animators who read it. */
  | { action: "practice:react"; practiceId: string }
  /** Post a practice for a company in a club: the company's people, while it is a member. */
  | { action: "practice:write"; companyId: string; clubId: string }
  /** Edit or delete a practice: the people of the company that posted it. */
  | { action: "practice:edit"; practiceId: string }
  /** Moderate a club's feed (feature, hide, handle reports): its animators, and admins. */
  | { action: "club:moderate"; clubId: string }
  /** Use the members' network (directory, Passerelles) as this company: its own people, while
   * the company is a member of a club. */
  | { action: "network:use"; companyId: string }
  /** As this company, see a Passerelles post (and contact its author). */
  | { action: "passerelle:see"; companyId: string; postId: string }
  /** As this company, write to another member company from the directory: the company's own
   * people, while it is a club member, to a company whose card it sees (visibleCompaniesWhere). */
  | { action: "directory:contact"; companyId: string; targetCompanyId: string }
  /** Conclude a Passerelles match: the host company's people (the side that receives staff). */
  | { action: "passerelle:conclude"; companyId: string; matchId: string };

/** The user with their roles, or null (read once per request: request-memo.server.ts). */
export function loadCurrentUser(userId: string): Promise<CurrentUser | null> {
  return memoForRequest(`user:${userId}`, () => readUserById(userId));
}

/** The signed-in user with their roles; redirects to sign-in when signed out. */
export function requireUser(request: Request): Promise<CurrentUser> {
  return requireSignedInUser(request);
}

const isAdmin = (user: CurrentUser) => user.roles.some((r) => r.role === "ADMIN");
const companyIds = (user: CurrentUser) =>
  user.roles.filter((r) => r.role === "COMPANY").map((r) => r.companyId!);
const animatedClubIds = (user: CurrentUser) =>
  user.roles.filter((r) => r.role === "ANIMATOR").map((r) => r.clubId!);
const prefectureDepartements = (user: CurrentUser) =>
  user.roles.filter((r) => r.role === "PREFECTURE").map((r) => r.departementCode!);

/** Decides one permission (once per request for the same user and permission). */
export function can(user: CurrentUser, permission: Permission): Promise<boolean> {
  return memoForRequest(`can:${user.id}:${JSON.stringify(permission)}`, () =>
    decide(user, permission),
  );
}

/** Pure role checks first; database lookups only for derived scopes. */
async function decide(user: CurrentUser, permission: Permission): Promise<boolean> {
  switch (permission.action) {
    case "admin":
      return isAdmin(user);

    case "company:write":
    case "company:group":
      // Only the company's own people: animators, prefecture and admins never edit declarations.
      return companyIds(user).includes(permission.companyId);

    case "company:read": {
      if (companyIds(user).includes(permission.companyId) || isAdmin(user)) return true;
      // Animators read their clubs' members' declarations; prefecture staff, those of their
      // département's clubs (read-only drill-down). Only a current MEMBER membership counts:
      // a prospect or a former member is not the club's to read (decision 013).
      const clubs = animatedClubIds(user);
      const departements = prefectureDepartements(user);
      if (clubs.length === 0 && departements.length === 0) return false;
      const membership = await prisma.clubMembership.findFirst({
        where: {
          companyId: permission.companyId,
          status: "MEMBER",
          OR: [{ clubId: { in: clubs } }, { club: { departementCode: { in: departements } } }],
        },
        select: { id: true },
      });
      return membership !== null;
    }

    case "club:manage":
      return animatedClubIds(user).includes(permission.clubId) || isAdmin(user);

    case "club:read": {
      if (animatedClubIds(user).includes(permission.clubId) || isAdmin(user)) return true;
      const club = await prisma.club.findUnique({
        where: { id: permission.clubId },
        select: {
          departementCode: true,
          memberships: {
            where: { companyId: { in: companyIds(user) }, status: "MEMBER" },
            select: { id: true },
          },
        },
      });
      if (!club) return false;
      return (
        prefectureDepartements(user).includes(club.departementCode) || club.memberships.length > 0
      );
    }

    case "departement:read":
      return prefectureDepartements(user).includes(permission.departementCode) || isAdmin(user);

    case "campaign:manage":
      return (
        isAdmin(user) ||
        (permission.departementCode !== "*" &&
          prefectureDepartements(user).includes(permission.departementCode))
      );

    case "practice:read":
      return (
        (await prisma.practice.count({
          where: { id: permission.practiceId, ...(await visiblePracticesWhere(user)) },
        })) > 0
      );

    case "practice:react":
      // Prefecture staff and admins read, they do not take part in the clubs' conversation.
      if (companyIds(user).length === 0 && animatedClubIds(user).length === 0) return false;
      return can(user, { action: "practice:read", practiceId: permission.practiceId });

    case "practice:write":
      return (
        companyIds(user).includes(permission.companyId) &&
        (await prisma.clubMembership.count({
          where: { companyId: permission.companyId, clubId: permission.clubId, status: "MEMBER" },
        })) > 0
      );

    case "practice:edit": {
      const practice = await prisma.practice.findUnique({
        where: { id: permission.practiceId },
        select: { companyId: true },
      });
      return practice !== null && companyIds(user).includes(practice.companyId);
    }

    case "club:moderate":
      return animatedClubIds(user).includes(permission.clubId) || isAdmin(user);

    case "network:use": {
      if (!companyIds(user).includes(permission.companyId)) return false;
      return (await networkScope(permission.companyId)).clubIds.length > 0;
    }

    case "passerelle:see": {
      if (!companyIds(user).includes(permission.companyId)) return false;
      const scope = await networkScope(permission.companyId);
      if (scope.clubIds.length === 0) return false;
      const post = await prisma.passerellePost.findFirst({
        where: {
          id: permission.postId,
          OR: [{ companyId: permission.companyId }, visiblePostsWhere(scope)],
        },
        select: { id: true },
      });
      return post !== null;
    }

    case "directory:contact": {
      if (!companyIds(user).includes(permission.companyId)) return false;
      if (permission.targetCompanyId === permission.companyId) return false;
      const scope = await networkScope(permission.companyId);
      if (scope.clubIds.length === 0) return false;
      const target = await prisma.company.findFirst({
        where: { AND: [{ id: permission.targetCompanyId }, visibleCompaniesWhere(scope)] },
        select: { id: true },
      });
      return target !== null;
    }

    case "passerelle:conclude": {
      if (!companyIds(user).includes(permission.companyId)) return false;
      const match = await prisma.passerelleMatch.findFirst({
        where: { id: permission.matchId, needPost: { companyId: permission.companyId } },
        select: { id: true },
      });
      return match !== null;
    }
  }
}

/** The clubs whose feed a user reads in full: their companies' clubs (as members), their animated clubs. */
async function feedClubsOf(user: CurrentUser) {
  const memberOf = await prisma.clubMembership.findMany({
    where: { companyId: { in: companyIds(user) }, status: "MEMBER" },
    select: { clubId: true, club: { select: { departementCode: true } } },
  });
  const animated = await prisma.club.findMany({
    where: { id: { in: animatedClubIds(user) } },
    select: { id: true, departementCode: true },
  });
  return {
    clubIds: [...memberOf.map((m) => m.clubId), ...animated.map((c) => c.id)],
    departements: [
      ...memberOf.map((m) => m.club.departementCode),
      ...animated.map((c) => c.departementCode),
    ],
  };
}

/**
 * The practices a user may read, as a Prisma filter (the feed and practice:read share it):
 * - CLUB: members of the club (companies with status MEMBER) and its animators;
 * - DEPARTEMENT: also everyone whose club is in the same département, and its prefecture staff;
 * - ALL: everyone signed in with a role.
 * Hidden practices stay readable by their own company and the club's moderators only.
 * Admins (national operator, moderation support) read everything.
 */
export async function visiblePracticesWhere(user: CurrentUser): Promise<Prisma.PracticeWhereInput> {
  if (isAdmin(user)) return {};
  if (user.roles.length === 0) return { id: { in: [] } };
  const { clubIds, departements } = await feedClubsOf(user);
  const allDepartements = [...departements, ...prefectureDepartements(user)];
  const ownCompanies = companyIds(user);
  const moderated = animatedClubIds(user);
  return {
    AND: [
      {
        OR: [
          { visibility: "ALL" },
          { clubId: { in: clubIds } },
          { visibility: "DEPARTEMENT", club: { departementCode: { in: allDepartements } } },
          { companyId: { in: ownCompanies } },
        ],
      },
      {
        OR: [
          { hiddenAt: null },
          { companyId: { in: ownCompanies } },
          { clubId: { in: moderated } },
        ],
      },
    ],
  };
}

/** Where a company stands in the members' network: the clubs it is a member of, and their
 * départements. Prospects and former members are outside the network. */
export async function networkScope(companyId: string) {
  const memberships = await prisma.clubMembership.findMany({
    where: { companyId, status: "MEMBER" },
    select: { clubId: true, club: { select: { departementCode: true } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    companyId,
    clubIds: memberships.map((m) => m.clubId),
    departementCodes: [...new Set(memberships.map((m) => m.club.departementCode))],
  };
}
export type NetworkScope = Awaited<ReturnType<typeof networkScope>>;

/** The open posts of other companies a company may see: those of its clubs, and those its
 * département's other clubs opened to the département. Never another département's. */
export function visiblePostsWhere(scope: NetworkScope) {
  return {
    status: "OPEN",
    companyId: { not: scope.companyId },
    OR: [
      { clubId: { in: scope.clubIds } },
      { visibility: "DEPARTEMENT", departementCode: { in: scope.departementCodes } },
    ],
  };
}

/** The directory cards a company may see: its clubs' members (unless they opted out), and the
 * members of its département's other clubs whose card is open to the département. */
export function visibleCompaniesWhere(scope: NetworkScope) {
  return {
    id: { not: scope.companyId },
    OR: [{ directoryCard: { is: null } }, { directoryCard: { is: { listed: true } } }],
    AND: [
      {
        OR: [
          { memberships: { some: { clubId: { in: scope.clubIds }, status: "MEMBER" } } },
          {
            directoryCard: { is: { visibility: "DEPARTEMENT" } },
            memberships: {
              some: { status: "MEMBER", club: { departementCode: { in: scope.departementCodes } } },
            },
          },
        ],
      },
    ],
  };
}

export function forbidden(message = "Vous n'avez pas accès à cette page."): never {
  throw new Response(message, { status: 403, statusText: "Forbidden" });
}

export function notFound(message = "Cette page n'existe pas."): never {
  throw new Response(message, { status: 404, statusText: "Not Found" });
}

/** The signed-in user, if they hold the permission; otherwise a 403 (or sign-in redirect). */
export async function requirePermission(request: Request, permission: Permission) {
  const user = await requireUser(request);
  if (!(await can(user, permission))) forbidden();
  return user;
}

/** The home page of one of the user's roles. */
export function homeOf(scope: RoleScope): string {
  switch (scope.role) {
    case "COMPANY":
      return `/entreprise/${scope.companyId}`;
    case "ANIMATOR":
      return `/club/${scope.clubId}`;
    case "PREFECTURE":
      return `/prefecture/${scope.departementCode}`;
    case "ADMIN":
      return "/admin";
  }
}

/** Who may invite whom: the scopes a user may hand out in an invitation (decision 013). */
export async function canInvite(
  user: CurrentUser,
  invitation: {
    role: Role;
    companyId?: string | null;
    clubId?: string | null;
    departementCode?: string | null;
  },
  /** The caller's transaction, when asked from inside one (a reminder carrying an invitation). */
  db: Db = prisma,
): Promise<boolean> {
  switch (invitation.role) {
    case "ADMIN":
    case "ANIMATOR":
    case "PREFECTURE":
      return isAdmin(user);
    case "COMPANY": {
      if (!invitation.companyId) return false;
      // A company's own people give it new people.
      if (companyIds(user).includes(invitation.companyId)) return true;
      // Nobody else gives people to a company that has some.
      if ((await companyPeopleCount(invitation.companyId, db)) > 0) return false;
      // The people of its head office (the same legal person: same SIREN) give an establishment
      // of their group its first person (decision 028).
      const ownEstablishment = await db.company.count({
        where: { id: invitation.companyId, headOfficeId: { in: companyIds(user) } },
      });
      if (ownEstablishment > 0) return true;
      // Its first person: the national operator, or an animator of the club that entered it,
      // while it is still that club's prospect or member.
      if (isAdmin(user)) return true;
      if (!invitation.clubId || !animatedClubIds(user).includes(invitation.clubId)) return false;
      return isClubOwnRecord(invitation.companyId, invitation.clubId, db);
    }
  }
}

/** How many people (COMPANY roles) act for a company; none: an unclaimed record. */
export function companyPeopleCount(companyId: string, db: Db = prisma) {
  return db.roleAssignment.count({ where: { companyId, role: "COMPANY" } });
}

/** The club that entered a company (its earliest membership), with that membership's status. */
export function firstMembershipOf(companyId: string, db: Db = prisma) {
  return db.clubMembership.findFirst({
    where: { companyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { clubId: true, status: true },
  });
}

/**
 * Is the company this club's own record: the club entered it, and it is still the club's
 * prospect or member? Only then may the club hand out its first access.
 */
export async function isClubOwnRecord(companyId: string, clubId: string, db: Db = prisma) {
  const first = await firstMembershipOf(companyId, db);
  return first?.clubId === clubId && (first.status === "PROSPECT" || first.status === "MEMBER");
}
