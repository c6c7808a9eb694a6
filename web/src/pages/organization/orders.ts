// Placing an order and following it: POST answers at once (pending); the order is polled,
// with a growing pause, until it completes, fails or is canceled.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataOf } from '@cellhub/sdk';
import { useConsole } from '../../app/api.tsx';

export interface OrderRequest {
  type: 'activate_subscription' | 'suspend_subscription' | 'resume_subscription' | 'change_sim_profile' | 'terminate_subscription';
  account_id: string;
  template_id?: string;
  subscription_id?: string;
  subscriber?: { first_name: string; last_name: string; email: string; employee_id?: string; group?: string };
  sim_profile?: { sim_type: 'esim' | 'psim'; delivery?: { type: 'email' | 'api'; to?: string[]; cc?: string[] } };
  reason?: 'lost_or_stolen' | 'temporary' | 'fraud' | 'non_payment' | 'other';
}
export type Order = DataOf<'/enterprise/orders/{id}', 'get'>;

const FINAL = new Set(['completed', 'failed', 'canceled']);

export function isFinal(status: string | undefined): boolean {
  return status !== undefined && FINAL.has(status);
}

/** 400 ms, then half as long again each time, at most 5 s. */
export function backoff(polls: number): number {
  return Math.min(5000, Math.round(400 * 1.5 ** polls));
}

export function useOrder(id: string | undefined) {
  const { client } = useConsole();
  return useQuery({
    queryKey: ['enterprise', 'order', id],
    enabled: Boolean(id),
    queryFn: () => client.get('/enterprise/orders/{id}', { params: { path: { id: id! } } }),
    placeholderData: undefined,
    refetchInterval: (query) => (isFinal(query.state.data?.status) ? false : backoff(query.state.dataUpdateCount)),
  });
}

export function usePlaceOrder(onPlaced?: (order: Order) => void) {
  const { client } = useConsole();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderRequest) => client.post('/enterprise/orders', { body }),
    onSuccess: (order) => {
      queries.setQueryData(['enterprise', 'order', order.id], order);
      onPlaced?.(order);
    },
  });
}
