// Web security defaults applied by the Express server to every response (see
// docs/decisions/010-csp-and-csrf.md): one reading of the path for every decision, a per-request
// CSP nonce, security headers, a same-origin check on every state-changing request, and a cap on
// request bodies.
import crypto from "node:crypto";

const MO = 1024 * 1024;

/** Largest request body accepted (forms), unless the path has its own limit below. */
export const MAX_BODY_BYTES = MO;

/**
 * A practice's form carries up to 3 images of 2 Mo each (PRACTICE_IMAGES_MAX and
 * PRACTICE_IMAGE_MAX_BYTES in app/utils/schemas/practice.ts; a test keeps them in step), plus its
 * text: the form's own limit, so that what the page announces is what the server accepts.
 */
export const PRACTICE_FORM_MAX_BYTES = 3 * 2 * MO + MAX_BODY_BYTES;

/**
 * Paths with a body limit of their own. `null`: the realisation import streams its multipart
 * upload and refuses files over 10 Mo in French itself. Remix's single fetch posts a page's form
 * to the page's path followed by `.data`.
 */
const OWN_BODY_LIMITS = [
  { pattern: /^\/entreprise\/[^/]+\/import(\/envoi)?(\.data)?$/, limit: null },
  {
    pattern: /^\/pratiques\/(nouvelle|[^/]+\/modifier)(\.data)?$/,
    limit: PRACTICE_FORM_MAX_BYTES,
  },
];

/** The body limit of a path, in bytes (null: the route caps its upload itself). */
export function bodyLimitOf(path) {
  const own = OWN_BODY_LIMITS.find(({ pattern }) => pattern.test(path));
  return own ? own.limit : MAX_BODY_BYTES;
}

/**
 * Routes authorised by an HMAC-signed token in their URL, not by the session cookie, so a forged
 * cross-site request gains nothing: mail providers post RFC 8058 one-click unsubscribes from
 * their own servers or webmail pages, and RSVP buttons may be pressed from a webmail.
 */
export const SIGNED_LINK_PREFIXES = ["desabonnement", "lettre/desabonnement", "reunion/reponse"];
const SIGNED_LINK_PATH = new RegExp(`^/(?:${SIGNED_LINK_PREFIXES.join("|")})/[^/]+$`);

const isSignedLinkPath = (path) => SIGNED_LINK_PATH.test(path);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The path Remix routes on, or null if there is none: @remix-run/express builds the request's
 * URL from `req.originalUrl` with the WHATWG parser, which reads `\` as `/`, resolves `.` and `..`
 * segments (`%2e` too), drops tabs and newlines, and percent-encodes what Express keeps raw.
 */
export function routedPath(originalUrl) {
  if (!originalUrl.startsWith("/")) return null;
  try {
    return new URL(`http://engages.invalid${originalUrl}`).pathname;
  } catch {
    return null;
  }
}

/**
 * True when Express and Remix would read different paths. The checks below (signed-link
 * exemption, body limits) and the access log use Express's path, Remix routes on the WHATWG one:
 * `/reunion/reponse/..\..\pratiques\x` was a signed link to the first and a practice to the
 * second. Such a request is refused rather than normalised, so one path, the one checked, is the
 * one routed and logged, whatever else reads `req.url`. Browsers send paths already in WHATWG
 * form: only hand-made requests are refused. `%5C` too, as route params decode it into a `\`.
 */
export function isAmbiguousPath(originalUrl, expressPath) {
  return /%5c/i.test(expressPath) || routedPath(originalUrl) !== expressPath;
}

/**
 * The origin that signing out may redirect to after its form is posted (Chrome applies
 * `form-action` to the redirects that follow a form): ProConnect's, whose end-of-session page
 * ends the ProConnect session too (decision 027). Null without ProConnect.
 */
export function proConnectOrigin(discoveryUrl) {
  if (!discoveryUrl) return null;
  try {
    return new URL(discoveryUrl).origin;
  } catch {
    return null;
  }
}

/**
 * @param {string} nonce
 * @param {{ development?: boolean, formActionOrigins?: string[] }} [options]
 */
export function contentSecurityPolicy(nonce, { development = false, formActionOrigins = [] } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Stylesheets from the app, plus React Aria's one <style> element (it reads the nonce from
    // <meta name="csp-nonce">); inline `style` attributes (React style props for chart heights
    // and progress bars, React Aria's visually-hidden) are allowed: they cannot run script.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // `remix dev` reloads the page over a websocket.
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    ["form-action 'self'", ...formActionOrigins].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Headers of every response; HSTS only when the site is served over HTTPS.
 * @param {{ nonce: string, https: boolean, development?: boolean, formActionOrigins?: string[] }} options
 */
export function securityHeaders({ nonce, https, development = false, formActionOrigins = [] }) {
  const headers = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { development, formActionOrigins }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Invitation and reset links carry their token in the path: never send it to another site.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Why a request must be refused as cross-site, or null. Browsers send `Sec-Fetch-Site` and
 * `Origin` on every POST; a request with neither comes from a program (curl, a mail provider,
 * the test suite), which cannot carry the victim's cookie, so it is not a CSRF risk.
 * @param {{ method: string, path: string, origin?: string, secFetchSite?: string, allowedOrigins: string[] }} request
 */
export function crossSiteRejection({ method, path, origin, secFetchSite, allowedOrigins }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (isSignedLinkPath(path)) return null;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") {
    return `Sec-Fetch-Site: ${secFetchSite}`;
  }
  if (origin !== undefined && !allowedOrigins.includes(origin)) return `Origin: ${origin}`;
  return null;
}

export const CROSS_SITE_MESSAGE =
  "Demande refusée : elle ne vient pas d'une page d'Engagés. Rechargez la page et réessayez.";
/** The 413 answer, naming the limit of the path. */
export const tooLargeMessage = (limit) =>
  `Demande refusée : les données envoyées sont trop volumineuses (${Math.round(limit / MO)} Mo au plus).`;
export const UNREADABLE_PATH_MESSAGE =
  "Demande refusée : cette adresse n'est pas valide (barre oblique inversée, « . » ou « .. » dans le chemin).";
export const UNSUPPORTED_TYPE_MESSAGE =
  "Demande refusée : seuls les formulaires (application/x-www-form-urlencoded ou multipart/form-data) sont acceptés.";
export const LENGTH_REQUIRED_MESSAGE =
  "Demande refusée : la taille des données envoyées doit être annoncée (en-tête Content-Length).";

/** True for a form body, or no body at all. */
export function isFormBody(contentType, contentLength) {
  if (!contentType) return !contentLength || contentLength === "0";
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType);
}

/** Express middleware: nonce and headers on every response, CSRF and size checks on writes. */
export function securityMiddleware({
  appUrl,
  https,
  development,
  proConnectDiscoveryUrl = undefined,
}) {
  const appOrigin = appUrl ? new URL(appUrl).origin : null;
  const proConnect = proConnectOrigin(proConnectDiscoveryUrl);
  const formActionOrigins = proConnect ? [proConnect] : [];
  return (req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, https, development, formActionOrigins }));
    if (isAmbiguousPath(req.originalUrl, req.path)) {
      res.status(400).type("text/plain; charset=utf-8").send(UNREADABLE_PATH_MESSAGE);
      return;
    }

    const ownOrigin = `${req.protocol}://${req.get("host")}`;
    const rejection = crossSiteRejection({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      allowedOrigins: appOrigin ? [ownOrigin, appOrigin] : [ownOrigin],
    });
    // Remix refuses (with a 500) any action whose Origin differs from Host: signed links are
    // meant to be posted from elsewhere, so their Origin is dropped once accepted here.
    if (!rejection && isSignedLinkPath(req.path)) delete req.headers.origin;
    if (rejection) {
      console.warn(`Requête inter-sites refusée (${req.method} ${req.path}, ${rejection})`);
      res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE_MESSAGE);
      return;
    }
    // Remix reads whole bodies into memory: cap them, and refuse unannounced (chunked) ones.
    const limit = bodyLimitOf(req.path);
    if (limit !== null && Number(req.get("content-length") ?? 0) > limit) {
      res.status(413).type("text/plain; charset=utf-8").send(tooLargeMessage(limit));
      return;
    }
    if (req.get("transfer-encoding") && req.get("content-length") === undefined) {
      res.status(411).type("text/plain; charset=utf-8").send(LENGTH_REQUIRED_MESSAGE);
      return;
    }
    // Every action reads a form: any other body would make request.formData() throw (a 500).
    if (
      !SAFE_METHODS.has(req.method) &&
      !isFormBody(req.get("content-type"), req.get("content-length"))
    ) {
      res.status(415).type("text/plain; charset=utf-8").send(UNSUPPORTED_TYPE_MESSAGE);
      return;
    }
    next();
  };
}

/** Secret tokens travel in these paths' last segment (invitations, resets, signed links, feeds). */
const TOKEN_PATHS = new RegExp(
  `^(/(?:${["invitation", "reinitialiser-mot-de-passe", ...SIGNED_LINK_PREFIXES].join("|")})/|/club/[^/]+/calendrier/)[^/?]+`,
);

/** The URL as it may be written to logs: tokens masked. */
export function maskUrlForLogs(url) {
  return url.replace(TOKEN_PATHS, "$1[jeton]");
}
