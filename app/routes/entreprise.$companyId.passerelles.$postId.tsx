import { countOf, formatDate } from "~/utils/format";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { Field, FormErrors, RequiredFieldsNote, SelectField } from "~/components/forms";
import { HeadcountPeriodFields, RadioGroup } from "~/components/passerelle-fields";
import { PageHeader } from "~/components/page";
import { ContactForm } from "~/components/passerelle-contact-form";
import { PasserelleSection, PostSummary } from "~/components/passerelle-post";
import { concludeMatch, contactCounterpart, matchesOfPost } from "~/models/passerelle-match.server";
import {
  closePost,
  getPost,
  listPostsOf,
  PasserelleError,
  PROPOSAL_ORDER,
  proposalsForCompany,
} from "~/models/passerelle.server";
import { CONTRACT_TYPE_LABELS, CONTRACT_TYPES, PUBLIC_CATEGORIES } from "~/utils/domain";
import {
  can,
  forbidden,
  networkScope,
  notFound,
  requirePermission,
} from "~/utils/permissions.server";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import {
  ARRANGEMENT_LABELS,
  concludeSchema,
  contactSchema,
  fieldErrors,
} from "~/utils/schemas/passerelle";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { isoDay } from "~/utils/time/wall-clock";

export const meta: MetaFunction = () => [{ title: "Annonce Passerelles — Engagés" }];

// GET: the company's own people (network:use) when the post is theirs or visible to them
// (passerelle:see). POST: contact (own post → a visible counterpart), close (own post),
// conclude (the host company of the match: passerelle:conclude).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  const postId = params.postId ?? "";
  const user = await requirePermission(request, { action: "network:use", companyId });
  if (!(await can(user, { action: "passerelle:see", companyId, postId }))) notFound();
  const post = await getPost(postId);
  if (!post) notFound();
  const own = post.companyId === companyId;
  const [proposals, matches] = own
    ? await Promise.all([
        proposalsForCompany(post, await networkScope(companyId)),
        matchesOfPost(postId),
      ])
    : [[], []];
  const contacted = new Set(matches.flatMap((m) => [m.needPost.id, m.offerPost.id]));
  // Another company's post: answer it from one of our open posts of the other kind.
  const answerFrom = own
    ? []
    : (await listPostsOf({ companyId })).filter((p) => p.status === "OPEN" && p.kind !== post.kind);
  return {
    companyId,
    post,
    period: { startDate: isoDay(post.startDate), endDate: isoDay(post.endDate) },
    own,
    answerFrom,
    proposals: proposals.map((p) => ({ ...p, contacted: contacted.has(p.post.id) })),
    // Said by the model that ranks them (and sent as data: this page is at the JS budget's edge).
    proposalOrder: PROPOSAL_ORDER,
    // Dates in words here: the page is at the JS budget's edge.
    matches: matches.map((m) => ({
      ...m,
      contactedOn: formatDate(m.contactedAt),
      period:
        m.startDate && m.endDate ? `du ${formatDate(m.startDate)} au ${formatDate(m.endDate)}` : "",
      host: m.needPost.companyId === companyId,
      counterpart: m.needPost.companyId === companyId ? m.offerPost : m.needPost,
    })),
  };
}

type ActionData = { intent: string; errors: Record<string, string[]>; target?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const postId = params.postId ?? "";
  const user = await requirePermission(request, { action: "network:use", companyId });
  const post = await getPost(postId);
  if (!post || post.companyId !== companyId) forbidden("Cette annonce n'est pas la vôtre.");
  // The form is read only once the post is known to be the company's own.
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const here = `/entreprise/${companyId}/passerelles/${postId}`;
  const refuse = (errors: Record<string, string[]>, target?: string, status = 400) =>
    data<ActionData>({ intent, errors, target }, { status });

  try {
    if (intent === "contact") {
      const parsed = contactSchema.safeParse(Object.fromEntries(form));
      const target = String(form.get("counterpartId") ?? "");
      if (!parsed.success) return refuse(fieldErrors(parsed.error), target);
      if (parsed.data.postId !== postId) forbidden("Cette annonce n'est pas la vôtre.");
      const counterpartId = parsed.data.counterpartId;
      if (!(await can(user, { action: "passerelle:see", companyId, postId: counterpartId }))) {
        forbidden("Cette annonce ne vous est pas visible.");
      }
      const company = post.company.name;
      await contactCounterpart(
        { userId: user.id, name: user.name, email: user.email, organisation: company },
        postId,
        counterpartId,
        parsed.data.message,
      );
      return redirectWithFlash(request, here, {
        kind: "success",
        message: "Votre message est envoyé. L'entreprise vous répondra directement par e-mail.",
      });
    }
    if (intent === "conclude") {
      const parsed = concludeSchema.safeParse(Object.fromEntries(form));
      const target = String(form.get("matchId") ?? "");
      if (!parsed.success) return refuse(fieldErrors(parsed.error), target);
      await requirePermission(request, {
        action: "passerelle:conclude",
        companyId,
        matchId: parsed.data.matchId,
      });
      await concludeMatch(user.id, companyId, parsed.data);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `Passerelle conclue : ${countOf(parsed.data.headcount, "personne")}, ${parsed.data.headcount > 1 ? "comptées" : "comptée"} dans les réalisations de votre entreprise.`,
      });
    }
    if (intent === "close") {
      await closePost(user.id, companyId, postId);
      return redirectWithFlash(request, `/entreprise/${companyId}/passerelles`, {
        kind: "success",
        message: "L'annonce est close.",
      });
    }
  } catch (error) {
    if (!(error instanceof PasserelleError || error instanceof QuotaExceeded)) throw error;
    return refuse(
      { form: [error.message] },
      String(form.get("matchId") ?? form.get("counterpartId") ?? ""),
      refusalStatus(error),
    );
  }
  return refuse({ form: ["Cette action n'existe pas sur cette page."] });
}

export default function PostPage() {
  const { companyId, post, period, own, answerFrom, proposals, proposalOrder, matches } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (target: string) =>
    actionData && actionData.target === target ? actionData.errors : undefined;
  return (
    <>
      <PageHeader
        title={own ? "Mon annonce" : `Annonce de ${post.company.name}`}
        actions={
          <Link to={`/entreprise/${companyId}/passerelles`} className="btn-secondary">
            Retour au tableau
          </Link>
        }
      />
      {actionData && !actionData.target ? <FormErrors errors={actionData.errors.form} /> : null}
      <div className="card mb-6">
        <PostSummary post={post} showCompany={!own} headingLevel={3} />
        {own && post.status === "OPEN" ? (
          <div className="mt-3">
            <ConfirmAction
              label="Clore l’annonce"
              title="Clore cette annonce ?"
              confirmLabel="Clore l’annonce"
              fields={{ intent: "close" }}
            >
              <p>Elle ne sera plus proposée aux autres entreprises du club.</p>
            </ConfirmAction>
          </div>
        ) : null}
      </div>

      {!own ? (
        <PasserelleSection id="answer" title="Répondre à cette annonce">
          {answerFrom.length === 0 ? (
            <p className="text-gray-700">
              Pour répondre, publiez d’abord une annonce{" "}
              {post.kind === "NEED" ? "de personnel disponible" : "de besoin de personnel"} :{" "}
              <Link to={`/entreprise/${companyId}/passerelles/nouvelle`}>publier une annonce</Link>.
            </p>
          ) : (
            <ul className="space-y-4">
              {answerFrom.map((mine) => (
                <li key={mine.id} className="card">
                  <PostSummary post={mine} headingLevel={3} />
                  <ContactForm
                    postId={mine.id}
                    counterpartId={post.id}
                    action={`/entreprise/${companyId}/passerelles/${mine.id}`}
                    buttonLabel={`Contacter ${post.company.name} depuis cette annonce`}
                    defaultMessage={`Bonjour, notre annonce « ${mine.tradeLabel} » pourrait répondre à la vôtre. Pouvons-nous en parler ?`}
                  />
                </li>
              ))}
            </ul>
          )}
        </PasserelleSection>
      ) : (
        <>
          <PasserelleSection
            id="proposals"
            title="Propositions"
            className="mb-8"
            headingClassName="mb-1 text-xl font-semibold text-gray-900"
          >
            <p className="mb-3 text-sm text-gray-700">{proposalOrder}</p>
            {proposals.length === 0 ? (
              <p className="text-gray-700">
                {post.status === "OPEN"
                  ? "Aucune annonce ne correspond pour le moment."
                  : "L'annonce est close."}
              </p>
            ) : (
              <ol className="space-y-4">
                {proposals.map((proposal, index) => (
                  <li key={proposal.post.id} className="card" data-testid="proposal">
                    <p className="text-sm font-semibold text-brand-800">Proposition {index + 1}</p>
                    <PostSummary post={proposal.post} showCompany headingLevel={3} />
                    <h4 className="mt-2 text-sm font-semibold text-gray-900">
                      Pourquoi cette proposition
                    </h4>
                    <ul className="list-disc pl-5 text-sm text-gray-800">
                      {proposal.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                    {proposal.contacted ? (
                      <p className="mt-2 text-sm font-medium text-gray-800">Déjà en relation.</p>
                    ) : (
                      <ContactForm
                        postId={post.id}
                        counterpartId={proposal.post.id}
                        buttonLabel={`Contacter ${proposal.post.company.name}`}
                        defaultMessage={`Bonjour, notre annonce « ${post.tradeLabel} » pourrait répondre à la vôtre. Pouvons-nous en parler ?`}
                        errors={
                          errorsFor(proposal.post.id)?.message ?? errorsFor(proposal.post.id)?.form
                        }
                      />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </PasserelleSection>
          <PasserelleSection id="matches" title="Mises en relation">
            {matches.length === 0 ? (
              <p className="text-gray-700">Aucune mise en relation pour le moment.</p>
            ) : (
              <ul className="space-y-4">
                {matches.map((match) => (
                  <li key={match.id} className="card">
                    <h3 className="text-lg font-semibold text-gray-900">
                      Avec {match.counterpart.company.name} ({match.counterpart.tradeLabel})
                    </h3>
                    <p className="text-sm text-gray-800">
                      Mise en relation le {match.contactedOn} —{" "}
                      {match.status === "CONCLUDED" ? "conclue" : "en cours"}
                    </p>
                    {match.status === "CONCLUDED" ? (
                      <p className="mt-1 text-sm text-gray-800">
                        {ARRANGEMENT_LABELS[match.arrangement as "LOAN"]} :{" "}
                        {countOf(match.headcount ?? 0, "personne")}, {match.period}. Comptée dans
                        les réalisations de l’entreprise d’accueil.
                      </p>
                    ) : match.host ? (
                      <ConcludeForm
                        matchId={match.id}
                        headcount={post.headcount}
                        startDate={period.startDate}
                        endDate={period.endDate}
                        arrangement={post.arrangement}
                        errors={errorsFor(match.id)}
                      />
                    ) : (
                      <p className="mt-1 text-sm text-gray-700">
                        L’entreprise d’accueil la marquera comme conclue : les personnes prêtées ou
                        embauchées comptent dans ses réalisations.
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </PasserelleSection>
        </>
      )}
    </>
  );
}

/** The host company concludes: what happened (loan or hire, how many, when, which public). */
function ConcludeForm({
  matchId,
  headcount,
  startDate,
  endDate,
  arrangement,
  errors,
}: {
  matchId: string;
  headcount: number;
  startDate: string;
  endDate: string;
  arrangement: string;
  errors?: Record<string, string[]>;
}) {
  return (
    <details className="mt-3" open={errors ? true : undefined}>
      <summary className="cursor-pointer font-semibold text-brand-800">
        Marquer comme conclue
      </summary>
      <Form method="post" noValidate className="mt-3">
        <RequiredFieldsNote />
        <FormErrors errors={errors?.form} />
        <input type="hidden" name="intent" value="conclude" />
        <input type="hidden" name="matchId" value={matchId} />
        <RadioGroup
          name="arrangement"
          legend="Ce qui a été conclu"
          required
          labels={ARRANGEMENT_LABELS}
          defaultValue={arrangement}
          errors={errors?.arrangement}
        />
        <HeadcountPeriodFields errors={errors} defaults={{ headcount, startDate, endDate }} />
        <SelectField
          label="Public concerné"
          help="Le public des personnes prêtées ou embauchées, pour les chiffres du club (sans nom)."
          errors={errors?.publicCategoryCode}
          selectProps={{ name: "publicCategoryCode", defaultValue: "", required: true }}
          options={[
            { value: "", label: "Choisissez un public" },
            ...PUBLIC_CATEGORIES.map((p) => ({ value: p.code, label: p.label })),
          ]}
        />
        <Field
          label="Si autre public, lequel"
          errors={errors?.otherPublicLabel}
          inputProps={{ name: "otherPublicLabel", type: "text", maxLength: 100 }}
        />
        <SelectField
          label="Type de contrat (pour une embauche)"
          errors={errors?.contractType}
          selectProps={{ name: "contractType", defaultValue: "" }}
          options={[
            { value: "", label: "Sans objet (prêt)" },
            ...CONTRACT_TYPES.map((c) => ({ value: c, label: CONTRACT_TYPE_LABELS[c] })),
          ]}
        />
        <button type="submit" className="btn-primary">
          Conclure la passerelle
        </button>
      </Form>
    </details>
  );
}
