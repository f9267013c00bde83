import { useEffect } from 'react';
import { ErrorMessage } from '../../../components/error-message.js';
import { summarizeError } from '../../../lib/errors.js';
import { navigate } from '../../../lib/router.js';
import { useCaptureState, useRefreshCaptureState } from '../api/capture-state.js';
import { CapturePreviewProvider } from '../hooks/capture-preview.js';
import { useOfflineShell } from '../hooks/use-offline-shell.js';
import { usePendingUploads } from '../hooks/use-pending-uploads.js';
import { htmlLanguages } from '../i18n/catalogues.js';
import { en } from '../i18n/en.js';
import { CaptureTextProvider, useCatalogue, useErrorText, useText } from '../i18n/text-context.js';
import { isDone, urlOfScreen } from '../utils/capture-flow.js';
import { CaptureFlow } from './capture-flow.js';
import { OfflineNotice } from './offline-notice.js';
import './capture-app.css';

/** Props of {@link CaptureApp}. */
export type CaptureAppProps = {
  sessionKey: string;
  /** A reviewer's preview: the driver's screens, nothing sent (see {@link CapturePreviewProvider}). */
  preview?: boolean;
};

function PreviewBanner() {
  const text = useText();
  return (
    <p className="preview-banner" role="note">
      <strong>{text.previewMode.banner}</strong> {text.previewMode.body}
    </p>
  );
}

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

function CaptureBody({ sessionKey }: { sessionKey: string }) {
  const text = useText();
  const errorText = useErrorText();
  const state = useCaptureState(sessionKey);
  if (state.data) return <CaptureFlow state={state.data} />;
  if (state.status === 'error') {
    const { retryable } = summarizeError(state.error);
    return (
      <ErrorMessage
        title={text.cannotOpen}
        onRetry={retryable ? () => void state.refetch() : undefined}
        retryLabel={text.tryAgain}
      >
        {errorText(state.error)}
      </ErrorMessage>
    );
  }
  return <p role="status">{text.opening}</p>;
}

/**
 * The phone capture app in the session's language: an intro, the steps one by one with the camera, what is still
 * needed, the summary and the "sent" page. Photos not yet answered survive a reload and are sent when online. As a
 * reviewer's `preview`, the same screens under a banner, with every change to the session turned off.
 */
export function CaptureApp({ sessionKey, preview = false }: CaptureAppProps) {
  const state = useCaptureState(sessionKey);
  usePendingUploads(sessionKey, !preview);
  const { onSuccess: refresh } = useRefreshCaptureState(sessionKey);
  useOfflineShell(() => void refresh(), !preview);
  const language = state.data?.language ?? 'EN';
  const catalogue = useCatalogue(language);
  // the language of the words on screen: English while another catalogue loads, or when it could not be loaded
  const shown = catalogue && catalogue !== en ? language : 'EN';
  useEffect(() => {
    document.documentElement.lang = htmlLanguages[shown];
  }, [shown]);
  const steps = state.data?.accepting ? state.data.steps : null;
  return (
    <CaptureTextProvider text={catalogue ?? en}>
      <CapturePreviewProvider preview={preview}>
        <CaptureHeader done={steps ? steps.filter(isDone).length : null} total={steps?.length ?? 0} />
        <main id="main" className="app-main app-main--capture">
          {preview ? <PreviewBanner /> : null}
          <OfflineNotice />
          {catalogue ? <CaptureBody sessionKey={sessionKey} /> : <p role="status">{en.opening}</p>}
        </main>
      </CapturePreviewProvider>
    </CaptureTextProvider>
  );
}
