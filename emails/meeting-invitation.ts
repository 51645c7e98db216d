import {
  meetingPageBlock,
  renderMeetingEmail,
  type MeetingFacts,
  type RsvpLinks,
} from "./meeting-parts";

export type MeetingInvitationEmailData = {
  meeting: MeetingFacts;
  organizerName: string;
  rsvp: RsvpLinks;
  /** The invitee signs in to Engagés (false: a company's contact without an account). */
  viewInApp: boolean;
};

export function meetingInvitationEmail(data: MeetingInvitationEmailData) {
  const m = data.meeting;
  return renderMeetingEmail(`Invitation : ${m.title}`, m.title, [
    {
      kind: "paragraph",
      text: `${data.organizerName} vous invite à la prochaine réunion du club « ${m.clubName} ».`,
    },
    { kind: "facts", facts: m },
    { kind: "answers", links: data.rsvp },
    meetingPageBlock(m.meetingUrl, data.viewInApp),
    {
      kind: "note",
      text: `L'invitation est jointe pour votre agenda (fichier .ics). Les liens de réponse vous sont personnels et fonctionnent sans mot de passe jusqu'à la fin de la réunion ; vous pourrez changer d'avis d'un clic.`,
    },
  ]);
}
