/**
 * A fire-and-forget request — a mutation sent from a button (or the handler that awaits it), a
 * `refetch()` or `fetchMore()` (a retry button, a "load more", a refresh after a mutation) — rejects
 * on a network or server error, and with an AbortError when the page unmounts mid-request (Apollo
 * Client 4 tears the request down). Any real error of the request already reaches the hook's
 * `error` (`useMutation`'s or `useQuery`'s), which the page shows, so the promise itself carries
 * nothing to handle — but left rejected it is an unhandled rejection (a console error for users, a
 * failed test run in vitest). Every such call goes through here: `void settled(submit())`.
 */
export function settled(request: Promise<unknown>): Promise<void> {
  return request.then(
    () => undefined,
    () => undefined,
  );
}
