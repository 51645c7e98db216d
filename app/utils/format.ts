// French formats shared by pages, exports and e-mails (client-safe).
export const numberFormat = new Intl.NumberFormat("fr-FR");
export const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long" });
/** A moment as people in the clubs read it: Paris time. */
export const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});
