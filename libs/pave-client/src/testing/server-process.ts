import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/**
 * A free TCP port on 127.0.0.1, free when asked only: another process may take it before the server does. Servers
 * started with {@link startServerProcess} notice that (see there); {@link startServerOnFreePort} then tries another.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A Node server a test started in a child process. */
export type ServerProcess = {
  readonly child: ChildProcess;
  /** The last 8 kB the process wrote to stdout and stderr, for failure messages. */
  readonly output: () => string;
  /**
   * Sends `signal` (SIGTERM when missing) and resolves once the process has exited; a process still running
   * 15 s after a signal other than SIGKILL is killed.
   */
  readonly stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** What {@link startServerProcess} runs, and how it knows the server is up. */
export type ServerProcessOptions = {
  /** The script `node` runs: a server that sends `{ event: 'listening' }` over its IPC channel once it listens. */
  readonly script: string;
  readonly cwd: string;
  /** The whole environment, besides `PATH`: nothing else of the test's own is passed on. */
  readonly env: Readonly<Record<string, string>>;
  /** Polled every 100 ms, once the process said it listens, until it answers 2xx. */
  readonly healthUrl: string;
  /** 20 s when missing. */
  readonly timeoutMs?: number;
};

/** The server did not come up; `portTaken` when its port was another process's by the time it listened. */
export class ServerStartError extends Error {
  override name = 'ServerStartError' as const;
  readonly portTaken: boolean;
  constructor(message: string, output: string) {
    super(`${message}: ${output}`);
    this.portTaken = output.includes('EADDRINUSE');
  }
}

const keptOutputChars = 8000;
const killAfterMs = 15_000;

function stopper(child: ChildProcess): ServerProcess['stop'] {
  return (signal = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(signal);
    });
  };
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    (response) => response.ok,
    () => false,
  );
}

/**
 * Starts `node <script>` and resolves once the process has said it listens and `healthUrl` answers. A health check
 * alone is not enough: on a busy machine another test's server can take the probed port first and answer it, while
 * this one fails to listen and exits. Rejects with a {@link ServerStartError}, the process's output in its message,
 * when the process exits first or is not up within `timeoutMs` (it is killed then).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [options.script], {
    cwd: options.cwd,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  let listening = false;
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-keptOutputChars));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('message', (message: { event?: unknown }) => {
    if (message.event !== 'listening') return;
    listening = true;
    // the channel has served its purpose; left open, it would keep this process alive beside the child
    if (child.connected) child.disconnect();
  });
  const server: ServerProcess = { child, output: () => output, stop: stopper(child) };
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new ServerStartError(`the server exited with ${child.exitCode ?? child.signalCode}`, output);
    }
    if (listening && (await answers(options.healthUrl))) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop('SIGKILL');
  throw new ServerStartError(`the server was not up on ${options.healthUrl} within ${timeoutMs} ms`, output);
}

/** A server on a port of its own: {@link ServerProcess} with where it listens. */
export type ServerOnPort = ServerProcess & { readonly port: number; readonly baseUrl: string };

/** What {@link startServerOnFreePort} runs: its environment is made for each port it tries. */
export type ServerOnFreePortOptions = Omit<ServerProcessOptions, 'env' | 'healthUrl'> & {
  readonly env: (port: number) => Readonly<Record<string, string>>;
  /** `/healthz` when missing. */
  readonly healthPath?: string;
  /** How many ports to try when another process takes the probed one first; 3 when missing. */
  readonly attempts?: number;
};

/** {@link startServerProcess} on a {@link freePort}, and on another one when that was taken before the server listened. */
export async function startServerOnFreePort(options: ServerOnFreePortOptions): Promise<ServerOnPort> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      const server = await startServerProcess({
        ...options,
        env: options.env(port),
        healthUrl: `${baseUrl}${options.healthPath ?? '/healthz'}`,
      });
      return { ...server, port, baseUrl };
    } catch (error) {
      if (!(error instanceof ServerStartError && error.portTaken) || attempt >= attempts) throw error;
    }
  }
}
