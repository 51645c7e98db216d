// What the audit log keeps of a club membership, before and after each change (shared by the
// animators' changes in club-members.server.ts and the company's answer to a join request).

/** The membership's columns to read for its audit snapshot (and its id). */
export const MEMBERSHIP_FIELDS = {
  id: true,
  status: true,
  joinedAt: true,
  leftAt: true,
  contactName: true,
  contactEmail: true,
  remindersOptOut: true,
} as const;

type MembershipSnapshot = {
  status: string;
  joinedAt: Date | null;
  leftAt: Date | null;
  contactName: string | null;
  contactEmail: string | null;
};

/** The audited part of a membership. */
export const membershipSnapshot = (m: MembershipSnapshot) => ({
  status: m.status,
  joinedAt: m.joinedAt,
  leftAt: m.leftAt,
  contactName: m.contactName,
  contactEmail: m.contactEmail,
});
