import { quantityOf, formatDate } from "~/utils/format";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MarkdownContent } from "~/components/markdown-content";
import { PageHeader, Section } from "~/components/page";
import { publicCompanyPage } from "~/models/emulation.server";
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from "~/utils/domain";
import { notFound } from "~/utils/permissions.server";

// The opt-in public page of a company (Company.publicPage, set in its profile): open to all,
// it shows only commitments marked "Public" and practices shared with "everyone". A 404 when the
// company did not opt in — the same answer as for a company that does not exist.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.company.name ?? "Entreprise"} — ses engagements pour l'inclusion — Engagés` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const company = await publicCompanyPage(params.companyId ?? "");
  if (!company) notFound();
  return { company };
}

export default function PublicCompanyPage() {
  const { company: c } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={c.name}
        intro={[
          c.commune?.name,
          c.nafLabel,
          c.clubs.length ? `membre de ${c.clubs.join(", ")}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      />
      {c.website ? (
        <p className="mb-6">
          <a href={c.website} rel="noopener noreferrer nofollow">
            Site de l&apos;entreprise
          </a>
        </p>
      ) : null}
      <Section id="engagements" title="Ses engagements pour l'inclusion" className="mb-8" large>
        {c.commitments.length === 0 ? (
          <p className="card text-gray-700">Aucun engagement rendu public pour l&apos;instant.</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {c.commitments.map((cm) => (
              <li key={cm.id} className="card">
                <p className="text-sm text-gray-700">
                  {cm.year} · {cm.theme.label} · {cm.actionType.label} ·{" "}
                  {COMMITMENT_STATUS_LABELS[cm.status as CommitmentStatus]}
                </p>
                <h3 className="mt-1 font-semibold">{cm.ambition}</h3>
                {cm.targetQuantity ? (
                  <p className="mt-1 text-sm">
                    Objectif : {quantityOf(cm.targetQuantity, cm.targetUnit ?? "PEOPLE")}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="pratiques" title="Ses bonnes pratiques" className="" large>
        {c.practices.length === 0 ? (
          <p className="card text-gray-700">Aucune bonne pratique partagée publiquement.</p>
        ) : (
          <div className="space-y-4">
            {c.practices.map((p) => (
              <article key={p.id} className="card">
                <h3 className="text-lg font-bold">{p.title}</h3>
                <p className="mb-2 text-sm text-gray-700">{formatDate(p.createdAt)}</p>
                <MarkdownContent html={p.bodyHtml} />
              </article>
            ))}
          </div>
        )}
      </Section>
    </>
  );
}
