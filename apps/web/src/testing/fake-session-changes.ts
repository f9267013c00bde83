import {
  AddNoteRequest,
  checkSessionUpdate,
  InvalidateSessionRequest,
  parseWireTimestamp,
  sessionNotCompletedMessage,
  sessionUpdateRefusedMessage,
  alreadyInvalidMessage,
  toSessionObject,
  toSessionResults,
  transitionStatus,
  UpdateSessionRequest,
  type Session,
  type SessionSettings,
  type SessionStatus,
} from '@pave/domain';
import { answer, parseBody, refuse, withSession, type FakeHandler } from './fake-api-answers.js';
import type { FakeStore } from './fake-api-store.js';

const dateOf = (wire: string): Date => parseWireTimestamp(wire) ?? new Date(0);
const dateOrNull = (wire: string | null): Date | null => (wire === null ? null : dateOf(wire));

/** What the integrator set on a session, read back from its session object (the fake keeps no more). */
function settingsOf(session: Session): SessionSettings {
  const vehicle = Object.fromEntries(Object.entries(session.vehicle).filter(([, value]) => value !== null));
  const sms = session.options.sms;
  return {
    theme: session.theme,
    language: session.language,
    redirect_url: session.redirect_url,
    client_id: session.options.client_id,
    contact: session.contact,
    reference: session.reference,
    vehicle,
    sms: sms && {
      to: sms.to,
      ...(sms.to_name === null ? {} : { to_name: sms.to_name }),
      ...(sms.from === null ? {} : { from: sms.from }),
      ...(sms.by === null ? {} : { by: sms.by }),
    },
  };
}

type Change = { settings?: SessionSettings; status?: SessionStatus; invalidReason?: string };

/** The session object after a change, through the domain's one projection. */
function changed(store: FakeStore, session: Session, change: Change): Session {
  return toSessionObject({
    sessionKey: session.session_key,
    status: change.status ?? session.status,
    settings: change.settings ?? settingsOf(session),
    learned: { vin: null, odom_reading: null },
    captureUrl: session.capture_url,
    createdAt: dateOf(session.created_at),
    updatedAt: store.now(),
    expiresAt: dateOf(session.expires_at),
    inspectStartedAt: dateOrNull(session.inspect_started_at),
    inspectEndedAt: dateOrNull(session.inspect_ended_at),
    invalidReason: change.invalidReason ?? session.invalid_reason,
  });
}

/**
 * The signed routes that change or complete a session: update, invalidate, notes, results (the domain's rules). A
 * note's author is `authorOf` the request (the API's: the signed-in person's email, or the account's username).
 */
export function createSessionChangeRoutes(username: string, authorOf: (request: Request) => string) {
  return {
    'PUT /v1/sessions/:key': (context) =>
      withSession(context, async (entry) => {
        const body = await parseBody(UpdateSessionRequest, context.request, 'update');
        if (!body.ok) return body.answer;
        const checked = checkSessionUpdate(entry.session.status, settingsOf(entry.session), body.value);
        if (!checked.ok) return refuse('update_refused', sessionUpdateRefusedMessage(checked.error));
        context.store.replace(entry, changed(context.store, entry.session, { settings: checked.value }));
        return answer(200, entry.session);
      }),
    'POST /v1/sessions/:key/invalidate': (context) =>
      withSession(context, async (entry) => {
        const body = await parseBody(InvalidateSessionRequest, context.request, 'invalidation');
        if (!body.ok) return body.answer;
        const next = transitionStatus(entry.session.status, 'invalidate');
        if (!next.ok) return refuse('invalid_transition', alreadyInvalidMessage(entry.session.session_key));
        const change = { status: next.value, invalidReason: body.value.reason };
        context.store.replace(entry, changed(context.store, entry.session, change));
        return answer(200, entry.session);
      }),
    'GET /v1/sessions/:key/notes': (context) => withSession(context, (entry) => answer(200, entry.notes)),
    'POST /v1/sessions/:key/notes': (context) =>
      withSession(context, async (entry) => {
        const body = await parseBody(AddNoteRequest, context.request, 'note');
        if (!body.ok) return body.answer;
        return answer(201, context.store.addNote(entry, body.value.note, authorOf(context.request)));
      }),
    'GET /v1/sessions/:key/results': (context) =>
      withSession(context, (entry) => {
        const photos = entry.attempts.map((attempt) => attempt.photo);
        const results = toSessionResults(entry.session, photos, username);
        return results.ok ? answer(200, results.value) : refuse('session_not_completed', sessionNotCompletedMessage());
      }),
  } satisfies Record<string, FakeHandler>;
}
