import { Stack, Text } from '@mantine/core';
import { Link } from '../app/router.tsx';
import { PageTitle } from '../ui/states.tsx';

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <Stack>
      <PageTitle>Not found</PageTitle>
      <Text>No such {what} here: it does not exist, or it belongs to another organization.</Text>
      <Link to="/">Back to the start</Link>
    </Stack>
  );
}
