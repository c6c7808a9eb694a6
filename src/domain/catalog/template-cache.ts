// Order templates and their offerings never change once created (the operator makes new
// ones instead), so a process may keep those it has read: placing and fulfilling an
// order reads the same few templates over and over.
import type { Executor } from '../../db/database.ts';
import { getTemplate, type OrderTemplate } from './templates.service.ts';

export class TemplateCache {
  private readonly entries = new Map<string, OrderTemplate>();

  constructor(private readonly capacity = 1_000) {}

  /** The organization's template, as getTemplate answers it (NOT_FOUND for another's). */
  async get(db: Executor, organizationId: string, id: string): Promise<OrderTemplate> {
    const kept = this.entries.get(id);
    if (kept?.organizationId === organizationId) return kept;
    const template = await getTemplate(db, organizationId, id);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, template);
    return template;
  }
}
