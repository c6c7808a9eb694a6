// A small history router: the console has a few flat routes, so a path and a matcher suffice.
import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { Anchor } from '@mantine/core';

export const BASE = '/console';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function currentPath(): string {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : window.location.pathname;
  return path || '/';
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  window.history[options.replace ? 'replaceState' : 'pushState'](null, '', BASE + to);
  listeners.forEach((listener) => listener());
}

/** `/subscriptions/:id` against `/subscriptions/sub_1` → `{id: 'sub_1'}`; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

/** Follows a link inside the console without a reload; a modified click (new tab) is left to the browser. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, to: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}

export function Link({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor href={BASE + to} onClick={(event) => followLink(event, to)}>
      {children}
    </Anchor>
  );
}
