import { forbiddenMessage, type Permission } from '@pave/domain';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useAuth } from '../lib/clients.js';
import { ReviewLayout } from './review-layout.js';

// signed-in pages (the usual case: the cookie outlives tabs) never load the form's code
const SignInForm = lazy(() =>
  import('../features/auth/components/sign-in-form.js').then((module) => ({ default: module.SignInForm })),
);

/** Props of {@link SignInGate}. */
export type SignInGateProps = { title: string; children: ReactNode; permission?: Permission };

function Gated({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { status, signedIn, can, check } = useAuth();
  useEffect(check, [check]);
  if (status === 'checking') return <p role="status">Loading…</p>;
  if (!signedIn) {
    return (
      <Suspense fallback={<p role="status">Loading…</p>}>
        <SignInForm />
      </Suspense>
    );
  }
  if (!can(permission)) return <p role="alert">{forbiddenMessage(signedIn.user.role, permission)}</p>;
  return <Suspense fallback={<p role="status">Loading…</p>}>{children}</Suspense>;
}

/**
 * A review page's frame: the sign-in form until signed in (staying on this URL), then the page, when the person's
 * role allows it (`read` unless said otherwise). The form and the page are lazily loaded chunks: a signed-in
 * browser loads only the page's.
 */
export function SignInGate({ title, children, permission = 'read' }: SignInGateProps) {
  return (
    <ReviewLayout>
      <title>{title}</title>
      <Gated permission={permission}>{children}</Gated>
    </ReviewLayout>
  );
}
