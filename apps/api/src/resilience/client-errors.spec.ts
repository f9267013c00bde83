import {
  createServerInstance,
  removeServerInstance,
  startServerInstance,
  useServerBundle,
  type ServerInstance,
} from '../testing/server-process.js';
import { sendRaw } from './raw-request.js';

// What Node's HTTP parser refuses never reaches a route; the server itself (main.ts) must still answer it with
// JSON, like every refusal. http/client-error.spec.ts covers each case; this checks the server is wired with it.

const bundle = useServerBundle('client-errors');
let instance: ServerInstance;
let baseUrl: string;

beforeAll(async () => {
  instance = createServerInstance();
  await startServerInstance(bundle(), instance, { LOG_LEVEL: 'warn' });
  baseUrl = instance.baseUrl;
}, 60_000);
afterAll(() => removeServerInstance(instance));

describe('the server answering what Node cannot parse', () => {
  it('answers an 18 kB URL with 431 and a JSON message', async () => {
    const answer = await sendRaw(baseUrl, { method: 'GET', path: `/v1/sessions/${'A'.repeat(18_000)}/photos` });

    expect([answer.status, answer.headers['content-type'], JSON.parse(answer.body)]).toEqual([
      431,
      'application/json; charset=utf-8',
      { message: 'Request headers too large.' },
    ]);
  });
});
