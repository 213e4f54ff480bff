import { useEffect, useRef } from 'react';

/**
 * After a navigation inside the app, move focus to the new page's main heading (the first h1 in
 * `main`), as a screen reader user expects from a page change. Not on the first load (the
 * browser's own focus stays), and not while a dialog is open. The heading gets tabindex -1 so it
 * can take focus without entering the tab order.
 */
export function useFocusHeadingOnNavigation(routeKey: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    // The page's heading may render after its data: look for it a few times.
    const id = window.setInterval(() => {
      tries++;
      if (document.querySelector('[role="dialog"]')) return;
      const h = document.querySelector<HTMLElement>('main h1');
      if (h || tries > 20) window.clearInterval(id);
      if (!h) return;
      if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
      h.focus({ preventScroll: false });
    }, 50);
    return () => window.clearInterval(id);
  }, [routeKey]);
}
