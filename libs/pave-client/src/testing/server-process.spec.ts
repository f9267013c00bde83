import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerStartError, startServerOnFreePort, startServerProcess } from './server-process.js';

// A server that listens on PORT and says so over its IPC channel, as apps/api's main.ts does; on a taken port it
// exits with the error, as main.ts does.
const script = `import { createServer } from 'node:http';
const server = createServer((_req, res) => res.end('child'));
server.on('error', (error) => { console.error('Could not start: ' + error.message); process.exit(1); });
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.send?.({ event: 'listening' });
  process.channel?.unref();
});
`;

describe('startServerProcess', () => {
  let folder: string;
  let file: string;
  let stranger: Server | null = null;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'pave-server-process-'));
    file = join(folder, 'server.mjs');
    writeFileSync(file, script);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  afterEach(async () => {
    await new Promise((resolve) => (stranger ? stranger.close(resolve) : resolve(undefined)));
    stranger = null;
  });

  /** Another process's server on `port` that answers every request 200, as a test's API would. */
  async function strangerOn(port: number): Promise<void> {
    stranger = createServer((_req, res) => res.end('stranger'));
    await new Promise<void>((resolve) => stranger?.listen(port, '127.0.0.1', resolve));
  }

  it('is not fooled by another server answering on the port it was given: it says the port was taken', async () => {
    const port = await freePort();
    await strangerOn(port);
    const start = startServerProcess({
      script: file,
      cwd: folder,
      env: { PORT: String(port) },
      healthUrl: `http://127.0.0.1:${port}/healthz`,
    });
    await expect(start).rejects.toThrow(ServerStartError);
    await expect(start).rejects.toMatchObject({ portTaken: true, message: expect.stringContaining('EADDRINUSE') });
  });

  it('starts on another port when the first one it probed is taken before the server listens', async () => {
    let taken: number | null = null;
    const server = await startServerOnFreePort({
      script: file,
      cwd: folder,
      env: (port) => {
        // the first port is taken by another server while the child boots (binding takes it long before)
        if (taken === null) {
          taken = port;
          stranger = createServer((_req, res) => res.end('stranger')).listen(port, '127.0.0.1');
        }
        return { PORT: String(port) };
      },
    });
    try {
      expect(await (await fetch(`${server.baseUrl}/healthz`)).text()).toBe('child');
    } finally {
      await server.stop();
    }
    expect([taken === null, server.port === taken]).toEqual([false, false]);
  });
});
