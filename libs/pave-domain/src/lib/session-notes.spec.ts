import { AddNoteRequest, InvalidateSessionRequest, SessionNotes } from './session-notes.js';

describe('AddNoteRequest', () => {
  it.each<[unknown, boolean]>([
    [{ note: 'Scratch on the rear bumper' }, true],
    [{ note: 'x'.repeat(2000) }, true],
    [{ note: 'x'.repeat(2001) }, false],
    [{ note: '   ' }, false],
    [{ note: '' }, false],
    [{}, false],
    [{ note: 'ok', author: 'me' }, false],
  ])('%p: accepted %p', (body, accepted) => {
    expect(AddNoteRequest.safeParse(body).success).toBe(accepted);
  });

  it('trims the note', () => {
    expect(AddNoteRequest.parse({ note: '  Dent  ' })).toEqual({ note: 'Dent' });
  });
});

describe('InvalidateSessionRequest', () => {
  it.each<[unknown, boolean]>([
    [{ reason: 'Leaked link' }, true],
    [{ reason: 'x'.repeat(500) }, true],
    [{ reason: 'x'.repeat(501) }, false],
    [{ reason: ' ' }, false],
    [{}, false],
  ])('%p: accepted %p', (body, accepted) => {
    expect(InvalidateSessionRequest.safeParse(body).success).toBe(accepted);
  });
});

describe('SessionNotes', () => {
  it('reads a bare array of notes', () => {
    const notes = [{ id: 1, note: 'Dent', author: 'dealer', created_at: '2021-05-27T07:36:16+00:00' }];
    expect(SessionNotes.parse(notes)).toEqual(notes);
  });
});
