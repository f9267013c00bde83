import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as root from './index.js';
import * as admin from './admin.js';
import * as callbacks from './callbacks.js';
import * as capture from './capture.js';
import * as errors from './errors.js';
import * as people from './people.js';
import * as sessions from './sessions.js';
import * as webhooks from './webhooks.js';

const areas = { admin, callbacks, capture, errors, people, sessions, webhooks };

type Exports = Record<string, { '@pave/source': string; types: string; import: string; default: string }>;
const packageJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { exports: Exports };

// The web app imports these through the package name (apps/web resolves them by the exports below).
describe('entry points', () => {
  it.each(Object.entries(areas))('@pave/client/%s exports the same values as the root import', (_name, area) => {
    for (const [name, value] of Object.entries(area)) {
      expect([name, value]).toEqual([name, root[name as keyof typeof root]]);
    }
    expect(Object.keys(area).length).toBeGreaterThan(0);
  });

  it('maps every area to its source, and to the files the build emits', () => {
    for (const name of Object.keys(areas)) {
      expect(packageJson.exports[`./${name}`]).toEqual({
        '@pave/source': `./src/${name}.ts`,
        types: `./dist/${name}.d.ts`,
        import: `./dist/${name}.js`,
        default: `./dist/${name}.js`,
      });
    }
  });

  it('gives a person sessions, auth and the transport only, with the CSRF token on each call', async () => {
    const sent: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      sent.push(new Request(input, init));
      return Response.json({ message: 'Signed out.' });
    };
    const client = people.createPeopleSessionsClient({ baseUrl: 'http://x.test', csrfToken: () => 'csrf-1', fetch });

    await client.auth.logout();
    const log = callbacks.buildCallbacksClient(client.transport);

    expect(Object.keys(client).sort()).toEqual(['auth', 'sessions', 'transport']);
    expect(typeof log.deliveries).toBe('function');
    expect(sent.map((request) => [request.url, request.headers.get('X-CSRF-Token')])).toEqual([
      ['http://x.test/v1/auth/logout', 'csrf-1'],
    ]);
  });
});
