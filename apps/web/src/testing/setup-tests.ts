import { configure } from '@testing-library/react';

// a shared, noisy 2-core machine: give findBy/waitFor room before they give up
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  // specs that need Node's fetch and WebCrypto run in the node environment, without a window
  if (typeof window === 'undefined') return;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
