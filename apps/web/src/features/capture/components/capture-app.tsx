import { useEffect } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { navigate } from '../../../lib/router.js';
import { useCaptureState, useRefreshCaptureState } from '../api/capture-state.js';
import { useOfflineShell } from '../hooks/use-offline-shell.js';
import { usePendingUploads } from '../hooks/use-pending-uploads.js';
import { htmlLanguages } from '../i18n/catalogues.js';
import { CaptureTextProvider, useText } from '../i18n/text-context.js';
import { isDone, urlOfScreen } from '../utils/capture-flow.js';
import { CaptureFlow } from './capture-flow.js';
import { OfflineNotice } from './offline-notice.js';
import './capture-app.css';

/** Props of {@link CaptureApp}. */
export type CaptureAppProps = { sessionKey: string };

function CaptureHeader({ done, total }: { done: number | null; total: number }) {
  const text = useText();
  return (
    <header className="app-header app-header--capture">
      <title>{text.appTitle}</title>
      <h1 className="app-header__brand">{text.appTitle}</h1>
      {done === null ? null : (
        <>
          <button
            type="button"
            className="button"
            onClick={() => navigate(urlOfScreen(window.location, { kind: 'steps' }))}
          >
            {text.allSteps}
          </button>
          <div className="capture-progress">
            <progress
              className="capture-progress__bar"
              max={total}
              value={done}
              aria-label={text.progress(done, total)}
            />
            <span className="capture-progress__text">{text.progress(done, total)}</span>
          </div>
        </>
      )}
    </header>
  );
}

function CaptureBody({ sessionKey }: CaptureAppProps) {
  const text = useText();
  const state = useCaptureState(sessionKey);
  if (state.data) return <CaptureFlow state={state.data} />;
  if (state.status === 'error') {
    const summary = summarizeError(state.error);
    const message = summary.notFound ? text.linkInvalid : summary.retryable ? text.networkError : summary.message;
    return (
      <ErrorMessage title={text.cannotOpen} onRetry={summary.retryable ? () => void state.refetch() : undefined}>
        {message}
      </ErrorMessage>
    );
  }
  return <p role="status">{text.opening}</p>;
}

/**
 * The phone capture app in the session's language: an intro, the steps one by one with the camera, what is still
 * needed, the summary and the "sent" page. Photos not yet answered survive a reload and are sent when online.
 */
export function CaptureApp({ sessionKey }: CaptureAppProps) {
  const state = useCaptureState(sessionKey);
  usePendingUploads(sessionKey);
  const { onSuccess: refresh } = useRefreshCaptureState(sessionKey);
  useOfflineShell(() => void refresh());
  const language = state.data?.language ?? 'EN';
  useEffect(() => {
    document.documentElement.lang = htmlLanguages[language];
  }, [language]);
  const steps = state.data?.accepting ? state.data.steps : null;
  return (
    <CaptureTextProvider language={language}>
      <CaptureHeader done={steps ? steps.filter(isDone).length : null} total={steps?.length ?? 0} />
      <main id="main" className="app-main app-main--capture">
        <OfflineNotice />
        <CaptureBody sessionKey={sessionKey} />
      </main>
    </CaptureTextProvider>
  );
}
