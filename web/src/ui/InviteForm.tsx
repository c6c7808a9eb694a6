// An invitation to the console, one form for both who invite: an organization's admin (its
// members page) and the operator (people, with the organization to join). The invited person
// gets a one-time link by mail; the API's refusals stand next to the fields they name.
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { fieldErrors, type FieldErrors } from '../app/errors.ts';
import { FormErrors } from './states.tsx';

export interface Invitee {
  email: string;
  name: string;
  role: string;
}

interface InviteFormProps {
  /** The roles one may invite as; the first is the default. */
  roles: string[];
  roleDescription?: string;
  send: (invitee: Invitee) => Promise<unknown>;
  /** The list the new person joins, read again once they are invited. */
  listKey: QueryKey;
  onInvited: () => void;
  /** The API's names of the fields `extra` draws, so their refusals stand next to them. */
  extraFields?: string[];
  /** More fields, drawn between the name and the role. */
  extra?: (errors: FieldErrors) => ReactNode;
}

export function InviteForm({ roles, roleDescription, send, listKey, onInvited, extraFields = [], extra }: InviteFormProps) {
  const queries = useQueryClient();
  const [form, setForm] = useState<Invitee>({ email: '', name: '', role: roles[0] });
  // The roles on offer may change with the extra fields (operator staff or a member): keep a role that is on offer.
  const role = roles.includes(form.role) ? form.role : roles[0];
  const invite = useMutation({
    mutationFn: () => send({ ...form, role }),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: listKey });
      onInvited();
    },
  });
  const errors = fieldErrors(invite.error, ['email', 'name', 'role', ...extraFields]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <FormErrors messages={errors.general} />
        <TextInput
          label="Email"
          type="email"
          required
          data-autofocus
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={errors.fields.email}
        />
        <TextInput label="Name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.fields.name} />
        {extra?.(errors)}
        <Select
          label="Role"
          description={roleDescription}
          data={roles}
          value={role}
          onChange={(v) => setForm({ ...form, role: v ?? roles[0] })}
          allowDeselect={false}
          error={errors.fields.role}
        />
        <Text size="sm" c="dimmed">
          They get a one-time link by mail (the outbox, without SMTP) to set their password.
        </Text>
        <Group justify="end">
          <Button type="submit" loading={invite.isPending}>
            Send the invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
