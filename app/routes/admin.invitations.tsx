import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SelectField } from "~/components/forms";
import { InvitationSections } from "~/components/invite-form";
import { PageHeader, Section } from "~/components/page";
import { listPendingInvitations } from "~/models/invitation.server";
import { inviteAndRedirect } from "~/utils/invitation-form.server";
import { clubExists, listOpenClubs } from "~/models/clubs-admin.server";
import { departementExists, listDepartements } from "~/models/departements.server";
import { ROLE_LABELS } from "~/utils/domain";
import { requirePermission } from "~/utils/permissions.server";
import { inviteBaseSchema } from "~/utils/validation";
import { readForm } from "~/utils/forms.server";
import { isProConnectEnabled } from "~/utils/proconnect.server";
import { redirectWithFlash } from "~/utils/session.server";
import {
  proConnectRequiredSetting,
  setProConnectRequiredForAgents,
} from "~/models/agent-sign-in.server";

export const meta: MetaFunction = () => [{ title: "Comptes et invitations — Engagés" }];

const schema = /* @__PURE__ */ (() =>
  inviteBaseSchema
    .extend({
      role: z.enum(["ANIMATOR", "PREFECTURE", "ADMIN"], { error: "Choisissez le rôle." }),
      clubId: z.string().optional(),
      departementCode: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      if (value.role === "ANIMATOR" && !value.clubId) {
        ctx.addIssue({ code: "custom", path: ["clubId"], message: "Choisissez le club à animer." });
      }
      if (value.role === "PREFECTURE" && !value.departementCode) {
        ctx.addIssue({
          code: "custom",
          path: ["departementCode"],
          message: "Choisissez le département.",
        });
      }
    }))();

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const [clubs, departements, invitations] = await Promise.all([
    listOpenClubs(),
    listDepartements(),
    listPendingInvitations({ roles: ["ANIMATOR", "PREFECTURE", "ADMIN"] }),
  ]);
  return {
    clubs,
    departements,
    // The requirement is offered only when ProConnect is configured (decision 027).
    proConnect: isProConnectEnabled() ? { required: await proConnectRequiredSetting() } : null,
    invitations: invitations.map((i) => ({
      ...i,
      scope: `${ROLE_LABELS[i.role as keyof typeof ROLE_LABELS]}${i.club ? ` — ${i.club.name}` : ""}${i.departementCode ? ` — ${i.departementCode}` : ""}`,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const form = await readForm(request);
  if (form.get("intent") === "proconnect") {
    if (!isProConnectEnabled()) {
      return data({ result: null, error: "ProConnect n'est pas configuré." }, { status: 400 });
    }
    const required = form.get("required") === "on";
    await setProConnectRequiredForAgents(user.id, required);
    return redirectWithFlash(request, "/admin/invitations", {
      kind: "success",
      message: required
        ? "Les agents de préfecture se connectent désormais avec ProConnect uniquement."
        : "Les agents de préfecture peuvent de nouveau se connecter avec leur mot de passe.",
    });
  }
  const submission = parseWithZod(form, { schema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  const { role, clubId, departementCode } = submission.value;
  if (role === "ANIMATOR" && !(await clubExists(clubId ?? ""))) {
    return data(
      { result: submission.reply({ fieldErrors: { clubId: ["Ce club n'existe pas."] } }) },
      { status: 400 },
    );
  }
  if (role === "PREFECTURE" && !(await departementExists(departementCode ?? ""))) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { departementCode: ["Ce département n'existe pas."] },
        }),
      },
      { status: 400 },
    );
  }
  return inviteAndRedirect(request, user, submission, submission.value, "/admin/invitations");
}

export default function AdminInvitations() {
  const { clubs, departements, invitations, proConnect } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Comptes et invitations"
        intro="Invitez les animateurs de club, les agents de préfecture et les administrateurs. Ils choisiront leur mot de passe en acceptant l'invitation."
      />
      <InvitationSections lastResult={actionData?.result} invitations={invitations}>
        {(fields) => (
          <div className="grid gap-x-4 sm:grid-cols-3">
            <SelectField
              label="Rôle"
              errors={fields.role?.errors}
              selectProps={{ name: "role", id: "role", defaultValue: "ANIMATOR" }}
              options={[
                { value: "ANIMATOR", label: ROLE_LABELS.ANIMATOR },
                { value: "PREFECTURE", label: ROLE_LABELS.PREFECTURE },
                { value: "ADMIN", label: ROLE_LABELS.ADMIN },
              ]}
            />
            <SelectField
              label="Club (pour un animateur)"
              errors={fields.clubId?.errors}
              selectProps={{ name: "clubId", id: "clubId", defaultValue: "" }}
              options={[
                { value: "", label: "—" },
                ...clubs.map((c) => ({ value: c.id, label: `${c.departementCode} — ${c.name}` })),
              ]}
            />
            <SelectField
              label="Département (pour la préfecture)"
              errors={fields.departementCode?.errors}
              selectProps={{ name: "departementCode", id: "departementCode", defaultValue: "" }}
              options={[
                { value: "", label: "—" },
                ...departements.map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` })),
              ]}
            />
          </div>
        )}
      </InvitationSections>
      {proConnect ? (
        <Section id="proconnect" title="Connexion des agents de préfecture">
          <Form method="post">
            <input type="hidden" name="intent" value="proconnect" />
            <label className="mb-3 flex items-center gap-2">
              <input type="checkbox" name="required" defaultChecked={proConnect.required} />
              Exiger ProConnect : le mot de passe est refusé aux agents de préfecture
            </label>
            <button type="submit" className="btn-secondary">
              Enregistrer
            </button>
          </Form>
        </Section>
      ) : null}
    </>
  );
}
