import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (free when asked; the server takes it a moment later). */
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
  /** The script `node` runs. */
  readonly script: string;
  readonly cwd: string;
  /** The whole environment, besides `PATH`: nothing else of the test's own is passed on. */
  readonly env: Readonly<Record<string, string>>;
  /** Polled every 100 ms until it answers 2xx. */
  readonly healthUrl: string;
  /** 20 s when missing. */
  readonly timeoutMs?: number;
};

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
 * Starts `node <script>` and resolves once `healthUrl` answers. Rejects, with the process's output in the message,
 * when the process exits first or does not answer within `timeoutMs` (it is killed then).
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [options.script], {
    cwd: options.cwd,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-keptOutputChars));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: ServerProcess = { child, output: () => output, stop: stopper(child) };
  const timeoutMs = options.timeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited with ${child.exitCode ?? child.signalCode}: ${output}`);
    }
    if (await answers(options.healthUrl)) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop('SIGKILL');
  throw new Error(`the server did not answer ${options.healthUrl} within ${timeoutMs} ms: ${output}`);
}
