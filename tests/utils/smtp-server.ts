// A real SMTP server for tests (unit tests with Vitest, journeys with Playwright): it accepts
// every message on 127.0.0.1, parses it with mailparser and keeps it in memory so a test can
// read back what the app sent. No dependency on a test runner.

import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMessage = {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Header values by lower-case name. */
  headers: Map<string, unknown>;
  attachments: ParsedMail["attachments"];
  receivedAt: Date;
  /** The full parsed message, for anything else. */
  parsed: ParsedMail;
};

export type MessageMatcher =
  ((message: ReceivedMessage) => boolean) | { to: string; subject?: string | RegExp };

export type TestMailbox = {
  port: number;
  /** smtp://127.0.0.1:PORT — give it to the app as SMTP_URL. */
  url: string;
  /** Every message received so far, oldest first. */
  messages: ReceivedMessage[];
  /** Resolves with the first message (already received or to come) that matches. */
  waitForMessage(matcher: MessageMatcher, timeoutMs?: number): Promise<ReceivedMessage>;
  /** Forgets the messages received so far. */
  clear(): void;
  /** Closes the server (open connections are dropped). */
  stop(): Promise<void>;
  /** Recipients whose RCPT TO is being held (slow server), not answered yet. */
  readonly rcptInFlight: number;
};

export type TestSmtpOptions = {
  /** Holds every RCPT TO this long before accepting it: a slow server, to catch a send mid-way. */
  rcptDelayMs?: number;
};

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

function toPredicate(matcher: MessageMatcher): (message: ReceivedMessage) => boolean {
  if (typeof matcher === "function") return matcher;
  const to = matcher.to.toLowerCase();
  const subject = matcher.subject;
  return (message) =>
    message.to.includes(to) &&
    (subject === undefined ||
      (typeof subject === "string"
        ? message.subject.includes(subject)
        : subject.test(message.subject)));
}

function describe(matcher: MessageMatcher) {
  return typeof matcher === "function"
    ? "un message correspondant au prédicat"
    : `un message pour ${matcher.to}${matcher.subject ? ` (objet ${String(matcher.subject)})` : ""}`;
}

/** Starts a test SMTP server on 127.0.0.1 (port 0 = any free port). */
export async function startTestSmtpServer(
  port = 0,
  options: TestSmtpOptions = {},
): Promise<TestMailbox> {
  let rcptInFlight = 0;
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<{
    predicate: (m: ReceivedMessage) => boolean;
    resolve: (m: ReceivedMessage) => void;
  }>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 500,
    size: 25 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      // Any credentials are accepted: the app may be configured with smtp://user:pass@…
      callback(null, { user: "test" });
    },
    onRcptTo(_address, _session, callback) {
      if (!options.rcptDelayMs) return callback();
      rcptInFlight++;
      setTimeout(() => {
        rcptInFlight--;
        callback();
      }, options.rcptDelayMs);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const message: ReceivedMessage = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: envelopeTo.length > 0 ? envelopeTo : addressesOf(parsed.to),
            subject: parsed.subject ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            text: parsed.text ?? "",
            headers: parsed.headers as Map<string, unknown>,
            attachments: parsed.attachments,
            receivedAt: new Date(),
            parsed,
          };
          messages.push(message);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(message)) {
              waiters.delete(waiter);
              waiter.resolve(message);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on("error", (error) => {
    // Connections dropped by stop() are expected; anything else is worth seeing.
    if ((error as NodeJS.ErrnoException).code !== "ECONNRESET")
      console.error("Serveur SMTP de test :", error);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.server.off("error", onError);
      resolve();
    });
  });
  const actualPort = (server.server.address() as AddressInfo).port;

  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    messages,
    get rcptInFlight() {
      return rcptInFlight;
    },
    waitForMessage(matcher, timeoutMs = 10_000) {
      const predicate = toPredicate(matcher);
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedMessage>((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (m: ReceivedMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen =
            messages.map((m) => `${m.to.join(",")} « ${m.subject} »`).join("; ") || "aucun";
          reject(
            new Error(
              `Délai dépassé (${timeoutMs} ms) en attendant ${describe(matcher)}. Reçus : ${seen}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
