// Who is signed in, with their roles and the names of their scopes, in one query. Every signed-in
// page reads it; through Prisma's relations it took six (session, user, roles, then the roles'
// company, club and département names), each costing the process about half a millisecond
// (issue 14's profile of the load bench).

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import type { Role } from "./domain";
import type { CurrentUser } from "./permissions.server";

type Row = {
  id: string;
  email: string;
  name: string;
  roleId: string | null;
  role: string | null;
  companyId: string | null;
  clubId: string | null;
  departementCode: string | null;
  companyName: string | null;
  clubName: string | null;
  departementName: string | null;
};

/** The user and roles that `from` (a FROM clause naming the user `u`) and `where` select. */
async function readUser(from: Prisma.Sql, where: Prisma.Sql): Promise<CurrentUser | null> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT u."id", u."email", u."name", r."id" AS "roleId", r."role", r."companyId", r."clubId",
      r."departementCode", co."name" AS "companyName", cl."name" AS "clubName",
      d."name" AS "departementName"
    FROM ${from}
      LEFT JOIN "RoleAssignment" r ON r."userId" = u."id"
      LEFT JOIN "Company" co ON co."id" = r."companyId"
      LEFT JOIN "Club" cl ON cl."id" = r."clubId"
      LEFT JOIN "Departement" d ON d."code" = r."departementCode"
    WHERE ${where}
    ORDER BY r."createdAt", r."id"`;
  const [first] = rows;
  if (!first) return null;
  return {
    id: first.id,
    email: first.email,
    name: first.name,
    roles: rows
      .filter((r) => r.roleId !== null)
      .map((r) => ({
        id: r.roleId!,
        role: r.role as Role,
        companyId: r.companyId,
        clubId: r.clubId,
        departementCode: r.departementCode,
        scopeName:
          r.companyName ??
          r.clubName ??
          (r.departementName ? `${r.departementName} (${r.departementCode})` : "National"),
      })),
  };
}

/** The user with this id and their roles, or null. */
export function readUserById(userId: string) {
  return readUser(Prisma.sql`"User" u`, Prisma.sql`u."id" = ${userId}`);
}

/** The user of this session and their roles, or null when the session is unknown or expired. */
export function readSessionUser(sessionId: string, now = new Date()) {
  return readUser(
    Prisma.sql`"Session" s JOIN "User" u ON u."id" = s."userId"`,
    Prisma.sql`s."id" = ${sessionId} AND s."expiresAt" >= ${now}`,
  );
}
