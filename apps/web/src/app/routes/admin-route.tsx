import { ApiKeysPanel } from '../../features/admin/components/api-keys-panel.js';
import { AuditLogTable } from '../../features/admin/components/audit-log.js';
import { InviteForm } from '../../features/admin/components/invite-form.js';
import { PendingInvites } from '../../features/admin/components/pending-invites.js';
import { PeopleTable } from '../../features/admin/components/people-table.js';
import '../../features/admin/components/admin.css';
import type { AdminSection } from '../../config/paths.js';

/** The admin's pages (their own chunk): people and invites, API keys, the audit log. */
export function AdminRoute({ section }: { section: AdminSection }) {
  switch (section) {
    case 'people':
      return (
        <div>
          <h1>People</h1>
          <InviteForm />
          <PeopleTable />
          <PendingInvites />
        </div>
      );
    case 'api-keys':
      return <ApiKeysPanel />;
    case 'audit':
      return <AuditLogTable />;
  }
}
