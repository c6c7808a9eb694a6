// Which pages a person has: their scope and family decide. Every page but the organization's
// first is loaded on demand, so the first load carries only what the first page needs.
import { lazy, type ReactNode } from 'react';
import type { Person } from './session.ts';
import { match } from './router.tsx';
import { DashboardPage } from '../pages/organization/DashboardPage.tsx';

const SubscriptionsPage = lazy(() => import('../pages/organization/SubscriptionsPage.tsx'));
const SubscriptionPage = lazy(() => import('../pages/organization/SubscriptionPage.tsx'));
const ActivatePage = lazy(() => import('../pages/organization/ActivatePage.tsx'));
const OrderPage = lazy(() => import('../pages/organization/OrderPage.tsx'));
const UsagePage = lazy(() => import('../pages/organization/UsagePage.tsx'));
const SmsPage = lazy(() => import('../pages/organization/SmsPage.tsx'));
const OnboardingPage = lazy(() => import('../pages/organization/OnboardingPage.tsx'));
const ConnectSimsPage = lazy(() => import('../pages/connect/SimsPage.tsx'));
const ConnectSubscriptionsPage = lazy(() => import('../pages/connect/SubscriptionsPage.tsx'));
const ConnectOrdersPage = lazy(() => import('../pages/connect/OrdersPage.tsx'));
const ConnectNewOrderPage = lazy(() => import('../pages/connect/NewOrderPage.tsx'));
const ConnectPreferencesPage = lazy(() => import('../pages/connect/PreferencesPage.tsx'));
const MembersPage = lazy(() => import('../pages/members/MembersPage.tsx'));
const OrganizationsPage = lazy(() => import('../pages/operator/OrganizationsPage.tsx'));
const OrganizationPage = lazy(() => import('../pages/operator/OrganizationPage.tsx'));
const PeoplePage = lazy(() => import('../pages/operator/PeoplePage.tsx'));
const CataloguePage = lazy(() => import('../pages/operator/CataloguePage.tsx'));
const SimStockPage = lazy(() => import('../pages/operator/SimStockPage.tsx'));
const NumberPoolsPage = lazy(() => import('../pages/operator/NumberPoolsPage.tsx'));
const OperatorOrdersPage = lazy(() => import('../pages/operator/OrdersPage.tsx'));
const WebhooksPage = lazy(() => import('../pages/operator/WebhooksPage.tsx'));
const MailPage = lazy(() => import('../pages/operator/MailPage.tsx'));

export interface Route {
  match(path: string): Record<string, string> | null;
  render(params: Record<string, string>): ReactNode;
}

interface NavItem {
  to: string;
  label: string;
}

function route(pattern: string, render: (params: Record<string, string>) => ReactNode): Route {
  return { match: (path) => match(pattern, path), render };
}

type Kind = 'enterprise' | 'connect' | 'operator';

function kindOf(person: Person): Kind {
  if (person.scope === 'operator') return 'operator';
  return person.organization?.family === 'connect' ? 'connect' : 'enterprise';
}

const ROUTES: Record<Kind, Route[]> = {
  enterprise: [
    route('/', () => <DashboardPage />),
    route('/subscriptions', () => <SubscriptionsPage />),
    route('/subscriptions/:id', ({ id }) => <SubscriptionPage key={id} id={id} />),
    route('/activate', () => <ActivatePage />),
    route('/orders/:id', ({ id }) => <OrderPage key={id} id={id} />),
    route('/usage', () => <UsagePage />),
    route('/sms', () => <SmsPage />),
    route('/members', () => <MembersPage />),
    route('/onboarding', () => <OnboardingPage />),
  ],
  connect: [
    route('/', () => <ConnectSimsPage />),
    route('/subscriptions', () => <ConnectSubscriptionsPage />),
    route('/orders', () => <ConnectOrdersPage />),
    route('/orders/new', () => <ConnectNewOrderPage />),
    route('/preferences', () => <ConnectPreferencesPage />),
    route('/members', () => <MembersPage />),
  ],
  operator: [
    route('/', () => <OrganizationsPage />),
    route('/organizations/:id', ({ id }) => <OrganizationPage key={id} id={id} />),
    route('/people', () => <PeoplePage />),
    route('/catalogue', () => <CataloguePage />),
    route('/sims', () => <SimStockPage />),
    route('/number-pools', () => <NumberPoolsPage />),
    route('/orders', () => <OperatorOrdersPage />),
    route('/webhooks', () => <WebhooksPage />),
    route('/mail', () => <MailPage />),
  ],
};

const NAVIGATION: Record<Kind, NavItem[]> = {
  enterprise: [
    { to: '/', label: 'Dashboard' },
    { to: '/subscriptions', label: 'Subscriptions' },
    { to: '/usage', label: 'Usage' },
    { to: '/sms', label: 'SMS' },
    { to: '/members', label: 'Members' },
    { to: '/onboarding', label: 'Onboarding' },
  ],
  connect: [
    { to: '/', label: 'SIMs' },
    { to: '/subscriptions', label: 'Subscriptions' },
    { to: '/orders', label: 'Orders' },
    { to: '/preferences', label: 'Notifications' },
    { to: '/members', label: 'Members' },
  ],
  operator: [
    { to: '/', label: 'Organizations' },
    { to: '/people', label: 'People' },
    { to: '/catalogue', label: 'Catalogue' },
    { to: '/sims', label: 'SIM stock' },
    { to: '/number-pools', label: 'Number pools' },
    { to: '/orders', label: 'Orders' },
    { to: '/webhooks', label: 'Webhook deliveries' },
    { to: '/mail', label: 'Mail outbox' },
  ],
};

export function routesFor(person: Person): Route[] {
  return ROUTES[kindOf(person)];
}

export function navigationFor(person: Person): NavItem[] {
  return NAVIGATION[kindOf(person)];
}
