import { Suspense, type ReactNode } from 'react';
import { SignInForm } from '../features/auth/components/sign-in-form.js';
import { useAuth } from '../lib/clients.js';
import { ReviewLayout } from './review-layout.js';

/** Props of {@link SignInGate}. */
export type SignInGateProps = { title: string; children: ReactNode };

/**
 * A review page's frame: the sign-in form until signed in (staying on this URL), then the page. It is part of
 * the entry chunk, so the form shows at once; the page itself is a lazily loaded chunk, fetched once signed in.
 */
export function SignInGate({ title, children }: SignInGateProps) {
  const { client } = useAuth();
  return (
    <ReviewLayout>
      <title>{title}</title>
      {client ? <Suspense fallback={<p role="status">Loading…</p>}>{children}</Suspense> : <SignInForm />}
    </ReviewLayout>
  );
}
