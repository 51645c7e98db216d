// The required fields written out for the browser (decision 017) are those of the schemas.
import { expect, test } from "vitest";
import { z } from "zod";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { requiredConstraint } from "~/utils/required-fields";
import { clubSchema } from "~/utils/schemas/club";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { meetingSchema } from "~/utils/schemas/meeting";
import { practiceSchema } from "~/utils/schemas/practice";
import { realisationSchema } from "~/utils/schemas/realisation";
import { emailField, inviteBaseSchema, loginSchema, withNewPassword } from "~/utils/validation";

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
] as const)("%s", (key, schema) => {
  expect(Object.keys(REQUIRED_FIELDS[key]).sort()).toEqual(requiredOf(schema));
});
