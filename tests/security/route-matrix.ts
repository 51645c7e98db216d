// THE AUTHORISATION MATRIX: one row per file of app/routes/ (key = file name without extension),
// saying what each actor gets for GET (the loader) and POST (the action, with an empty form).
// tests/authorization-matrix.test.ts fails on a route file without a row, on a row without a
// file, and on any answer that differs from its row.
//
// HOW TO ADD A ROUTE: add ONE line below, e.g.
//     "pratiques.$practiceId": { get: clubRead(200), post: clubManage(400) },
// choosing, for GET and POST, the policy of the permission the loader/action requires and the
// status an allowed actor gets (an empty POST form is usually refused with 400). Policies:
//   everyone(s) — same status for all          signedIn(s) — sign-in redirect, then s for all
//   adminOnly(s) companyRead(s) companyWrite(s) clubRead(s) clubManage(s) departementRead(s)
//   networkUse(s) practiceRead(s) byScope(own, other) — same for every actor, per scope
//   NONE — the module has no loader/action (405)
// Routes whose last param is `$token` also say which token they take: `token: "calendar"` (the
// `tokens` of buildSide in tests/security/world.ts; add a kind there for a new no-sign-in link).
// A route with a NEW param name (e.g. `$practiceId`, `$slug`) also needs that param for each side:
// create the row in buildSide (tests/security/world.ts) and add it to its `params`; the test
// says "Paramètre inconnu du monde de test : $name" until then.
//
// Actors: signed out, and the side-A people of tests/security/world.ts — the leader of company A,
// the animator of club X, the prefecture of 62 — plus the national admin. Scopes: "own" fills
// the URL params with side A's ids (company A, club X, 62, their meeting/commitment/realisation),
// "other" with side B's (company B, club Y in 59…), "mixed" keeps the outer ids of side A and
// puts side B's id in the last param (an id guessed from another scope: must be 404, never data).
// For token routes, "other" is a tampered token and "mixed" pairs club X with club Y's token.
import type { Actor, Scope, TokenKind } from "./world";
import type { Outcome } from "./routes";

/** Per actor: one outcome for every scope, or one per scope. */
export type Expectation = Record<Actor, Outcome | Record<Scope, Outcome>>;
export type MatrixRow = { get: Expectation; post: Expectation; token?: TokenKind };

const LOGIN = "login";
const scoped = (own: Outcome, other: Outcome, mixed: Outcome) => ({ own, other, mixed });

export const everyone = (s: Outcome): Expectation => ({
  anonymous: s,
  company: s,
  animator: s,
  prefecture: s,
  admin: s,
});
export const NONE = everyone(405);
export const signedIn = (s: Outcome): Expectation => ({ ...everyone(s), anonymous: LOGIN });
export const adminOnly = (s: Outcome): Expectation => ({
  ...everyone(403),
  anonymous: LOGIN,
  admin: s,
});
/** Read a company's data: its people, its club's animator, its département's prefecture, admin. */
export const companyRead = (s: Outcome, mixed: Outcome = 404): Expectation => ({
  anonymous: LOGIN,
  company: scoped(s, 403, mixed),
  animator: scoped(s, 403, mixed),
  prefecture: scoped(s, 403, mixed),
  admin: scoped(s, s, mixed),
});
/** Change a company's data: its own people only (not the admin). */
export const companyWrite = (s: Outcome, mixed: Outcome = 404): Expectation => ({
  ...everyone(403),
  anonymous: LOGIN,
  company: scoped(s, 403, mixed),
});
/** A club's pages for members: its companies, its animator, the prefecture, admin. */
export const clubRead = companyRead;
/** Run a club: its animator and the admin. */
export const clubManage = (s: Outcome, mixed: Outcome = 404): Expectation => ({
  ...everyone(403),
  anonymous: LOGIN,
  animator: scoped(s, 403, mixed),
  admin: scoped(s, s, mixed),
});
/** A département's figures: its prefecture and the admin. */
export const departementRead = (s: Outcome, mixed: Outcome = 404): Expectation => ({
  ...everyone(403),
  anonymous: LOGIN,
  prefecture: scoped(s, 403, mixed),
  admin: scoped(s, s, mixed),
});
/** Whoever asks (signed in or not), the answer depends on the scope only. */
export const byScope = (own: Outcome, other: Outcome, mixed: Outcome = other): Expectation => {
  const all = scoped(own, other, mixed);
  return { anonymous: all, company: all, animator: all, prefecture: all, admin: all };
};
/** A no-sign-in link: the token is the key, whoever holds it (own: valid; other: tampered). */
const tokenLink = byScope;
/** The members' network (directory, Passerelles) as a company: its own people, while it is a
 * MEMBER of a club (network:use); animators, prefecture and admins are refused. */
export const networkUse = companyWrite;
/**
 * A club-only practice (practice:read, decision 008): its club's member companies and animators,
 * and admins; the prefecture never. Not readable is a 404, so it is not even confirmed to exist.
 */
export const practiceRead = (s: Outcome, mixed: Outcome = 404): Expectation => ({
  anonymous: LOGIN,
  company: scoped(s, 404, mixed),
  animator: scoped(s, 404, mixed),
  prefecture: 404,
  admin: scoped(s, s, mixed),
});
/** Signed-in people are sent to their space (302), visitors see the page. */
const visitorsOnly = (s: Outcome): Expectation => ({ ...everyone(302), anonymous: s });

export const ROUTE_MATRIX: Record<string, MatrixRow> = {
  $: { get: everyone(404), post: NONE },
  "favicon[.]ico": { get: everyone(301), post: NONE },
  _index: { get: everyone(200), post: NONE },
  accessibilite: { get: everyone(200), post: NONE },
  "admin._index": { get: adminOnly(200), post: NONE },
  "admin.catalogue": { get: adminOnly(200), post: adminOnly(400) },
  "admin.clubs._index": { get: adminOnly(200), post: adminOnly(400) },
  "admin.clubs.$clubId": { get: adminOnly(200), post: adminOnly(400) },
  "admin.emails": { get: adminOnly(200), post: adminOnly(302) },
  "admin.entreprises": { get: adminOnly(200), post: adminOnly(400) },
  "admin.invitations": { get: adminOnly(200), post: adminOnly(400) },
  "admin.campagne": { get: adminOnly(200), post: adminOnly(400) },
  "admin.journal": { get: adminOnly(200), post: NONE },
  "admin.taches": { get: adminOnly(200), post: adminOnly(302) },
  admin: { get: adminOnly(200), post: NONE },
  // The commune search of forms: any signed-in person; 401 (JSON) for visitors.
  "api.communes": { get: { ...everyone(200), anonymous: 401 }, post: NONE },
  "api.stats": { get: everyone(200), post: NONE },
  "club.$clubId._index": { get: clubManage(200), post: clubManage(405) },
  "club.$clubId.attestations": { get: clubManage(200), post: clubManage(400) },
  "club.$clubId.calendrier.$token": { get: tokenLink(200, 404), post: NONE, token: "calendar" },
  "club.$clubId.chiffres": { get: clubManage(200), post: clubManage(405) },
  "club.$clubId.chiffres[.]xlsx": { get: clubManage(200), post: clubManage(405) },
  "club.$clubId.invitations": { get: clubManage(200), post: clubManage(400) },
  "club.$clubId.membres": { get: clubManage(200), post: clubManage(400) },
  "club.$clubId.passerelles": { get: clubManage(200), post: clubManage(400) },
  // Moderation of the club's feed (club:moderate): its animators and admins.
  "club.$clubId.pratiques": { get: clubManage(200), post: clubManage(400) },
  "club.$clubId.relances": { get: clubManage(200), post: clubManage(400) },
  // Members answer the invitation here.
  "club.$clubId.reunions.$meetingId._index": { get: clubRead(200), post: clubRead(400) },
  "club.$clubId.reunions.$meetingId.compte-rendu": {
    get: clubManage(200),
    post: clubManage(400),
  },
  "club.$clubId.reunions.$meetingId.invitations": {
    get: clubManage(200),
    post: clubManage(400),
  },
  "club.$clubId.reunions.$meetingId.modifier": { get: clubManage(200), post: clubManage(400) },
  "club.$clubId.reunions.$meetingId.presences": { get: clubManage(200), post: clubManage(400) },
  "club.$clubId.reunions._index": { get: clubRead(200), post: clubRead(400) },
  "club.$clubId.reunions.nouvelle": { get: clubManage(200), post: clubManage(400) },
  "desabonnement.$token": {
    get: tokenLink(200, 404),
    post: tokenLink(200, 404),
    token: "unsubscribe",
  },
  // Outside production without SMTP only (404 in production); the messages hold sign-in links.
  "dev.boite-mail": { get: adminOnly(200), post: NONE },
  "donnees-personnelles": { get: NONE, post: NONE },
  "entreprise.$companyId._index": { get: companyRead(200), post: NONE },
  "entreprise.$companyId.annuaire._index": { get: networkUse(200), post: networkUse(400) },
  "entreprise.$companyId.annuaire.ma-fiche": { get: networkUse(200), post: networkUse(400) },
  "entreprise.$companyId.engagements.$commitmentId._index": {
    get: companyRead(200),
    post: companyWrite(400),
  },
  "entreprise.$companyId.engagements.$commitmentId.modifier": {
    get: companyWrite(200),
    post: companyWrite(400),
  },
  "entreprise.$companyId.engagements._index": { get: companyRead(200), post: NONE },
  "entreprise.$companyId.engagements.nouveau": { get: companyWrite(200), post: companyWrite(400) },
  "entreprise.$companyId.equipe": { get: companyRead(200), post: companyWrite(400) },
  // A head office's group (decision 028): its own people only, like a write.
  "entreprise.$companyId.groupe": { get: companyWrite(200), post: companyWrite(400) },
  "entreprise.$companyId.export[.]xlsx": { get: companyRead(200), post: companyRead(405) },
  "entreprise.$companyId.import.envoi": { get: NONE, post: companyWrite(400) },
  "entreprise.$companyId.import.modele[.]csv": { get: companyRead(200), post: NONE },
  "entreprise.$companyId.import.modele[.]xlsx": { get: companyRead(200), post: NONE },
  "entreprise.$companyId.import": { get: companyWrite(200), post: companyWrite(400) },
  // Another club's club-only post ("mixed") is a 404 on the page. The actions act on one's own
  // posts only and answer 403 "not yours" for any other id, existing or not: nothing confirmed.
  "entreprise.$companyId.passerelles.$postId": {
    get: networkUse(200),
    post: networkUse(400, 403),
  },
  "entreprise.$companyId.passerelles._index": { get: networkUse(200), post: NONE },
  "entreprise.$companyId.passerelles.nouvelle": { get: networkUse(200), post: networkUse(400) },
  "entreprise.$companyId.profil": { get: companyRead(200), post: companyWrite(400) },
  "entreprise.$companyId.rapport": { get: companyRead(200), post: companyRead(405) },
  "entreprise.$companyId.realisations.$realisationId": {
    get: companyWrite(200),
    post: companyWrite(400),
  },
  "entreprise.$companyId.realisations._index": { get: companyRead(200), post: NONE },
  "entreprise.$companyId.realisations.nouvelle": {
    get: companyWrite(200),
    post: companyWrite(400),
  },
  "entreprise.$companyId.suivi": { get: companyWrite(200), post: companyWrite(400) },
  // A verification asked of the company: its own people read and answer it.
  "entreprise.$companyId.verification.$checkId": {
    get: companyWrite(200),
    post: companyWrite(400),
  },
  // The year's review: read by whoever reads the company; attested by its own people only.
  "entreprise.$companyId.declaration.$year": { get: companyRead(200), post: companyWrite(400) },
  "entreprise.$companyId": { get: companyRead(200), post: NONE },
  // The opt-in public page: company A opted in, company B did not (404, as for no company).
  "entreprises.$companyId": { get: byScope(200, 404), post: NONE },
  espace: { get: signedIn(302), post: NONE },
  healthz: { get: everyone(200), post: NONE },
  // A signed-in person is asked to sign out before accepting someone else's invitation (403).
  "invitation.$token": {
    get: tokenLink(200, 200),
    post: { ...byScope(403, 400), anonymous: 400 },
    token: "invitation",
  },
  login: { get: visitorsOnly(200), post: everyone(400) },
  "lettre.desabonnement.$token": {
    get: tokenLink(200, 404),
    post: tokenLink(200, 404),
    token: "digest",
  },
  logout: { get: signedIn(200), post: everyone(302) },
  "mot-de-passe-oublie": { get: NONE, post: everyone(400) },
  // ProConnect (decision 027) is not configured here: its start link is not found (404) for
  // visitors, the signed-in go to their space; its return needs a flow the browser started.
  "proconnect.connexion": { get: visitorsOnly(404), post: NONE },
  "proconnect.retour": { get: everyone(404), post: NONE },
  "proconnect.deconnexion": { get: everyone(302), post: NONE },
  // An empty form is an unknown action (400) for those who may react; admins read but do not
  // react (403); whoever may not read the practice gets 404 before any action is considered.
  "pratiques.$practiceId._index": {
    get: practiceRead(200),
    post: { ...practiceRead(400), admin: 403 },
  },
  // An image of another scope's practice, or of another practice ("mixed"), is a 404.
  "pratiques.$practiceId.images.$imageId": { get: practiceRead(200), post: NONE },
  // practice:edit: the posting company's people. Another's practice is a 403 whether it exists
  // or not (the same answer for both), so a club-only practice is still not confirmed to exist.
  "pratiques.$practiceId.modifier": { get: companyWrite(200), post: companyWrite(400) },
  // The feed: anyone signed in with a role (every actor here has one).
  "pratiques._index": { get: signedIn(200), post: NONE },
  // Posting: the people of a company that is a MEMBER of a club.
  "pratiques.nouvelle": { get: companyWrite(200), post: companyWrite(400) },
  "prefecture.$departementCode._index": { get: departementRead(200), post: NONE },
  "prefecture.$departementCode.campagne": { get: departementRead(200), post: departementRead(400) },
  "prefecture.$departementCode.clubs.$clubId": { get: departementRead(200), post: NONE },
  "prefecture.$departementCode.pieces.$checkId": { get: departementRead(200), post: NONE },
  "prefecture.$departementCode.verification": {
    get: departementRead(200),
    post: departementRead(400),
  },
  "prefecture.$departementCode.verification[.]csv": { get: departementRead(200), post: NONE },
  "prefecture.$departementCode.export[.]csv": { get: departementRead(200), post: NONE },
  "prefecture.$departementCode.export[.]xlsx": { get: departementRead(200), post: NONE },
  "reinitialiser-mot-de-passe.$token": {
    get: tokenLink(200, 200),
    post: tokenLink(400, 400),
    token: "reset",
  },
  // A tampered answer link: 400 with a French explanation (the signature check says why).
  "reunion.reponse.$token": { get: tokenLink(200, 400), post: tokenLink(200, 400), token: "rsvp" },
  stats: { get: everyone(200), post: NONE },
};
