// Every periodic job of the app, registered with the scheduler (app/utils/scheduler.server.ts).
// Add a job here; it starts with the server.

import { runHiddenCommentsPurge } from "~/models/hidden-comments.server";
import { purgeExpiredRows } from "~/models/housekeeping.server";
import { backfillPracticeStems } from "~/models/practice-search.server";
import { publishMonthFigures } from "~/models/public-stats.server";
import { CAMPAIGN_EVERY_MS } from "~/models/reminders.server";
import { runReminderCampaigns } from "~/models/reminder-campaign.server";
import { OUTCOME_EMAILS_EVERY_MS, sendOutcomeEmails } from "~/models/outcome-reminders.server";
import { sendDueMeetingReminders } from "~/models/meeting-notices.server";
import { refreshSirene } from "~/models/sirene-refresh.server";
import { processPasswordResetRequests } from "~/models/password-reset.server";
import {
  PRACTICE_EMAILS_EVERY_MS,
  sendAppreciationNews,
  sendWeeklyDigests,
} from "~/models/practice-emails.server";
import { registerJob, type ScheduledJob } from "~/utils/scheduler.server";

const HOURLY = 60 * 60_000;

/** Every periodic job: its name, how often the scheduler asks it, and what it does then. */
const JOBS: ScheduledJob[] = [
  // Hourly clean-up of expired sessions, old sign-in attempts, spent tokens and import drafts.
  { name: "housekeeping", everyMs: HOURLY, run: (now) => purgeExpiredRows(now) },

  // Practices written before the search stemmed (decision 020) get their French stems, a batch
  // at a time; once done, one empty query every 5 minutes.
  { name: "practice-search-stems", everyMs: 5 * 60_000, run: () => backfillPracticeStems() },

  // Password-reset requests are answered here, not in the request (password-reset.server.ts):
  // every few seconds, so the link arrives about as fast as if it were sent at once.
  { name: "password-resets", everyMs: 3_000, run: () => processPasswordResetRequests() },

  // Quarterly reminder campaign: during the first 7 days of each quarter, each club's silent
  // members get the reminder once (runOnce per club and quarter; same cap and opt-out rules).
  {
    name: "reminder-campaign",
    everyMs: CAMPAIGN_EVERY_MS,
    run: (now) => runReminderCampaigns(now),
  },

  // Outcomes due (issue 15): once a day, companies whose outcomes fell due are told, under the
  // reminders' cap and opt-out (one Reminder row per set of outcomes due).
  {
    name: "outcome-emails",
    everyMs: OUTCOME_EMAILS_EVERY_MS,
    run: (now) => sendOutcomeEmails(now),
  },

  // Meeting reminders: every 5 minutes, meetings starting within 48 hours whose reminder has
  // not gone get it (idempotent: reminderSentAt claimed in the transaction, dedupeKey per person).
  { name: "meeting-reminders", everyMs: 5 * 60_000, run: (now) => sendDueMeetingReminders(now) },

  // Weekly digest of each club's feed, once per club and ISO week (runOnce), and the authors'
  // batched news of the day before, once a day.
  {
    name: "practice-emails",
    everyMs: PRACTICE_EMAILS_EVERY_MS,
    run: async (now) => {
      await sendWeeklyDigests(now);
      await sendAppreciationNews(now);
    },
  },

  // Comments hidden by the animators for more than 30 days are deleted, once a day (runOnce per
  // Paris day; each deletion audited).
  { name: "hidden-comments-purge", everyMs: HOURLY, run: (now) => runHiddenCommentsPurge(now) },

  // Public figures: once a month ends, its masked figures are computed and stored (decision
  // 014) within the hour, so that no visitor waits for the computation.
  { name: "public-figures", everyMs: HOURLY, run: (now) => publishMonthFigures(now) },

  // SIRENE register (decision 028): searches that found it down are asked again, and known
  // companies are looked up again every 30 days; a closed establishment is flagged to animators.
  { name: "sirene-refresh", everyMs: HOURLY, run: (now) => refreshSirene(now) },
];

export function registerJobs() {
  for (const job of JOBS) registerJob(job);
}
