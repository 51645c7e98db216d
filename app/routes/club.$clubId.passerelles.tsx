import { countOf, formatDate } from "~/utils/format";
import { zoneOfDepartement } from "~/utils/time/zones";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { ContactForm } from "~/components/passerelle-contact-form";
import { PasserelleSection, PostSummary } from "~/components/passerelle-post";
import { brokerMatch, matchesOfClub } from "~/models/passerelle-match.server";
import { listPostsOf, PasserelleError, proposalsForClub } from "~/models/passerelle.server";
import { requireClubPage } from "~/utils/club-route.server";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import { contactSchema, fieldErrors } from "~/utils/schemas/passerelle";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Passerelles du club — Engagés" }];

// GET and POST (broker): the club's animators and admins (club:manage).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:manage");
  const [posts, matches] = await Promise.all([listPostsOf({ clubId }), matchesOfClub(clubId)]);
  const linked = new Set(matches.map((m) => `${m.needPost.id}:${m.offerPost.id}`));
  const board = await Promise.all(
    posts.map(async (post) => ({
      post,
      proposals: (await proposalsForClub(post, clubId, club.departementCode, 3)).map((p) => ({
        ...p,
        linked: linked.has(
          post.kind === "NEED" ? `${post.id}:${p.post.id}` : `${p.post.id}:${post.id}`,
        ),
      })),
    })),
  );
  return { club, board, matches };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId, club } = await requireClubPage(request, params, "club:manage");
  const form = await readForm(request);
  const target = `${form.get("postId")}:${form.get("counterpartId")}`;
  const parsed = contactSchema.safeParse(Object.fromEntries(form));
  if (form.get("intent") !== "broker" || !parsed.success) {
    const errors = parsed.success
      ? { form: ["Cette action n'existe pas sur cette page."] }
      : fieldErrors(parsed.error);
    return data({ errors, target }, { status: 400 });
  }
  try {
    await brokerMatch(
      { userId: user.id, name: user.name, email: user.email, organisation: club.name },
      club,
      parsed.data.postId,
      parsed.data.counterpartId,
      parsed.data.message,
    );
  } catch (error) {
    if (!(error instanceof PasserelleError || error instanceof QuotaExceeded)) throw error;
    return data({ errors: { form: [error.message] }, target }, { status: refusalStatus(error) });
  }
  return redirectWithFlash(request, `/club/${clubId}/passerelles`, {
    kind: "success",
    message: "Les deux entreprises ont reçu votre mise en relation par e-mail.",
  });
}

export default function ClubPasserellesPage() {
  const { club, board, matches } = useLoaderData<typeof loader>();
  const zone = zoneOfDepartement(club.departementCode);
  const actionData = useActionData<typeof action>();
  const open = board.filter((b) => b.post.status === "OPEN");
  return (
    <>
      <ClubNav clubId={club.id} />
      <PageHeader
        title="Passerelles du club"
        intro="Les besoins et les disponibilités des membres du club, avec les rapprochements possibles (y compris les annonces des autres clubs ouvertes au département). Mettez les entreprises en relation : elles reçoivent chacune un e-mail, et vous répondent directement."
      />
      <PasserelleSection
        id="club-posts"
        title={<>Annonces ouvertes ({open.length})</>}
        className="mb-8"
      >
        {open.length === 0 ? (
          <p className="text-gray-700">Aucune annonce ouverte dans le club.</p>
        ) : (
          <ul className="space-y-4">
            {open.map(({ post, proposals }) => (
              <li key={post.id} className="card">
                <PostSummary post={post} showCompany />
                <h3 className="mt-3 text-base font-semibold text-gray-900">
                  Rapprochements possibles
                </h3>
                {proposals.length === 0 ? (
                  <p className="text-sm text-gray-700">Aucune annonce ne correspond.</p>
                ) : (
                  <ul className="mt-2 space-y-3">
                    {proposals.map((p) => {
                      const key = `${post.id}:${p.post.id}`;
                      return (
                        <li key={p.post.id} className="rounded border border-gray-200 p-3">
                          <PostSummary post={p.post} showCompany headingLevel={4} />
                          <ul className="mt-1 list-disc pl-5 text-sm text-gray-800">
                            {p.reasons.map((reason) => (
                              <li key={reason}>{reason}</li>
                            ))}
                          </ul>
                          {p.linked ? (
                            <p className="mt-2 text-sm font-medium">Déjà en relation.</p>
                          ) : (
                            <>
                              {actionData?.target === key ? (
                                <FormErrors errors={actionData.errors.form} />
                              ) : null}
                              <ContactForm
                                postId={post.id}
                                counterpartId={p.post.id}
                                intent="broker"
                                buttonLabel="Mettre en relation"
                                defaultMessage={`Bonjour, ${post.company.name} et ${p.post.company.name} pourraient s'entraider sur ce métier. Je vous mets en relation : répondez à ce message pour échanger.`}
                                errors={
                                  actionData?.target === key
                                    ? (actionData.errors as Record<string, string[]>).message
                                    : undefined
                                }
                              />
                            </>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </PasserelleSection>
      <PasserelleSection id="club-matches" title={<>Mises en relation ({matches.length})</>}>
        {matches.length === 0 ? (
          <p className="text-gray-700">Aucune mise en relation pour le moment.</p>
        ) : (
          <TableScroll label="Mises en relation du club">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">
                    Accueil (besoin)
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Entreprise qui prête ou reclasse
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Depuis le
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    État
                  </th>
                </tr>
              </thead>
              <tbody>
                {matches.map((m) => (
                  <tr key={m.id} className="border-b border-gray-200">
                    <td className="py-2 pr-3">
                      {m.needPost.company.name} ({m.needPost.tradeLabel})
                    </td>
                    <td className="py-2 pr-3">{m.offerPost.company.name}</td>
                    <td className="py-2 pr-3">{formatDate(m.contactedAt, zone)}</td>
                    <td className="py-2 pr-3">
                      {m.status === "CONCLUDED"
                        ? `Conclue : ${countOf(m.headcount ?? 0, "personne")}`
                        : "En cours"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </PasserelleSection>
    </>
  );
}
