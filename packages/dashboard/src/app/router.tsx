import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';

/**
 * A minimal history router: the dashboard has a handful of routes and needs no nested layouts or
 * loaders, so a dependency would be more than the problem.
 */
export type Route =
  | { name: 'signIn' }
  | { name: 'lookup'; search: string }
  | { name: 'customer'; customerId: string; tab: string }
  | { name: 'newRecovery'; customerId: string }
  | { name: 'recovery'; requestId: string }
  | { name: 'queue' }
  | { name: 'admin'; page: AdminPage }
  | { name: 'notFound' };

/** Risk admin pages (issue 15 item 9). */
export const ADMIN_PAGES = [
  'partners',
  'stress-tests',
  'promotions',
  'category-limits',
  'jobs',
] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(search);
  if (parts.length === 0) return { name: 'lookup', search: params.get('q') ?? '' };
  if (parts[0] === 'sign-in' && parts.length === 1) return { name: 'signIn' };
  if (parts[0] === 'queue' && parts.length === 1) return { name: 'queue' };
  if (
    parts[0] === 'admin' &&
    parts.length === 2 &&
    (ADMIN_PAGES as readonly string[]).includes(parts[1])
  )
    return { name: 'admin', page: parts[1] as AdminPage };
  if (parts[0] === 'customers' && parts[1]) {
    if (parts[2] === 'recovery-requests' && parts[3] === 'new')
      return { name: 'newRecovery', customerId: parts[1] };
    if (parts.length === 2)
      return { name: 'customer', customerId: parts[1], tab: params.get('tab') ?? 'overview' };
  }
  if (parts[0] === 'recovery-requests' && parts[1] && parts.length === 2)
    return { name: 'recovery', requestId: parts[1] };
  return { name: 'notFound' };
}

export const paths = {
  signIn: () => '/sign-in',
  lookup: (q?: string) => (q ? `/?q=${encodeURIComponent(q)}` : '/'),
  customer: (id: string, tab?: string) =>
    `/customers/${encodeURIComponent(id)}${tab && tab !== 'overview' ? `?tab=${encodeURIComponent(tab)}` : ''}`,
  newRecovery: (customerId: string) =>
    `/customers/${encodeURIComponent(customerId)}/recovery-requests/new`,
  recovery: (id: string) => `/recovery-requests/${encodeURIComponent(id)}`,
  queue: () => '/queue',
  admin: (page: AdminPage) => `/admin/${page}`,
};

interface RouterValue {
  route: Route;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}
const RouterContext = createContext<RouterValue | null>(null);

export function RouterProvider({
  children,
  initialPath,
}: {
  children: ReactNode;
  initialPath?: string;
}) {
  const read = () =>
    initialPath !== undefined
      ? parseRoute(initialPath.split('?')[0], initialPath.split('?')[1] ?? '')
      : parseRoute(window.location.pathname, window.location.search);
  const [route, setRoute] = useState<Route>(read);
  const [memoryPath, setMemoryPath] = useState(initialPath);

  useEffect(() => {
    if (memoryPath !== undefined) return;
    const onPop = () => setRoute(parseRoute(window.location.pathname, window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [memoryPath]);

  const navigate = useCallback(
    (to: string, options?: { replace?: boolean }) => {
      const [p, q = ''] = to.split('?');
      if (memoryPath !== undefined) setMemoryPath(to);
      else if (options?.replace) window.history.replaceState(null, '', to);
      else window.history.pushState(null, '', to);
      setRoute(parseRoute(p, q));
      if (memoryPath === undefined && !options?.replace) window.scrollTo?.(0, 0);
    },
    [memoryPath],
  );
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** An anchor that navigates in the app (and still opens in a new tab with a modifier key). */
export function Link({ to, children, ...rest }: AnchorProps & { to: string; children: ReactNode }) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <Anchor component="a" href={to} onClick={onClick} {...rest}>
      {children}
    </Anchor>
  );
}
