import { forbiddenMessage, type Permission } from '@pave/domain';
import { Suspense, useEffect, type ReactNode } from 'react';
import { SignInForm } from '../features/auth/components/sign-in-form.js';
import { useAuth } from '../lib/clients.js';
import { ReviewLayout } from './review-layout.js';

/** Props of {@link SignInGate}. */
export type SignInGateProps = { title: string; children: ReactNode; permission?: Permission };

function Gated({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { status, signedIn, can, check } = useAuth();
  useEffect(check, [check]);
  if (status === 'checking') return <p role="status">Loading…</p>;
  if (!signedIn) return <SignInForm />;
  if (!can(permission)) return <p role="alert">{forbiddenMessage(signedIn.user.role, permission)}</p>;
  return <Suspense fallback={<p role="status">Loading…</p>}>{children}</Suspense>;
}

/**
 * A review page's frame: the sign-in form until signed in (staying on this URL), then the page, when the person's
 * role allows it (`read` unless said otherwise). It is part of the entry chunk, so the form shows at once; the page
 * itself is a lazily loaded chunk, fetched once signed in.
 */
export function SignInGate({ title, children, permission = 'read' }: SignInGateProps) {
  return (
    <ReviewLayout>
      <title>{title}</title>
      <Gated permission={permission}>{children}</Gated>
    </ReviewLayout>
  );
}
