// French names for what the audit log records (client-safe): the kinds of objects, the actions
// and the fields, shared by the declarations' history and the administrators' journal.

import {
  ACTION_TYPES,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_VISIBILITY_LABELS,
  CONTRACT_TYPE_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
  ROLE_LABELS,
  THEMES,
  UNIT_LABELS,
} from "./domain";

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Commitment: "Engagement",
  Realisation: "Réalisation",
  ImportBatch: "Import de réalisations",
  Company: "Entreprise",
  ClubMembership: "Adhésion à un club",
  Club: "Club",
  Catalogue: "Catalogue annuel",
  RoleAssignment: "Rôle",
  Invitation: "Invitation",
  Meeting: "Réunion",
  User: "Compte",
  Practice: "Bonne pratique",
  Comment: "Commentaire",
  DirectoryCard: "Fiche de l'annuaire",
  PasserellePost: "Annonce Passerelles",
  PasserelleMatch: "Mise en relation Passerelles",
  CompanyContact: "Message de l'annuaire",
  JoinRequest: "Demande d'adhésion",
  ProConnect: "Connexion ProConnect",
  AppSetting: "Réglage national",
  DeclarationCampaign: "Campagne de déclaration",
  Attestation: "Attestation annuelle",
  VerificationSample: "Échantillon de vérification",
  VerificationCheck: "Vérification d'une entreprise",
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  CREATE: "Création",
  UPDATE: "Modification",
  STATUS: "Changement d'état",
  DELETE: "Suppression",
  IMPORT: "Import",
  INVITE: "Invitation",
  ACCEPT: "Invitation acceptée",
  REVOKE: "Invitation annulée",
  GRANT_ROLE: "Rôle attribué",
  PROCONNECT_LINK: "Identité ProConnect liée",
  PROCONNECT_SIGN_IN: "Connexion avec ProConnect",
  PROCONNECT_REFUSED: "Connexion ProConnect refusée",
  REMOVE_MEMBER: "Retrait de l'équipe",
  LEAVE: "Départ de l'équipe",
  LINK_HEAD_OFFICE: "Rattachement au siège",
  UNLINK_HEAD_OFFICE: "Détachement du siège",
  CANCEL: "Annulation",
  UPDATE_PRACTICES: "Bonnes pratiques modifiées",
  ATTENDANCE: "Présences",
  WALK_IN: "Présence notée sans invitation",
  UPDATE_MINUTES: "Compte rendu modifié",
  PUBLISH_MINUTES: "Compte rendu publié",
  UNPUBLISH_MINUTES: "Compte rendu retiré",
  CREATE_CALENDAR_TOKEN: "Adresse du calendrier créée",
  REGENERATE_CALENDAR_TOKEN: "Adresse du calendrier renouvelée",
  PASSWORD_SET: "Mot de passe défini",
  MODERATE_FEATURE: "Mise à la une",
  MODERATE_UNFEATURE: "Retrait de la une",
  MODERATE_HIDE: "Masquage",
  MODERATE_UNHIDE: "Démasquage",
  MODERATE_HIDE_COMMENT: "Commentaire masqué",
  MODERATE_UNHIDE_COMMENT: "Commentaire démasqué",
  PURGE_HIDDEN_COMMENT: "Commentaire masqué supprimé (délai écoulé)",
  CONTACT: "Mise en relation",
  BROKER: "Mise en relation par l'animateur",
  CONCLUDE: "Passerelle conclue",
  CLOSE: "Annonce close",
  JOIN_REQUEST: "Demande d'adhésion envoyée",
  JOIN_ACCEPT: "Demande d'adhésion acceptée",
  JOIN_DECLINE: "Demande d'adhésion refusée",
  CHANGE_SIRET: "SIRET corrigé par l'administration",
  CLOSE_CLUB: "Club fermé",
  REOPEN_CLUB: "Club rouvert",
  OPEN_YEAR: "Année ouverte",
  UPDATE_CATALOGUE: "Catalogue modifié",
  OUTCOME: "Devenir des personnes renseigné",
  OPEN_CAMPAIGN: "Campagne de déclaration ouverte",
  CLOSE_CAMPAIGN: "Campagne de déclaration close",
  ATTEST: "Année attestée",
  DRAW_SAMPLE: "Échantillon tiré",
  ANSWER_CHECK: "Réponse à une vérification",
  CHECK_RESULT: "Résultat de vérification",
};

// The fields' names live in their own module: the declarations' history, in the browser,
// needs them alone (decision 017).
export { AUDIT_FIELD_LABELS } from "./audit-field-labels";

const JOIN_REQUEST_STATUS_LABELS = {
  PENDING: "en attente",
  ACCEPTED: "acceptée",
  DECLINED: "refusée",
};

const byCode = (list: ReadonlyArray<{ code: string; label: string }>) =>
  Object.fromEntries(list.map((item) => [item.code, item.label]));

/** French labels of the coded values of some fields (the log keeps the codes). */
export const AUDIT_VALUE_LABELS: Record<string, Record<string, string>> = {
  actionTypeCode: byCode(ACTION_TYPES),
  publicCategoryCode: byCode(PUBLIC_CATEGORIES),
  publics: byCode(PUBLIC_CATEGORIES),
  themeCode: byCode(THEMES),
  contractType: CONTRACT_TYPE_LABELS,
  qpv: QPV_LABELS,
  status: {
    ...COMMITMENT_STATUS_LABELS,
    ...MEMBERSHIP_STATUS_LABELS,
    ...JOIN_REQUEST_STATUS_LABELS,
  },
  visibility: COMMITMENT_VISIBILITY_LABELS,
  targetUnit: UNIT_LABELS,
  unit: UNIT_LABELS,
  role: ROLE_LABELS,
};
