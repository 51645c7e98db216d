import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClubNav } from "~/components/club-nav";
import { SelectField } from "~/components/forms";
import { InvitationSections } from "~/components/invite-form";
import { PageHeader } from "~/components/page";
import { listInvitableCompanies } from "~/models/club-member-lists.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { inviteAndRedirect } from "~/utils/invitation-form.server";
import { requirePermission } from "~/utils/permissions.server";
import { requireClubPage } from "~/utils/club-route.server";
import { inviteBaseSchema } from "~/utils/validation";
import { readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Inviter une entreprise — Engagés" }];

const schema = /* @__PURE__ */ (() =>
  inviteBaseSchema.extend({
    companyId: z.string({ error: "Choisissez l'entreprise." }).min(1, "Choisissez l'entreprise."),
  }))();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:manage");
  const [companies, invitations] = await Promise.all([
    listInvitableCompanies(clubId),
    listPendingInvitations({ clubId, roles: ["COMPANY"] }),
  ]);
  return {
    club,
    companies,
    invitations: invitations.map((i) => ({ ...i, scope: i.company?.name ?? "" })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const clubId = params.clubId ?? "";
  const user = await requirePermission(request, { action: "club:manage", clubId });
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  return inviteAndRedirect(
    request,
    user,
    submission,
    { ...submission.value, role: "COMPANY", clubId },
    `/club/${clubId}/invitations`,
  );
}

export default function ClubInvitations() {
  const { club, companies, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ClubNav clubId={club.id} />
      <PageHeader
        title="Inviter une entreprise"
        intro="Invitez la première personne qui déclarera pour une entreprise que le club a inscrite : elle recevra un lien pour créer son compte. Une entreprise qui a déjà son équipe invite elle-même ses collègues."
      />
      <InvitationSections lastResult={actionData?.result} invitations={invitations}>
        {(fields) => (
          <SelectField
            label="Entreprise"
            errors={fields.companyId?.errors}
            selectProps={{ name: "companyId", id: "companyId", defaultValue: "" }}
            options={[
              { value: "", label: "Choisir une entreprise du club sans compte" },
              ...companies.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        )}
      </InvitationSections>
    </>
  );
}
