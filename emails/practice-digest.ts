import { countOf } from "../app/utils/format";
import { escapeHtml } from "../app/utils/html";
import { frameHtml, frameText, unsubscribeFooterHtml } from "./layout";

export type DigestPractice = { title: string; companyName: string; url: string; kudos: number };

export type PracticeDigestData = {
  clubName: string;
  /** "semaine du 16 novembre 2026". */
  weekLabel: string;
  featured: DigestPractice[];
  appreciated: DigestPractice[];
  newPractices: number;
  nextMeeting: { title: string; when: string; url: string } | null;
  progress: { members: number; realisations: number; achievedCommitments: number; year: number };
  feedUrl: string;
  unsubscribeUrl: string;
};

const LINK = 'style="color:#1f4e8c"';
const H2 = 'style="font-size:17px;margin:24px 0 8px"';

function list(practices: DigestPractice[], withKudos: boolean) {
  const html = `<ul style="margin:0 0 16px;padding-left:20px;line-height:1.5">${practices
    .map(
      (p) =>
        `<li><a href="${escapeHtml(p.url)}" ${LINK}>${escapeHtml(p.title)}</a> — ${escapeHtml(p.companyName)}${withKudos ? ` (${p.kudos} « inspirant »)` : ""}</li>`,
    )
    .join("")}</ul>`;
  const text = practices
    .map(
      (p) =>
        `- ${p.title} — ${p.companyName}${withKudos ? ` (${p.kudos} « inspirant »)` : ""} : ${p.url}`,
    )
    .join("\n");
  return { html, text };
}

/** The weekly digest of a club's feed, with its one-click unsubscribe (separate from reminders). */
export function practiceDigestEmail(data: PracticeDigestData) {
  const subject = `La semaine de « ${data.clubName} » : bonnes pratiques et nouvelles du club`;
  const heading = `Les nouvelles de « ${data.clubName} », ${data.weekLabel}`;
  const html: string[] = [];
  const text: string[] = [];
  if (data.featured.length > 0) {
    const l = list(data.featured, false);
    html.push(`<h2 ${H2}>À la une cette semaine</h2>${l.html}`);
    text.push("À la une cette semaine", l.text, "");
  }
  if (data.appreciated.length > 0) {
    const l = list(data.appreciated, true);
    html.push(`<h2 ${H2}>Les plus appréciées</h2>${l.html}`);
    text.push("Les plus appréciées", l.text, "");
  }
  const fresh =
    data.newPractices === 0
      ? "Aucune nouvelle pratique cette semaine : et si vous partagiez la vôtre ?"
      : `${data.newPractices} nouvelle${data.newPractices > 1 ? "s" : ""} pratique${data.newPractices > 1 ? "s" : ""} partagée${data.newPractices > 1 ? "s" : ""} cette semaine.`;
  html.push(
    `<p style="margin:0 0 16px">${escapeHtml(fresh)} <a href="${escapeHtml(data.feedUrl)}" ${LINK}>Voir le fil des bonnes pratiques</a></p>`,
  );
  text.push(fresh, `Le fil : ${data.feedUrl}`, "");
  html.push(`<h2 ${H2}>Prochaine réunion</h2>`);
  text.push("Prochaine réunion");
  if (data.nextMeeting) {
    html.push(
      `<p style="margin:0 0 16px"><a href="${escapeHtml(data.nextMeeting.url)}" ${LINK}>${escapeHtml(data.nextMeeting.title)}</a>, ${escapeHtml(data.nextMeeting.when)}</p>`,
    );
    text.push(`${data.nextMeeting.title}, ${data.nextMeeting.when} : ${data.nextMeeting.url}`, "");
  } else {
    html.push(`<p style="margin:0 0 16px">Pas de réunion annoncée pour l'instant.</p>`);
    text.push("Pas de réunion annoncée pour l'instant.", "");
  }
  const { members, realisations, achievedCommitments } = data.progress;
  const progress = `${countOf(members, "entreprise membre", "entreprises membres")}, ${countOf(realisations, "réalisation déclarée", "réalisations déclarées")} en ${data.progress.year}, ${countOf(achievedCommitments, "engagement atteint", "engagements atteints")}.`;
  html.push(
    `<h2 ${H2}>Les progrès du club</h2><p style="margin:0 0 16px">${escapeHtml(progress)}</p>`,
  );
  text.push("Les progrès du club", progress, "");
  const unsubscribeText = "Vous ne souhaitez plus recevoir cette lettre hebdomadaire ?";
  html.push(
    unsubscribeFooterHtml(
      unsubscribeText,
      "se désabonner de la lettre",
      data.unsubscribeUrl,
      "(les relances et invitations du club ne changent pas).",
    ),
  );
  text.push(`${unsubscribeText} Se désabonner : ${data.unsubscribeUrl}`);
  return {
    subject,
    html: frameHtml(subject, heading, html.join("\n")),
    text: frameText(heading, text),
  };
}
