// Whether prefecture agents must sign in with ProConnect (decision 027): a national setting the
// administrator changes (audited). Agents of the State all have a ProConnect account; animators
// (chambers of commerce, associations) and companies may not, so the rule covers the prefecture
// role only. It holds only while ProConnect is configured: without it nobody could sign in.
import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { isProConnectEnabled } from "~/utils/proconnect.server";

const KEY = "proConnectRequiredForAgents";

export const AGENTS_USE_PROCONNECT =
  "Les agents de préfecture se connectent avec ProConnect : choisissez « S'identifier avec ProConnect »." as const;

/** The roles whose holders must use ProConnect when the setting is on. */
export const AGENT_ROLES = ["PREFECTURE"] as const;

/** The administrator's choice, as stored (whether or not ProConnect is configured). */
export async function proConnectRequiredSetting() {
  const row = await prisma.appSetting.findUnique({ where: { key: KEY }, select: { value: true } });
  return row?.value === "true";
}

/** True when the setting is on and ProConnect is configured. */
export async function isProConnectRequiredForAgents() {
  return isProConnectEnabled() && (await proConnectRequiredSetting());
}

/** True when this user holds an agent role and must therefore sign in with ProConnect. */
export async function mustUseProConnect(userId: string) {
  if (!(await isProConnectRequiredForAgents())) return false;
  const agentRole = await prisma.roleAssignment.findFirst({
    where: { userId, role: { in: [...AGENT_ROLES] } },
    select: { id: true },
  });
  return agentRole !== null;
}

/** Turns the requirement on or off, audited; returns whether it changed. */
export async function setProConnectRequiredForAgents(actorId: string, required: boolean) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.appSetting.findUnique({ where: { key: KEY } });
    const was = before?.value === "true";
    if (was === required) return false;
    await tx.appSetting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: String(required) },
      update: { value: String(required) },
    });
    await audit(tx, {
      actorId,
      action: "UPDATE",
      entityType: "AppSetting",
      entityId: KEY,
      before: { [KEY]: was },
      after: { [KEY]: required },
    });
    return true;
  });
}
