// How an event's subject becomes its data: the object as the Enterprise API returns it.
// The representations live with the routes (api/enterprise); the composition root
// (platform.ts) hands them in here, so the domain writes events without importing HTTP.
import type { Executor } from '../../db/database.ts';
import type { EventSubject } from './event-types.ts';

export type RenderEvent = (db: Executor, organizationId: string, subject: EventSubject) => Promise<object | null>;

const bare: RenderEvent = async (_db, _organizationId, subject) => (subject.kind === 'data' ? subject.data : { ...subject });

let render: RenderEvent = bare;

export function useEventRenderer(renderer: RenderEvent): void {
  render = renderer;
}

export const renderEvent: RenderEvent = (db, organizationId, subject) => render(db, organizationId, subject);
