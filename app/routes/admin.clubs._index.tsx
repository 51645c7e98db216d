import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClubForm } from "~/components/club-form";
import { PageHeader, Section } from "~/components/page";
import { formatDate, countOf } from "~/utils/format";
import { DataTable } from "~/components/data-table";
import { ClubAdminError, createClub, listClubsForAdmin } from "~/models/clubs-admin.server";
import { listDepartements } from "~/models/departements.server";
import { errorReply, readForm } from "~/utils/forms.server";
import { requirePermission } from "~/utils/permissions.server";
import { clubSchema } from "~/utils/schemas/club";
import { redirectWithFlash } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Clubs — Administration — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const [clubs, departements] = await Promise.all([listClubsForAdmin(), listDepartements()]);
  return { clubs, departements };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const submission = parseWithZod(await readForm(request), { schema: clubSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  try {
    const clubId = await createClub(user.id, submission.value);
    return redirectWithFlash(request, `/admin/clubs/${clubId}`, {
      kind: "success",
      message: `Le club « ${submission.value.name} » est créé. Invitez maintenant son animateur.`,
    });
  } catch (error) {
    if (error instanceof ClubAdminError) {
      return data({ result: errorReply(submission, error) }, { status: error.status });
    }
    throw error;
  }
}

export default function AdminClubs() {
  const { clubs, departements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Clubs"
        intro="Créez les clubs départementaux, invitez leurs animateurs, fermez un club qui s'arrête : son historique et ses chiffres restent."
      />
      <Section
        id="liste"
        title={
          <>{clubs.length === 0 ? "Aucun club pour l'instant" : countOf(clubs.length, "club")}</>
        }
      >
        {clubs.length === 0 ? (
          <p>Créez le premier club avec le formulaire ci-dessous, puis invitez son animateur.</p>
        ) : (
          <DataTable
            caption="Clubs par département"
            columns={[
              "Département",
              "Club",
              "Animateurs",
              { label: "Membres", className: "text-right" },
              "État",
            ]}
          >
            {clubs.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.departementName} ({c.departementCode})
                </td>
                <th scope="row" className="font-normal">
                  <Link to={`/admin/clubs/${c.id}`}>{c.name}</Link>
                </th>
                <td>
                  {c.animators.length === 0
                    ? "Aucun animateur"
                    : c.animators.map((a) => a.name).join(", ")}
                </td>
                <td className="text-right tabular-nums">{c.memberCount}</td>
                <td>{c.closedAt ? `Fermé le ${formatDate(c.closedAt)}` : "Ouvert"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      <Section id="creer" title="Créer un club" className="card">
        <ClubForm
          id="create-club"
          departements={departements}
          defaults={{ departementCode: "", name: "", description: "" }}
          lastResult={actionData?.result}
          submitLabel="Créer le club"
        />
      </Section>
    </>
  );
}
