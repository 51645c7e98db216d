import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { HistoryList } from "~/components/history-list";
import { BackLink, PageHeader, Section } from "~/components/page";
import { formatDate, formatDay } from "~/utils/format";
import { useCompanySpace } from "~/components/company-nav";
import { CommitmentProgressView } from "~/components/commitment-progress";
import { CommitmentError, setCommitmentStatus } from "~/models/commitment.server";
import {
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_VISIBILITY_LABELS,
  type CommitmentStatus,
} from "~/utils/domain";
import { historyOf } from "~/utils/audit.server";
import { can } from "~/utils/permissions.server";
import { commitmentStatusSchema } from "~/utils/schemas/commitment";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { requireCompanyCommitment } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Engagement — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId, commitment } = await requireCompanyCommitment(
    request,
    params,
    "company:read",
  );
  const [history, canEdit] = await Promise.all([
    historyOf("Commitment", commitment.id),
    can(user, { action: "company:write", companyId }),
  ]);
  return { companyId, commitment, history, canEdit };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId, commitmentId } = await requireCompanyCommitment(
    request,
    params,
    "company:write",
  );
  const submission = parseWithZod(await readForm(request), { schema: commitmentStatusSchema });
  if (submission.status !== "success") {
    return data({ error: "Choisissez un état de la liste." }, { status: 400 });
  }
  try {
    await setCommitmentStatus(user.id, companyId, commitmentId, submission.value.status);
  } catch (error) {
    if (error instanceof CommitmentError) return data({ error: error.message }, { status: 404 });
    throw error;
  }
  return redirectWithFlash(request, `/entreprise/${companyId}/engagements/${commitmentId}`, {
    kind: "success",
    message: `État de l'engagement : ${COMMITMENT_STATUS_LABELS[submission.value.status]}.`,
  });
}

export default function CommitmentPage() {
  const { companyId, commitment: c, history, canEdit } = useLoaderData<typeof loader>();
  const { companyName, own } = useCompanySpace();
  return (
    <>
      <BackLink to={`/entreprise/${companyId}/engagements`}>
        {own ? "Mes engagements" : `Engagements de ${companyName}`}
      </BackLink>
      <PageHeader
        title={c.ambition}
        intro={`${c.theme.label} · ${c.actionType.label} · ${c.year} · ${COMMITMENT_STATUS_LABELS[c.status as CommitmentStatus]}`}
        actions={
          canEdit ? (
            <>
              <Link
                to={`/entreprise/${companyId}/realisations/nouvelle?engagement=${c.id}`}
                className="btn-primary"
              >
                Enregistrer une réalisation
              </Link>
              <Link to="modifier" className="btn-secondary">
                Modifier
              </Link>
            </>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Section id="avancement" title="Avancement" className="card lg:col-span-2">
          <CommitmentProgressView
            progress={c.progress}
            targetQuantity={c.targetQuantity}
            endDate={c.endDate}
            ambition={c.ambition}
          />
          <dl className="mt-6 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <dt className="font-semibold">Publics</dt>
            <dd>
              {c.publics.map((p) => p.publicCategory.label).join(", ")}
              {c.otherPublicLabel ? ` (${c.otherPublicLabel})` : ""}
            </dd>
            <dt className="font-semibold">Période</dt>
            <dd>
              du {formatDay(c.startDate)} au {formatDay(c.endDate)}
            </dd>
            <dt className="font-semibold">Club</dt>
            <dd>{c.club.name}</dd>
            <dt className="font-semibold">Visibilité</dt>
            <dd>
              {
                COMMITMENT_VISIBILITY_LABELS[
                  c.visibility as keyof typeof COMMITMENT_VISIBILITY_LABELS
                ]
              }
            </dd>
            <dt className="font-semibold">Déclaré</dt>
            <dd>
              le {formatDate(c.createdAt)}
              {c.createdBy ? ` par ${c.createdBy.name}` : ""}
            </dd>
            <dt className="font-semibold">Identifiant (pour l&apos;import)</dt>
            <dd>
              <code>{c.id}</code>
            </dd>
          </dl>
        </Section>
        {canEdit ? (
          <Section id="etat" title="Changer l'état" className="card">
            <Form method="post">
              <label htmlFor="status" className="label">
                État
              </label>
              <select id="status" name="status" defaultValue={c.status} className="input mb-3">
                {Object.entries(COMMITMENT_STATUS_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn-secondary">
                Enregistrer l&apos;état
              </button>
            </Form>
          </Section>
        ) : null}
      </div>
      <Section id="historique" title="Historique" className="card mt-6">
        <HistoryList entries={history} statusLabels={COMMITMENT_STATUS_LABELS} />
      </Section>
    </>
  );
}
