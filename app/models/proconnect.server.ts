// Which account a ProConnect identity signs in to (decision 027). An identity is linked once:
// from an invitation link (the invitation grants its role, as with a password), or to the
// existing account whose address is exactly the one ProConnect verified. It never creates an
// account nor grants a role by itself. Every link, sign-in and refusal is in the audit log.
import { acceptInvitationByHash, InvitationError } from "~/models/invitation.server";
import { audit } from "~/utils/audit.server";
import { prisma, type Tx } from "~/utils/db.server";
import { ProConnectError } from "~/utils/proconnect.server";
import type { ProConnectProfile } from "~/utils/proconnect-strategy.server";

export const PROCONNECT_LINK_MESSAGES = {
  noAccount: (email: string) =>
    `Aucun compte Engagés n'est ouvert pour l'adresse ${email} transmise par ProConnect. L'accès se fait sur invitation : ouvrez le lien de votre invitation, puis choisissez « S'identifier avec ProConnect ».`,
  unverifiedEmail: (email: string) =>
    `ProConnect n'a pas confirmé l'adresse ${email} : elle ne peut pas servir à retrouver votre compte. Ouvrez le lien de votre invitation, ou connectez-vous avec votre mot de passe.`,
  identityElsewhere:
    "Cette identité ProConnect est déjà liée à un autre compte Engagés : connectez-vous avec celui-ci, ou utilisez une autre identité ProConnect.",
  accountHasOther:
    "Ce compte Engagés est déjà lié à une autre identité ProConnect : identifiez-vous avec celle-ci, ou connectez-vous avec votre mot de passe.",
} as const;

const identityFields = (profile: ProConnectProfile) => ({
  email: profile.email,
  siret: profile.siret,
  idpId: profile.idpId,
});

/** What the audit log keeps of a ProConnect answer (never the tokens). */
const traced = (profile: ProConnectProfile) => ({
  sub: profile.sub,
  ...identityFields(profile),
  uid: profile.uid,
  acr: profile.acr,
});

async function link(tx: Tx, userId: string, profile: ProConnectProfile, via: string) {
  const identity = await tx.proConnectIdentity.create({
    data: { userId, sub: profile.sub, ...identityFields(profile), lastSignInAt: new Date() },
    select: { id: true },
  });
  await audit(tx, {
    actorId: userId,
    action: "PROCONNECT_LINK",
    entityType: "User",
    entityId: userId,
    after: { ...traced(profile), identityId: identity.id, via },
  });
}

async function recordSignIn(tx: Tx, userId: string, profile: ProConnectProfile) {
  await tx.proConnectIdentity.update({
    where: { sub: profile.sub },
    data: { ...identityFields(profile), lastSignInAt: new Date() },
  });
  await audit(tx, {
    actorId: userId,
    action: "PROCONNECT_SIGN_IN",
    entityType: "User",
    entityId: userId,
    after: traced(profile),
  });
}

/** Records a refused ProConnect sign-in (the only row such a refusal writes). */
export async function recordProConnectRefusal(
  reason: string,
  profile: Pick<ProConnectProfile, "sub" | "email"> | null = null,
) {
  await audit(prisma, {
    actorId: null,
    action: "PROCONNECT_REFUSED",
    entityType: "ProConnect",
    entityId: profile?.sub ?? "inconnu",
    after: { reason, ...(profile ? { sub: profile.sub, email: profile.email } : {}) },
  });
}

const refuse = (message: string, reason: string): never => {
  throw new ProConnectError(message, reason);
};

/** The account of the identity, signing in; linked first when it is not yet (rules above). */
export async function signInWithProConnect(
  profile: ProConnectProfile,
  invitationTokenHash: string | null,
): Promise<string> {
  const linked = await prisma.proConnectIdentity.findUnique({
    where: { sub: profile.sub },
    select: { userId: true },
  });
  if (invitationTokenHash) return acceptWithProConnect(profile, invitationTokenHash, linked);
  if (linked) {
    await prisma.$transaction((tx) => recordSignIn(tx, linked.userId, profile));
    return linked.userId;
  }
  if (!profile.emailVerified) {
    refuse(PROCONNECT_LINK_MESSAGES.unverifiedEmail(profile.email), "email_not_verified");
  }
  // An account that was opened (through an invitation: its address was proven then), matched
  // on the exact address.
  const account = await prisma.user.findUnique({
    where: { email: profile.email },
    select: { id: true, passwordHash: true, proConnect: { select: { id: true } } },
  });
  if (!account?.passwordHash) {
    return refuse(PROCONNECT_LINK_MESSAGES.noAccount(profile.email), "no_account_for_email");
  }
  if (account.proConnect)
    refuse(PROCONNECT_LINK_MESSAGES.accountHasOther, "account_has_other_identity");
  await prisma.$transaction((tx) => link(tx, account.id, profile, "email"));
  return account.id;
}

async function acceptWithProConnect(
  profile: ProConnectProfile,
  invitationTokenHash: string,
  linked: { userId: string } | null,
) {
  try {
    return await acceptInvitationByHash(invitationTokenHash, {
      name: `${profile.givenName} ${profile.usualName}`.trim() || profile.email,
      proConnect: async (tx, userId) => {
        if (linked && linked.userId !== userId) {
          refuse(PROCONNECT_LINK_MESSAGES.identityElsewhere, "identity_linked_elsewhere");
        }
        if (linked) return recordSignIn(tx, userId, profile);
        const other = await tx.proConnectIdentity.findUnique({
          where: { userId },
          select: { id: true },
        });
        if (other) refuse(PROCONNECT_LINK_MESSAGES.accountHasOther, "account_has_other_identity");
        await link(tx, userId, profile, "invitation");
      },
    });
  } catch (error) {
    if (error instanceof InvitationError)
      throw new ProConnectError(error.message, "invitation_refused");
    throw error;
  }
}
