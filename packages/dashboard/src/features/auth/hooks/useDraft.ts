import { useState } from 'react';

const PREFIX = 'creditline.draft.';

/**
 * A text field's value kept in sessionStorage while it is typed, so that an expired session (the
 * agent signs in again and comes back to the page) does not lose it. Cleared by setting ''.
 */
export function useDraft(key: string, initial: string): [string, (v: string) => void] {
  const [value, setValue] = useState<string>(() => {
    try {
      return sessionStorage.getItem(PREFIX + key) ?? initial;
    } catch {
      return initial;
    }
  });
  const set = (v: string) => {
    setValue(v);
    try {
      if (v) sessionStorage.setItem(PREFIX + key, v);
      else sessionStorage.removeItem(PREFIX + key);
    } catch {
      // not kept; still typed
    }
  };
  return [value, set];
}
