import { formatWireTimestamp, type ApiKey, type AuditEntry, type Invite, type User } from '@pave/domain';
import type { ApiKeyRow, AuditRow, InviteRow, UserRow } from '../storage/people-repository.js';

const wire = (ms: number): string => formatWireTimestamp(new Date(ms));

/** A person as the API shows them. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    created_at: wire(row.createdAt),
    last_login_at: row.lastLoginAt === null ? null : wire(row.lastLoginAt),
  };
}

/** A one-time link as listed (never its token). */
export function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    created_at: wire(row.createdAt),
    expires_at: wire(row.expiresAt),
  };
}

/** An API key as listed (never its secret). */
export function toApiKey(
  row: Pick<ApiKeyRow, 'apiKey' | 'label' | 'createdAt' | 'revokedAt'>,
  primary: boolean,
): ApiKey {
  return {
    api_key: row.apiKey,
    label: row.label,
    primary,
    created_at: wire(row.createdAt),
    revoked_at: row.revokedAt === null ? null : wire(row.revokedAt),
  };
}

/** An audit log entry as the API shows it. */
export function toAuditEntry(row: AuditRow): AuditEntry {
  return { id: row.id, at: wire(row.at), actor: row.actor, action: row.action, target: row.target, detail: row.detail };
}
