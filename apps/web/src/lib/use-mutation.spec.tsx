import { act, renderHook } from '@testing-library/react';
import { deferred } from '../testing/deferred.js';
import { useMutation, type MutationOptions } from './use-mutation.js';

function renderMutation(options: MutationOptions<string, string>) {
  return renderHook((props: MutationOptions<string, string>) => useMutation(props), { initialProps: options });
}

describe('useMutation', () => {
  it('is idle, then pending, then done only after its onSuccess (e.g. an invalidation) has finished', async () => {
    const invalidation = deferred<void>();
    const seen: string[] = [];
    const { result } = renderMutation({
      mutationFn: async (name) => `created ${name}`,
      onSuccess: (data, name) => (seen.push(`${data} from ${name}`), invalidation.promise),
    });
    expect(result.current.status).toBe('idle');

    act(() => result.current.mutate('A'));
    expect(result.current.status).toBe('pending');
    await act(async () => undefined);
    expect(seen).toEqual(['created A from A']);
    expect(result.current.status).toBe('pending');
    await act(async () => invalidation.resolve());

    expect(result.current).toMatchObject({ status: 'success', data: 'created A', error: null });
  });

  it('reports a failure with its error and calls onError', async () => {
    const failure = new Error('refused');
    const errors: unknown[] = [];
    const { result } = renderMutation({
      mutationFn: () => Promise.reject(failure),
      onError: (error) => errors.push(error),
    });

    await act(async () => result.current.mutate('A'));

    expect(result.current).toMatchObject({ status: 'error', data: undefined, error: failure });
    expect(errors).toEqual([failure]);
  });

  it("runs a call's own onSuccess only for the latest call, whose answer is kept", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const done: string[] = [];
    const { result } = renderMutation({ mutationFn: (name) => (name === 'first' ? first : second).promise });

    act(() => result.current.mutate('first', { onSuccess: (data) => done.push(data) }));
    act(() => result.current.mutate('second', { onSuccess: (data) => done.push(data) }));
    await act(async () => second.resolve('second answer'));
    await act(async () => first.resolve('first answer'));

    expect(done).toEqual(['second answer']);
    expect(result.current.data).toBe('second answer');
  });

  it('keeps mutate the same function across renders and uses the latest options', async () => {
    const calls: string[] = [];
    const { result, rerender } = renderMutation({ mutationFn: async (name) => (calls.push(`old ${name}`), name) });
    const { mutate } = result.current;

    rerender({ mutationFn: async (name) => (calls.push(`new ${name}`), name) });
    await act(async () => result.current.mutate('A'));

    expect(result.current.mutate).toBe(mutate);
    expect(calls).toEqual(['new A']);
  });
});
