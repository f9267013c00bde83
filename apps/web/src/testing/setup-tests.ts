import { configure } from '@testing-library/react';

// a shared, noisy 2-core machine: give findBy/waitFor room before they give up
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  window.sessionStorage.clear();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});
