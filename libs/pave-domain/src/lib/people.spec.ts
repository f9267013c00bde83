import { AcceptInviteRequest, Email, LoginRequest } from './people.js';
import { permissionFor, roleCan, type Permission, type Role } from './roles.js';

describe('roleCan', () => {
  it.each<[Role, Permission, boolean]>([
    ['viewer', 'read', true],
    ['viewer', 'review', false],
    ['viewer', 'administer', false],
    ['reviewer', 'read', true],
    ['reviewer', 'review', true],
    ['reviewer', 'administer', false],
    ['admin', 'read', true],
    ['admin', 'review', true],
    ['admin', 'administer', true],
  ])('%s may %s: %s', (role, permission, allowed) => {
    expect(roleCan(role, permission)).toBe(allowed);
  });
});

describe('permissionFor', () => {
  it.each<[string, string, Permission]>([
    ['GET', '/v1/sessions', 'read'],
    ['HEAD', '/v1/sessions/ABC-1/photos', 'read'],
    ['GET', '/v1/events', 'read'],
    ['POST', '/v1/sessions', 'review'],
    ['POST', '/v1/sessions/ABC-1/invalidate', 'review'],
    ['POST', '/v1/sessions/ABC-1/notes', 'review'],
    ['DELETE', '/v1/sessions/ABC-1', 'review'],
    ['GET', '/v1/callbacks', 'administer'],
    ['POST', '/v1/callbacks/signing-secret/rotate', 'administer'],
    ['POST', '/v1/sessions/ABC-1/erase', 'administer'],
    ['POST', '/v1/sessions/ABC-1/erase/', 'administer'],
    ['GET', '/v1/sessions/erase', 'read'],
  ])('%s %s needs %s', (method, path, permission) => {
    expect(permissionFor(method, path)).toBe(permission);
  });
});

describe('people requests', () => {
  it('lower-cases and trims emails, and refuses what is not one', () => {
    expect(Email.parse('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(Email.safeParse('ada').success).toBe(false);
  });

  it('refuses a new password under 10 characters and unknown fields', () => {
    expect(AcceptInviteRequest.safeParse({ token: 't', password: 'short' }).success).toBe(false);
    expect(AcceptInviteRequest.safeParse({ token: 't', password: 'long enough!' }).success).toBe(true);
    expect(LoginRequest.safeParse({ email: 'a@b.c', password: 'x', role: 'admin' }).success).toBe(false);
  });
});
