import { act, fireEvent, render, screen } from '@testing-library/react';
import { memo, useState, type ReactElement } from 'react';
import { createQueryCache, type QueryCache, type QueryDescriptor } from './query-cache.js';
import { QueryCacheProvider } from './query-cache-provider.js';
import { useQuery, type QueryOptions } from './use-query.js';

type Progress = { status: 'PROCESS' | 'COMPLETE'; steps: { code: number; attempts: number }[] };

/** A fake server: answers with `answer` (change it between fetches), records every fetch and its signal. */
function createServer(initial: Progress) {
  const server = {
    answer: initial as Progress | Error,
    signals: [] as AbortSignal[],
    keys: [] as string[],
    query: (sessionKey: string): QueryDescriptor<Progress> => ({
      key: ['session', sessionKey, 'progress'],
      fetch: async (signal) => {
        server.signals.push(signal);
        server.keys.push(sessionKey);
        await Promise.resolve();
        if (server.answer instanceof Error) throw server.answer;
        return JSON.parse(JSON.stringify(server.answer)) as Progress;
      },
    }),
  };
  return server;
}

const live: Progress = {
  status: 'PROCESS',
  steps: [
    { code: 1, attempts: 1 },
    { code: 2, attempts: 0 },
  ],
};
type Server = ReturnType<typeof createServer>;

const stepRenders: number[] = [];
const StepView = memo(function StepView({ step }: { step: Progress['steps'][number] }) {
  stepRenders.push(step.code);
  return <li>{`step ${step.code}: ${step.attempts} attempts`}</li>;
});

type ViewProps = { server: Server; sessionKey?: string; options?: QueryOptions<Progress>; label?: string };

const shownStates: string[] = [];
function ProgressView({ server, sessionKey = 'A', options, label = 'view' }: ViewProps) {
  const progress = useQuery(server.query(sessionKey), options);
  shownStates.push(progress.data ? `data${progress.isFetching ? ' (refreshing)' : ''}` : progress.status);
  if (progress.status === 'error' && !progress.data) {
    return (
      <button type="button" onClick={() => void progress.refetch()}>
        {`${label}: failed, try again`}
      </button>
    );
  }
  if (!progress.data) return <p>{`${label}: loading`}</p>;
  return (
    <ul aria-label={label}>
      {progress.data.steps.map((step) => (
        <StepView key={step.code} step={step} />
      ))}
    </ul>
  );
}

function renderWithCache(ui: ReactElement, cache: QueryCache = createQueryCache()) {
  const view = render(<QueryCacheProvider cache={cache}>{ui}</QueryCacheProvider>);
  return { ...view, cache };
}

beforeEach(() => {
  stepRenders.length = 0;
  shownStates.length = 0;
});

describe('useQuery', () => {
  it('shares one cache entry and one request between components reading the same key', async () => {
    const server = createServer(live);

    renderWithCache(
      <>
        <ProgressView server={server} label="first" />
        <ProgressView server={server} label="second" />
      </>,
    );

    expect(await screen.findByRole('list', { name: 'first' })).toHaveTextContent('step 1: 1 attempts');
    expect(screen.getByRole('list', { name: 'second' })).toHaveTextContent('step 1: 1 attempts');
    expect(server.keys).toEqual(['A']);
  });

  it('does not fetch while disabled, and fetches once enabled', async () => {
    const server = createServer(live);
    const { rerender, cache } = renderWithCache(<ProgressView server={server} options={{ enabled: false }} />);
    expect(server.keys).toEqual([]);

    rerender(
      <QueryCacheProvider cache={cache}>
        <ProgressView server={server} options={{ enabled: true }} />
      </QueryCacheProvider>,
    );

    expect(await screen.findByRole('list', { name: 'view' })).toBeInTheDocument();
    expect(server.keys).toEqual(['A']);
  });

  describe('with fake timers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    async function tick(ms: number) {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(ms);
      });
    }

    it('polls on refetchInterval without a loading flash, re-rendering only the steps that changed', async () => {
      const server = createServer(live);
      renderWithCache(<ProgressView server={server} options={{ refetchInterval: 2_000 }} />);
      await tick(0);
      expect(stepRenders).toEqual([1, 2]);

      server.answer = {
        ...live,
        steps: [
          { code: 1, attempts: 1 },
          { code: 2, attempts: 1 },
        ],
      };
      await tick(2_000);
      expect(screen.getByRole('list', { name: 'view' })).toHaveTextContent('step 2: 1 attempts');
      await tick(2_000);

      expect(server.keys).toEqual(['A', 'A', 'A']);
      expect(stepRenders).toEqual([1, 2, 2]);
      expect(shownStates.slice(shownStates.indexOf('data'))).not.toContain('pending');
    });

    it('stops polling when the refetchInterval function says so', async () => {
      const server = createServer(live);
      const refetchInterval = (state: { data: Progress | undefined }) =>
        state.data?.status === 'COMPLETE' ? false : 2_000;
      renderWithCache(<ProgressView server={server} options={{ refetchInterval }} />);
      await tick(0);

      server.answer = { ...live, status: 'COMPLETE' };
      await tick(2_000);
      await tick(10_000);

      expect(server.keys).toEqual(['A', 'A']);
    });
  });

  it('aborts the request when the component unmounts', async () => {
    const server = createServer(live);
    const { unmount } = renderWithCache(<ProgressView server={server} />);
    expect(server.signals).toHaveLength(1);

    unmount();

    expect(server.signals[0]?.aborted).toBe(true);
  });

  it('aborts the old request and loads the new key when the key changes', async () => {
    const server = createServer(live);
    function Switcher() {
      const [sessionKey, setSessionKey] = useState('A');
      return (
        <>
          <button type="button" onClick={() => setSessionKey('B')}>
            Next session
          </button>
          <ProgressView server={server} sessionKey={sessionKey} />
        </>
      );
    }
    renderWithCache(<Switcher />);

    fireEvent.click(screen.getByRole('button', { name: 'Next session' }));

    expect(await screen.findByRole('list', { name: 'view' })).toBeInTheDocument();
    expect(server.keys).toEqual(['A', 'B']);
    expect(server.signals.map((signal) => signal.aborted)).toEqual([true, false]);
  });

  it('shows the error of a failed load and recovers with refetch', async () => {
    const server = createServer(live);
    server.answer = new Error('offline');
    renderWithCache(<ProgressView server={server} />);
    const retry = await screen.findByRole('button', { name: 'view: failed, try again' });

    server.answer = live;
    fireEvent.click(retry);

    expect(await screen.findByRole('list', { name: 'view' })).toHaveTextContent('step 2: 0 attempts');
    expect(server.keys).toEqual(['A', 'A']);
  });
});
