/** The package name of the i-th benchmark connector (a copy of the GitHub connector). */
export const benchName = (i: number): string =>
  `@bench/connector-github-${String(i).padStart(2, '0')}`;
