/**
 * A fire-and-forget `refetch()` or `fetchMore()` (a retry button, a "load more", a refresh after a
 * mutation) rejects with an AbortError when the page unmounts mid-request: Apollo Client 4 tears the
 * request down. Any real error of the request already reaches the query's `error`, which the page
 * shows, so the promise itself carries nothing to handle — but left rejected it is an unhandled
 * rejection (a console error for users, a failed test run in vitest).
 */
export function settled(request: Promise<unknown>): Promise<void> {
  return request.then(
    () => undefined,
    () => undefined,
  );
}
