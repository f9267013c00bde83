import {
  captureProgress,
  formatWireTimestamp,
  isManualEntryCode,
  isTerminalStatus,
  transitionStatus,
  type CaptureState,
  type ProgressAttempt,
  type Session,
  type SessionEvent,
  type SessionPhoto,
  type SessionProgress,
} from '@pave/domain';

/** One session held by the fake API: the session and its attempts in capture order. */
export type FakeSessionRecord = { session: Session; attempts: ProgressAttempt[]; manual: Set<ProgressAttempt> };

const clockStart = Date.parse('2021-05-27T07:40:00Z');

/** The seven wire fields of an attempt (what `GET …/photos` answers). */
function toPhoto(attempt: ProgressAttempt): SessionPhoto {
  const { photo_code, photo_label, url, approved, approved_message, created_at, updated_at } = attempt;
  return { photo_code, photo_label, url, approved, approved_message, created_at, updated_at };
}

function progressOf(record: FakeSessionRecord) {
  return captureProgress(record.attempts, { isManual: (attempt) => record.manual.has(attempt) });
}

function wireProgress(record: FakeSessionRecord): SessionProgress {
  const progress = progressOf(record);
  const next = progress.nextStep;
  return {
    session_key: record.session.session_key,
    status: record.session.status,
    complete: progress.complete,
    next_step: next ? { step: next.step, photo_code: next.photoCode, photo_label: next.photoLabel } : null,
    steps: progress.steps.map((step) => ({
      step: step.step,
      photo_code: step.photoCode,
      photo_label: step.photoLabel,
      state: step.state,
      attempts: step.attempts.map((attempt) => attempt.photo),
    })),
  };
}

function captureState(record: FakeSessionRecord): CaptureState {
  const progress = progressOf(record);
  const steps = progress.steps.map((step) => ({
    step: step.step,
    photo_code: step.photoCode,
    photo_label: step.photoLabel,
    state: step.state,
    needed: step.needed,
    attempts: step.attempts.length,
    latest: step.latest ? toPhoto(step.latest.photo) : null,
    may_skip: progress.skippable.includes(step.photoCode),
    manual_entry: isManualEntryCode(step.photoCode),
  }));
  return { ...wireProgress(record), steps, accepting: !isTerminalStatus(record.session.status) };
}

/** The in-memory state behind the fake client; the derived views reuse the domain rules. */
export function createFakeBackend(records: readonly FakeSessionRecord[]) {
  const byKey = new Map<string, FakeSessionRecord>(records.map((record) => [record.session.session_key, record]));
  let tick = 0;
  const now = () => formatWireTimestamp(new Date(clockStart + 1000 * tick++));
  const move = (record: FakeSessionRecord, event: SessionEvent) => {
    const next = transitionStatus(record.session.status, event);
    if (next.ok) record.session = { ...record.session, status: next.value, updated_at: now() };
  };
  /** Appends an attempt as a retake would: earlier attempts of its step get `updated_at` = now. */
  const addAttempt = (record: FakeSessionRecord, attempt: ProgressAttempt, options: { manual?: boolean } = {}) => {
    const at = now();
    const code = attempt.photo_code;
    record.attempts = record.attempts.map((earlier) =>
      earlier.photo_code === code ? { ...earlier, updated_at: at } : earlier,
    );
    const stamped = { ...attempt, created_at: at, updated_at: at };
    record.attempts.push(stamped);
    if (options.manual) record.manual.add(stamped);
    move(record, 'attempt');
    move(record, progressOf(record).complete ? 'capture_complete' : 'capture_incomplete');
    return toPhoto(stamped);
  };
  return { byKey, now, move, wireProgress, captureState, addAttempt, toPhoto };
}

/** The fake API's state and operations. */
export type FakeBackend = ReturnType<typeof createFakeBackend>;
