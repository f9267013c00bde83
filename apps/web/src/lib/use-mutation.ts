import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Options of {@link useMutation}. */
export type MutationOptions<TVariables, TData> = {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** Runs after a success and is awaited before the mutation counts as done (invalidate what it changed here). */
  onSuccess?: (data: TData, variables: TVariables) => unknown;
  /** Runs after a failure, not awaited. */
  onError?: (error: unknown) => void;
};

/** Where a mutation stands: not called yet, running, failed or done. */
export type MutationStatus = 'idle' | 'pending' | 'error' | 'success';

/** The state of the latest call of a {@link useMutation}. */
export type MutationState<TData> = {
  status: MutationStatus;
  data: TData | undefined;
  /** Why the latest call failed (narrow it with `isPaveClientError`). */
  error: unknown;
};

/** Callbacks of one `mutate` call, run only when it is still the latest call. */
export type MutateCallbacks<TData> = { onSuccess?: (data: TData) => void; onError?: (error: unknown) => void };

/** What {@link useMutation} returns; `mutate` keeps its identity across renders. */
export type MutationResult<TVariables, TData> = MutationState<TData> & {
  mutate: (variables: TVariables, callbacks?: MutateCallbacks<TData>) => void;
};

const idle: MutationState<never> = { status: 'idle', data: undefined, error: null };

async function run<TVariables, TData>(
  options: MutationOptions<TVariables, TData>,
  variables: TVariables,
): Promise<MutationState<TData>> {
  try {
    const data = await options.mutationFn(variables);
    await options.onSuccess?.(data, variables);
    return { status: 'success', data, error: null };
  } catch (error) {
    options.onError?.(error);
    return { status: 'error', data: undefined, error };
  }
}

/** Runs a server change on demand and tracks its latest call; an earlier call finishing late changes nothing. */
export function useMutation<TVariables = void, TData = unknown>(
  options: MutationOptions<TVariables, TData>,
): MutationResult<TVariables, TData> {
  const [state, setState] = useState<MutationState<TData>>(idle);
  const latest = useRef(options);
  const calls = useRef(0);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const mutate = useCallback((variables: TVariables, callbacks: MutateCallbacks<TData> = {}) => {
    const call = ++calls.current;
    setState({ status: 'pending', data: undefined, error: null });
    void run(latest.current, variables).then((next) => {
      if (call !== calls.current) return;
      setState(next);
      if (next.status === 'success') callbacks.onSuccess?.(next.data as TData);
      else if (next.status === 'error') callbacks.onError?.(next.error);
    });
  }, []);
  return { ...state, mutate };
}
