// The frame of every page: a header with the person and the way out, navigation for their scope.
import type { MouseEvent, ReactNode } from 'react';
import { ActionIcon, AppShell, Burger, Group, NavLink, Text, useMantineColorScheme, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useConsole } from './api.tsx';
import { logOut } from './session.ts';
import { BASE, followLink, usePath } from './router.tsx';
import { navigationFor } from './routes.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { person, csrfToken } = useConsole();
  const path = usePath();
  const [opened, { toggle, close }] = useDisclosure();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const queries = useQueryClient();
  const signOut = async () => {
    await logOut(csrfToken).catch(() => {});
    // A fresh start: nothing of this person's data stays in memory.
    queries.clear();
    window.location.assign(BASE + '/');
  };
  const where = person.organization ? person.organization.name : 'Operator';
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Text fw={700}>cellhub</Text>
            <Text c="dimmed" size="sm">
              {where}
            </Text>
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="person">
              {person.name || person.email} · {person.role}
            </Text>
            <ActionIcon variant="default" onClick={toggleColorScheme} aria-label={colorScheme === 'dark' ? 'Light mode' : 'Dark mode'}>
              <span aria-hidden>{colorScheme === 'dark' ? '☀' : '☾'}</span>
            </ActionIcon>
            <ActionIcon variant="default" onClick={() => void signOut()} aria-label="Log out" w="auto" px="xs">
              Log out
            </ActionIcon>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        <VisuallyHidden>
          <h2>Navigation</h2>
        </VisuallyHidden>
        {navigationFor(person).map((item) => (
          <NavLink
            key={item.to}
            href={BASE + item.to}
            label={item.label}
            variant="filled"
            active={item.to === '/' ? path === '/' : path.startsWith(item.to)}
            aria-current={(item.to === '/' ? path === '/' : path.startsWith(item.to)) ? 'page' : undefined}
            onClick={(event) => {
              followLink(event as MouseEvent<HTMLAnchorElement>, item.to);
              close();
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
