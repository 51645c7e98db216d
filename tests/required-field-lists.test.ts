// The required fields written out for the browser (decision 017) are those of the schemas.
import { expect, test } from "vitest";
import { z } from "zod";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { requiredConstraint } from "~/utils/required-fields";
import { clubSchema } from "~/utils/schemas/club";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { meetingSchema } from "~/utils/schemas/meeting";
import { commentSchema, practiceSchema, reportSchema } from "~/utils/schemas/practice";
import { realisationSchema } from "~/utils/schemas/realisation";
import { emailField, inviteBaseSchema, loginSchema, withNewPassword } from "~/utils/validation";
import { companyProfileSchema } from "~/models/company-profile.server";
import { headOfficeLinkSchema } from "~/models/company-head-office.server";
import { establishmentInvitationSchema } from "~/models/company-group.server";
import { membershipContactSchema } from "~/models/club-members.server";
import { prospectSchema } from "~/models/club-prospects.server";
import { walkInSchema } from "~/models/meeting-attendance.server";
import { cardSchema, concludeSchema, contactSchema, postSchema } from "~/utils/schemas/passerelle";
import { companyContactSchema } from "~/utils/schemas/company-contact";
import { capSchema, sendSchema } from "~/utils/reminder-forms.server";
import { changeSiretSchema, inviteFirstSchema } from "~/routes/admin.entreprises";

const requiredOf = (schema: Parameters<typeof requiredConstraint>[0]) =>
  Object.keys(requiredConstraint(schema))
    .filter((name) => requiredConstraint(schema)[name].required)
    .sort();

test.each([
  ["realisation", realisationSchema],
  ["meeting", meetingSchema()],
  ["commitment", commitmentSchema],
  ["club", clubSchema],
  ["practice", practiceSchema],
  ["invite", inviteBaseSchema],
  ["login", loginSchema],
  ["forgotPassword", z.object({ email: emailField })],
  ["newPassword", withNewPassword({})],
  ["newAccount", withNewPassword({ name: z.string().min(2) })],
  ["companyProfile", companyProfileSchema],
  ["headOffice", headOfficeLinkSchema],
  ["establishmentInvite", establishmentInvitationSchema],
  ["passerellePost", postSchema],
  ["passerelleContact", contactSchema],
  ["passerelleConclude", concludeSchema],
  ["companyContact", companyContactSchema],
  ["prospect", prospectSchema],
  ["membershipContact", membershipContactSchema],
  ["walkIn", walkInSchema],
  ["comment", commentSchema],
  ["report", reportSchema],
  ["reminderSend", sendSchema()],
  ["reminderSettings", capSchema()],
  ["adminChangeSiret", changeSiretSchema],
  ["adminInviteFirst", inviteFirstSchema],
] as const)("%s", (key, schema) => {
  expect(Object.keys(REQUIRED_FIELDS[key]).sort()).toEqual(requiredOf(schema));
});

// The card's trade lists read as required to conform (an optional input behind a transform),
// but an empty list is a valid answer: no box ticked.
test("directoryCard", () => {
  const optionalLists = ["tradesEmployed", "tradesRecruited"];
  expect(cardSchema.safeParse({ visibility: "CLUB" }).success).toBe(true);
  expect(cardSchema.safeParse({}).success).toBe(false);
  expect(Object.keys(REQUIRED_FIELDS.directoryCard).sort()).toEqual(
    requiredOf(cardSchema).filter((name) => !optionalLists.includes(name)),
  );
});
