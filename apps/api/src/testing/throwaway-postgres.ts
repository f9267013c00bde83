import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@pave/client/testing';

/** A PostgreSQL cluster of a test's own, on a free port, that the test may stop and start at will. */
export type ThrowawayPostgres = {
  readonly url: string;
  start(): void;
  /** Stops at once (`-m immediate`: like a crash, clients are cut off). */
  stop(): void;
  destroy(): void;
};

function findBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().at(-1);
  const bin = version ? join(root, version, 'bin') : null;
  return bin && existsSync(join(bin, 'initdb')) ? bin : null;
}

/**
 * Creates and starts a cluster with the machine's PostgreSQL binaries (initdb refuses to run as root, so as
 * root it runs them as the `postgres` user). Resolves to a reason string when that is not possible here.
 */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres | string> {
  const bin = findBinaries();
  if (!bin) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  const dir = mkdtempSync(join(tmpdir(), 'pave-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: 'pipe', timeout: 60_000 });
  };
  try {
    if (asRoot)
      chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres']).toString()),
        Number(execFileSync('id', ['-g', 'postgres']).toString()),
      );
    const port = await freePort();
    const data = join(dir, 'data');
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const cluster: ThrowawayPostgres = {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      start: () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']),
      stop: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
      destroy: () => {
        try {
          cluster.stop();
        } catch {
          // already stopped
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
    cluster.start();
    return cluster;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `could not start a throwaway PostgreSQL cluster: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

function hasPostgresUser(): boolean {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Why {@link createThrowawayPostgres} cannot work here, decided without starting anything (for a test to be skipped
 * when it is collected); null when it can.
 */
export function throwawayPostgresSkipReason(): string | null {
  if (!findBinaries()) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  if (process.getuid?.() === 0 && !hasPostgresUser()) return 'run as root without a postgres user for initdb';
  return null;
}
