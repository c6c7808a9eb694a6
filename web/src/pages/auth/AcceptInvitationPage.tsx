// The invitation link (`/console/invite#token=…`): the token stays in the fragment, so it never reaches a log.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { acceptInvitation } from '../../app/session.ts';
import { fieldErrors } from '../../app/errors.ts';
import { navigate } from '../../app/router.tsx';
import { FormErrors } from '../../ui/states.tsx';

function tokenOfFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function AcceptInvitationPage() {
  const [token] = useState(tokenOfFragment);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const accept = useMutation({ mutationFn: () => acceptInvitation(token, password) });
  const errors = fieldErrors(accept.error, ['token', 'password']);
  const mismatch = repeat && repeat !== password ? 'The two passwords differ' : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) accept.mutate();
  };
  return (
    <Center mih="100vh" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={1} size="h2">
            Accept your invitation
          </Title>
          {!token && <Alert color="red">This link has no invitation token: open the link from the email again.</Alert>}
          {accept.isSuccess ? (
            <>
              <Text role="status">Your password is set. You can log in now.</Text>
              <Button onClick={() => navigate('/', { replace: true })}>Go to the login</Button>
            </>
          ) : (
            <form onSubmit={submit}>
              <Stack>
                <FormErrors messages={[...errors.general, ...(errors.fields.token ? [errors.fields.token] : [])]} />
                <PasswordInput
                  label="New password"
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.fields.password}
                />
                <PasswordInput
                  label="Repeat the password"
                  autoComplete="new-password"
                  required
                  value={repeat}
                  onChange={(e) => setRepeat(e.currentTarget.value)}
                  error={mismatch}
                />
                <Button type="submit" loading={accept.isPending} disabled={!token}>
                  Set password
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
