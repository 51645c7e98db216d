import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { ClubNav } from "~/components/club-nav";
import { BackLink } from "./page";

export const RSVP_CHOICES = [
  { value: "YES", label: "Je viens" },
  { value: "NO", label: "Je ne viens pas" },
  { value: "MAYBE", label: "Peut-être" },
] as const;

export const RSVP_STATE_LABELS: Record<string, string> = {
  PENDING: "Pas encore répondu",
  YES: "Vient",
  NO: "Ne vient pas",
  MAYBE: "Peut-être",
};

const RSVP_STATE_STYLES: Record<string, string> = {
  PENDING: "bg-gray-200 text-gray-800",
  YES: "bg-green-100 text-green-900",
  NO: "bg-red-100 text-red-900",
  MAYBE: "bg-amber-100 text-amber-900",
};

export function RsvpBadge({ rsvp }: { rsvp: string }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${RSVP_STATE_STYLES[rsvp] ?? RSVP_STATE_STYLES.PENDING}`}
    >
      {RSVP_STATE_LABELS[rsvp] ?? rsvp}
    </span>
  );
}

export function CancelledBadge() {
  return (
    <span className="inline-block rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">
      Annulée
    </span>
  );
}

/** When (already formatted in Paris time by the loader: no hydration mismatch) and where. */
export function MeetingFactsList({
  when,
  place,
  videoUrl,
}: {
  when: string;
  place: string;
  videoUrl: string | null;
}) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="font-semibold text-gray-700">Quand</dt>
      <dd>{when}</dd>
      {place ? (
        <>
          <dt className="font-semibold text-gray-700">Où</dt>
          <dd>{place}</dd>
        </>
      ) : null}
      {videoUrl ? (
        <>
          <dt className="font-semibold text-gray-700">Visio</dt>
          <dd className="break-all">
            <a href={videoUrl} rel="noopener noreferrer">
              {videoUrl}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * The signed-in member's answer: three buttons, the current one pressed. Posts intent=rsvp to
 * the page's own action (with the meeting id, for the list page).
 */
export function RsvpButtons({
  meetingId,
  current,
  title,
}: {
  meetingId: string;
  current: string | null;
  title: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state !== "idle" && navigation.formData?.get("meetingId") === meetingId
      ? navigation.formData.get("answer")
      : null;
  const shown = (pending as string | null) ?? current;
  return (
    <Form method="post" className="print:hidden" preventScrollReset>
      <input type="hidden" name="intent" value="rsvp" />
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset>
        <legend className="mb-1 text-sm font-semibold">
          Votre réponse
          <span className="sr-only"> pour « {title} »</span>
          {current && current !== "PENDING" ? (
            <span className="font-normal text-gray-700">
              {" "}
              : {RSVP_CHOICES.find((c) => c.value === current)?.label}
            </span>
          ) : (
            <span className="font-normal text-gray-700"> : pas encore répondu</span>
          )}
        </legend>
        <div className="flex flex-wrap gap-2">
          {RSVP_CHOICES.map((choice) => (
            <button
              key={choice.value}
              type="submit"
              name="answer"
              value={choice.value}
              aria-pressed={shown === choice.value}
              className={
                shown === choice.value
                  ? "btn border border-brand-700 bg-brand-700 text-white hover:bg-brand-800 hover:text-white"
                  : "btn-secondary"
              }
            >
              {choice.label}
            </button>
          ))}
        </div>
      </fieldset>
    </Form>
  );
}

/** The top of an animator's page about one meeting: the club's menu and the way back to the meeting. */
export function MeetingPageTop({
  clubId,
  meeting,
}: {
  clubId: string;
  meeting: { id: string; title: string };
}) {
  return (
    <>
      <ClubNav clubId={clubId} />
      <BackLink to={`/club/${clubId}/reunions/${meeting.id}`}>{meeting.title}</BackLink>
    </>
  );
}

/**
 * One item of an animator's checkbox list about a meeting (companies to invite, practices to
 * present): the box, then its label.
 */
export function MeetingChoice({
  id,
  name,
  value,
  defaultChecked,
  children,
}: {
  id: string;
  name: string;
  value: string;
  defaultChecked?: boolean;
  children: ReactNode;
}) {
  return (
    <li className="flex items-start gap-2">
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        className="mt-1 h-4 w-4"
      />
      <label htmlFor={id}>{children}</label>
    </li>
  );
}
