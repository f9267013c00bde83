// @pave/client/admin: the admin's routes over a signed-in person's transport (see README.md, "Entry points").
export { buildAdminClient } from './lib/create-admin-client.js';
export type { AdminClient } from './lib/create-admin-client.js';
