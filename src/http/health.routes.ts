// Probes: /healthz (the process lives), /readyz (it can do its work now), and /health,
// the older name of /healthz that tools and tests still use. Every process answers them,
// a worker-only one too. They are neither authenticated nor rate limited.
import { Type } from 'typebox';
import type { App } from './app-type.ts';
import { ApiError } from './errors.ts';

const Live = Type.Object({ status: Type.Literal('ok') }, { description: 'The process is alive' });
const Ready = Type.Object({ status: Type.Literal('ready') }, { description: 'The database answers, its migrations are applied, and the workers run where this process runs them' });
/** How soon a prober may ask again after "not ready". */
const RETRY_AFTER_SECONDS = '5';

export function registerHealthRoutes(app: App, notReady: () => Promise<string[]>): void {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' as const }));
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process is running and answering',
        description:
          'Answers 200 `{status: "ok"}` while the process runs its event loop; it checks nothing else, so a failing database never restarts a process that could recover.',
        response: { 200: Live },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: "Readiness: the database is reachable, migrations are applied, and this process's workers (if it runs them) are running",
        description:
          'Answers 200 `{status: "ready"}` when the database answers within 2 s, the newest migration is applied and, in a process that runs workers, they run; otherwise 503 with Retry-After and one message per thing not ready.',
        response: {
          200: Ready,
          // Typed here so the handler may answer it; its example comes from http/schemas.ts.
          503: Type.Ref('Error', { description: 'Not ready: INTERNAL_ERROR with status 503 and Retry-After, one message per thing that is not ready (database, workers)' }),
        },
      },
    },
    async (_request, reply) => {
      const problems = await notReady();
      if (problems.length === 0) return { status: 'ready' as const };
      // Answered, not thrown: a probe that finds the process not ready is no fault to log.
      const error = new ApiError('INTERNAL_ERROR', problems, { 'retry-after': RETRY_AFTER_SECONDS }, 503);
      return reply.code(503).headers(error.headers).send(error.body());
    },
  );
}
