import {
  useEffect,
  useMemo,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';

// A tiny history-API router: three routes do not need react-router's weight in the budget.
const navigationEvent = 'pave:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

// set when an in-app navigation changed the page, so the new page can take the focus (screen readers
// otherwise stay on a link that no longer exists)
const focusRequest = { pending: false };

const currentUrl = (): string => `${window.location.pathname}${window.location.search}`;

/** Options of {@link navigate}: `replace` rewrites the current history entry (filters, selections). */
export type NavigateOptions = { replace?: boolean };

/** Moves to an in-app URL (path and query) without reloading the page. */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const samePath = new URL(to, window.location.href).pathname === window.location.pathname;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!samePath) {
    document.documentElement.scrollTop = 0;
    focusRequest.pending = true;
  }
  window.dispatchEvent(new Event(navigationEvent));
}

/** Focuses `target` when the page was reached by an in-app navigation (not on the first load). */
export function useFocusAfterNavigation(target: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!focusRequest.pending) return;
    focusRequest.pending = false;
    target.current?.focus();
  }, [target]);
}

/** The current location; re-renders when it changes. */
export type AppLocation = { pathname: string; search: URLSearchParams };

/** Subscribes to the current path and query string. */
export function useLocation(): AppLocation {
  const url = useSyncExternalStore(subscribe, currentUrl, currentUrl);
  return useMemo(() => {
    const parsed = new URL(url, 'http://app.invalid');
    return { pathname: parsed.pathname, search: parsed.searchParams };
  }, [url]);
}

/** Builds `pathname?query` from the current query with some parameters set (null removes one). */
export function withSearchParams(location: AppLocation, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `${location.pathname}?${query}` : location.pathname;
}

/** Sets or removes query parameters of the current URL (replacing the history entry by default). */
export function updateSearchParams(
  changes: Record<string, string | null>,
  options: NavigateOptions = { replace: true },
): void {
  const current = { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) };
  navigate(withSearchParams(current, changes), options);
}

/** Props of {@link Link}. */
export type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

function isPlainClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** An anchor that navigates in-app on a plain click and behaves as a normal link otherwise. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainClick(event) || rest.target === '_blank') return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
