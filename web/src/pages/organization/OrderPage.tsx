import { Paper } from '@mantine/core';
import { PageTitle } from '../../ui/states.tsx';
import { OrderProgress } from './OrderProgress.tsx';

export default function OrderPage({ id }: { id: string }) {
  return (
    <>
      <PageTitle>Order</PageTitle>
      <Paper withBorder p="md">
        <OrderProgress id={id} />
      </Paper>
    </>
  );
}
