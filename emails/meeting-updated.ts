import {
  meetingPageBlock,
  renderMeetingEmail,
  type MeetingFacts,
  type RsvpLinks,
} from "./meeting-parts";

export type MeetingUpdatedEmailData = {
  meeting: MeetingFacts;
  rsvp: RsvpLinks;
  /** The invitee signs in to Engagés (false: a company's contact without an account). */
  viewInApp: boolean;
};

export function meetingUpdatedEmail(data: MeetingUpdatedEmailData) {
  const m = data.meeting;
  return renderMeetingEmail(`Changement : ${m.title}`, `Réunion modifiée : ${m.title}`, [
    {
      kind: "paragraph",
      text: `La réunion du club « ${m.clubName} » à laquelle vous êtes invité(e) a changé de date, d'horaire ou de lieu. Voici les nouvelles informations :`,
    },
    { kind: "facts", facts: m },
    { kind: "answers", links: data.rsvp },
    meetingPageBlock(m.meetingUrl, data.viewInApp),
    {
      kind: "note",
      text: "L'invitation mise à jour est jointe pour votre agenda (fichier .ics). Si votre disponibilité a changé, répondez de nouveau d'un clic.",
    },
  ]);
}
