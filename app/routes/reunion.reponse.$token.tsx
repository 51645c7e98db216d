import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingFactsList, RSVP_CHOICES } from "~/components/meeting-ui";
import { MeetingError, RSVP_CHOICE_LABELS } from "~/models/meeting-invitations.server";
import {
  findRsvpLinkTarget,
  type RsvpLinkTarget,
  answerClosedReason,
  recordLinkAnswer,
} from "~/models/meeting-answers.server";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";
import {
  createRsvpToken,
  RSVP_ANSWERS,
  verifyRsvpToken,
  type RsvpAnswer,
} from "~/utils/rsvp-links.server";
import { Section } from "~/components/page";
import { BusySubmit } from "~/components/busy-submit";

// One-click answer from the invitation e-mail, without signing in. GET only shows the answer
// and a button; the POST records it (mail scanners that open links answer nothing). See
// docs/decisions/006-rsvp-links.md.

export const meta: MetaFunction = () => [
  { title: "Répondre à une invitation — Engagés" },
  { name: "robots", content: "noindex, nofollow" },
];

/**
 * The link is a key: no caching, no Referer leaking it to other sites (the video-call link).
 * "same-origin", not "no-referrer": with no-referrer the browser posts the form with
 * `Origin: null`, which Remix's CSRF check refuses.
 */
const PRIVATE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
  "X-Robots-Tag": "noindex, nofollow",
};

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const merged = new Headers(loaderHeaders);
  actionHeaders.forEach((value, key) => merged.set(key, value));
  return merged;
};

type Refusal = { state: "invalid" | "expired" | "closed"; message: string };

function refuse(refusal: Refusal) {
  return data(
    {
      ...refusal,
      meeting: null,
      answer: null,
      current: null,
      email: null,
      hasAccount: null,
      companyName: null,
      choices: null,
    },
    { status: refusal.state === "invalid" ? 400 : 410, headers: PRIVATE_HEADERS },
  );
}

const INVALID: Refusal = {
  state: "invalid",
  message:
    "Ce lien de réponse n'est pas valable : il est incomplet ou a été modifié. Utilisez le lien tel qu'il figure dans l'e-mail d'invitation, ou répondez depuis votre espace Engagés.",
};

/** Checks the token and finds what it points to: the invitation and its meeting, still open. */
async function check(
  token: string,
): Promise<{ refusal: Refusal } | { target: RsvpLinkTarget; answer: RsvpAnswer; expiresAt: Date }> {
  const verified = verifyRsvpToken(token);
  if (!verified.ok && verified.reason === "invalid") return { refusal: INVALID };
  const target = await findRsvpLinkTarget(verified.invitationId);
  if (!target) {
    return {
      refusal: {
        state: "expired",
        message: "Cette invitation n'existe plus : il n'est plus possible d'y répondre.",
      },
    };
  }
  if (!verified.ok) {
    return {
      refusal: {
        state: "expired",
        message: `Ce lien a expiré : la réunion « ${target.meeting.title} » est terminée.`,
      },
    };
  }
  const closed = answerClosedReason(target.meeting);
  if (closed) return { refusal: { state: "closed", message: closed } };
  return { target, answer: verified.answer, expiresAt: verified.expiresAt };
}

function view(target: RsvpLinkTarget, answer: RsvpAnswer, expiresAt: Date, current: string) {
  const m = target.meeting;
  return {
    state: "open" as const,
    message: null,
    email: target.email,
    // A company's contact without an account: nothing to sign in to, the page is all they need.
    hasAccount: target.hasAccount,
    companyName: target.companyName,
    answer,
    current,
    meeting: {
      path: `/club/${m.clubId}/reunions/${m.id}`,
      title: m.title,
      clubName: m.clubName,
      when: formatMeetingWhen(m.startsAt, m.endsAt, m.zone),
      place: m.place,
      videoUrl: m.videoUrl,
    },
    // Changing one's mind from the same page: the links of the other answers.
    choices: RSVP_ANSWERS.map((a) => ({
      answer: a,
      label: RSVP_CHOICE_LABELS[a],
      token: createRsvpToken(target.invitationId, a, expiresAt),
    })),
  };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await check(params.token ?? "");
  if ("refusal" in result) return refuse(result.refusal);
  return data(
    { ...view(result.target, result.answer, result.expiresAt, result.target.rsvp), done: false },
    { headers: PRIVATE_HEADERS },
  );
}

export async function action({ params }: ActionFunctionArgs) {
  const result = await check(params.token ?? "");
  if ("refusal" in result) return refuse(result.refusal);
  try {
    await recordLinkAnswer(result.target.invitationId, result.answer);
  } catch (error) {
    // Cancelled or ended between the check and the write.
    if (error instanceof MeetingError) return refuse({ state: "closed", message: error.message });
    throw error;
  }
  return data(
    { ...view(result.target, result.answer, result.expiresAt, result.answer), done: true },
    { headers: PRIVATE_HEADERS },
  );
}

const TITLES: Record<Refusal["state"], string> = {
  invalid: "Lien non valable",
  expired: "Lien expiré",
  closed: "Réponse impossible",
};

export default function RsvpLinkPage() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const d = acted ?? loaded;

  if (d.state !== "open" || !d.meeting || !d.answer) {
    return (
      <div className="mx-auto max-w-2xl py-8">
        <h1 className="mb-4 text-2xl font-bold">{TITLES[d.state as Refusal["state"]]}</h1>
        <p className="mb-6 text-gray-800" role="alert">
          {d.message}
        </p>
        {/* Not a wall: most invitees answer without an account; those who have one may sign in. */}
        <p className="text-sm">
          Vous avez un compte Engagés ? <Link to="/login">Connectez-vous</Link> pour retrouver les
          réunions de votre club. Sinon, l&apos;animateur du club peut vous renvoyer
          l&apos;invitation.
        </p>
      </div>
    );
  }

  const done = "done" in d && d.done;
  // Labels from a client-safe module (the .server one is not in the browser bundle).
  const labelOf = (answer: string | null) => RSVP_CHOICES.find((c) => c.value === answer)?.label;
  const label = labelOf(d.answer);
  const currentLabel = d.current && d.current !== "PENDING" ? labelOf(d.current) : null;
  return (
    <div className="mx-auto max-w-2xl py-4">
      <p className="text-sm font-semibold text-gray-700">{d.meeting.clubName}</p>
      <h1 className="mb-4 text-2xl font-bold">{d.meeting.title}</h1>
      <div className="card mb-6">
        <MeetingFactsList
          when={d.meeting.when}
          place={d.meeting.place}
          videoUrl={d.meeting.videoUrl}
        />
        <p className="mt-3 text-sm text-gray-700">
          Invitation adressée à {d.email}
          {d.companyName ? `, pour ${d.companyName}` : ""}.
        </p>
      </div>
      {done ? (
        <div role="status" className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-4">
          <p className="font-semibold text-green-900">
            Merci, votre réponse est enregistrée : « {label} ».
          </p>
        </div>
      ) : (
        <Form method="post" className="card mb-6">
          <p className="mb-3">
            Votre réponse : <strong>« {label} »</strong>
            {currentLabel && currentLabel !== label ? (
              <span className="text-gray-700"> (vous aviez répondu « {currentLabel} »)</span>
            ) : null}
          </p>
          <BusySubmit>Confirmer ma réponse : {label}</BusySubmit>
        </Form>
      )}
      <Section
        id="changer"
        title={done ? "Changer d'avis ?" : "Ou répondre autrement :"}
        className="text-sm"
        headingClassName="mb-2 font-semibold"
      >
        <ul className="flex flex-wrap gap-2">
          {d.choices
            ?.filter((c) => c.answer !== d.answer)
            .map((c) => (
              <li key={c.answer}>
                <Link to={`/reunion/reponse/${c.token}`} className="btn-secondary" rel="nofollow">
                  {c.label}
                </Link>
              </li>
            ))}
        </ul>
      </Section>
      {d.hasAccount ? (
        <p className="mt-8 text-sm">
          <Link to={d.meeting.path}>Voir la réunion dans Engagés</Link> (connexion nécessaire)
        </p>
      ) : (
        <p className="mt-8 text-sm text-gray-700">
          Vous répondez en tant que contact de votre entreprise auprès du club : pas besoin de
          compte Engagés. Vous pourrez changer de réponse avec les liens de l&apos;invitation
          jusqu&apos;à la fin de la réunion.
        </p>
      )}
    </div>
  );
}
