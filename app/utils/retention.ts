// How long Engagés keeps what it keeps only for a while. Client-safe: the privacy page
// (/donnees-personnelles) states these delays, and the scheduled jobs apply them.

/** A comment hidden by the animators is deleted this many days after it was hidden. */
export const HIDDEN_COMMENTS_KEPT_DAYS = 30;
