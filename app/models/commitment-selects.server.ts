// What the queries of commitments share: the lists' order, the fields that name a commitment and
// those of its whole record (its page, the company's export).
import type { Prisma } from "~/generated/prisma/client";

/** Every list of commitments: the newest year first, then the last declared. */
export const NEWEST_COMMITMENTS_FIRST = [
  { year: "desc" },
  { createdAt: "desc" },
] satisfies Prisma.CommitmentOrderByWithRelationInput[];

/** What a list names a commitment by: its year, its ambition and its status. */
export const COMMITMENT_HEADLINE = {
  id: true,
  year: true,
  ambition: true,
  status: true,
} satisfies Prisma.CommitmentSelect;

/** A commitment's own record, as its page and the company's export show it. */
export const COMMITMENT_RECORD = {
  ...COMMITMENT_HEADLINE,
  actionTypeCode: true,
  otherPublicLabel: true,
  targetQuantity: true,
  targetUnit: true,
  startDate: true,
  endDate: true,
  visibility: true,
  createdAt: true,
  updatedAt: true,
  theme: { select: { label: true } },
  club: { select: { name: true } },
  createdBy: { select: { name: true } },
} satisfies Prisma.CommitmentSelect;
