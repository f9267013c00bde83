import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorMessage } from '../components/error-message.js';
import { summarizeError } from '../lib/errors.js';

/** Props of {@link RouteErrorBoundary}. */
export type RouteErrorBoundaryProps = { children: ReactNode };

type RouteErrorBoundaryState = { error: unknown; failed: boolean };

/**
 * Catches a route's render errors and shows the API's message (`PaveApiError.body.message`) or a generic
 * text. React offers error boundaries only as class components: the one class outside error types.
 */
export class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, RouteErrorBoundaryState> {
  override state: RouteErrorBoundaryState = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): RouteErrorBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Route failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <ErrorMessage title="This page could not be shown" onRetry={() => window.location.reload()} retryLabel="Reload">
        {summarizeError(this.state.error).message}
      </ErrorMessage>
    );
  }
}
