// The required fields of each form, for the `constraint` of app/components/use-form.tsx: each
// control then carries `required` and the shared field components show the asterisk (RGAA
// 11.10). Written out so that no schema reaches the browser (decision 017);
// tests/required-field-lists.test.ts checks each list against `requiredConstraint(schema)`.
const required = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, { required: true }])) as Record<
    string,
    { required?: boolean }
  >;

export const REQUIRED_FIELDS = {
  realisation: required("date", "actionTypeCode", "publicCategoryCode", "quantity"),
  meeting: required("title", "startsAt", "endsAt"),
  commitment: required(
    "year",
    "themeCode",
    "actionTypeCode",
    "publics",
    "publics[]",
    "ambition",
    "startDate",
    "endDate",
  ),
  club: required("departementCode", "name"),
  practice: required("clubId", "title", "body", "visibility", "publics[]", "themes[]"),
  invite: required("email", "name"),
  login: required("email", "password"),
  forgotPassword: required("email"),
  newPassword: required("password", "confirm"),
  newAccount: required("name", "password", "confirm"),
  // The secondary forms (hidden ids included: the schema requires them too).
  companyProfile: required("name"),
  headOffice: required("headOfficeSiret"),
  establishmentInvite: required("email", "name", "siret", "establishmentName"),
  passerellePost: required(
    "kind",
    "arrangement",
    "romeDomain",
    "tradeLabel",
    "headcount",
    "startDate",
    "endDate",
    "communeCode",
    "visibility",
  ),
  passerelleContact: required("postId", "counterpartId", "message"),
  passerelleConclude: required(
    "matchId",
    "arrangement",
    "headcount",
    "startDate",
    "endDate",
    "publicCategoryCode",
  ),
  directoryCard: required("visibility"),
  companyContact: required("toCompanyId", "message"),
  prospect: required("siret", "name", "contactName", "contactEmail"),
  membershipContact: required("contactEmail"),
  walkIn: required("companyId", "email"),
  comment: required("body"),
  report: required("reason"),
  reminderSend: required("membershipIds", "membershipIds[]", "message"),
  reminderSettings: required("reminderCapDays"),
  adminChangeSiret: required("companyId", "siret"),
  adminInviteFirst: required("companyId", "email", "name"),
};
