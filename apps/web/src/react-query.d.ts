import '@tanstack/react-query';

// STYLE.md §10: every component narrows an error (isPaveClientError) before reading it.
declare module '@tanstack/react-query' {
  // module augmentation needs an interface (STYLE.md §5 allows it here)
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Register {
    defaultError: unknown;
  }
}
