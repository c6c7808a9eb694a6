// The pages' API client: the typed SDK, authenticated with the session's short-lived tokens.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { createCellhub, type Cellhub } from '@cellhub/sdk';
import { SessionTokens, type Person, type Session } from './session.ts';

interface Console {
  client: Cellhub;
  person: Person;
  csrfToken: string;
  /** True for people who may look but not act (an organization's viewer). */
  readOnly: boolean;
}

const ConsoleContext = createContext<Console | null>(null);

export function ConsoleProvider({ session, children }: { session: Session; children: ReactNode }) {
  const value = useMemo<Console>(() => {
    const tokens = new SessionTokens(session.csrfToken);
    // Retries of the SDK cover 429 and 5xx; the page's queries add their own for network failures.
    const client = createCellhub({ baseUrl: window.location.origin, tokens, retry: { retries: 2 } });
    return { client, person: session.person, csrfToken: session.csrfToken, readOnly: session.person.role === 'viewer' };
  }, [session]);
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): Console {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}

/** The cursor of a HAL list's `next` link, if there is one. */
export function nextCursor(links: { next?: { href: string } }): string | undefined {
  if (!links.next) return undefined;
  return new URL(links.next.href, window.location.origin).searchParams.get('cursor') ?? undefined;
}
