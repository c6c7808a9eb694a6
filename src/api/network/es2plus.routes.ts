// The ES2+ callback the SM-DP+ calls: HandleDownloadProgressInfo (SGP.22 §5.3.5).
// It answers 204 as the specification asks.
import { Type } from 'typebox';
import type { App } from '../../http/app-type.ts';
import type { Platform } from '../../platform.ts';
import { errorResponses } from '../../http/schemas.ts';
import { operatorGuard } from '../operator/operator-auth.ts';
import { NOTIFICATION_POINTS } from '../../network/smdp/smdp.ts';
import { applyProfileEvent } from '../../domain/inventory/profile-events.ts';

export async function registerEs2PlusCallbacks(app: App, platform: Platform, token: string): Promise<void> {
  app.addHook('onRequest', operatorGuard(token));
  app.post(
    '/gsma/rsp2/es2plus/handleDownloadProgressInfo',
    {
      schema: {
        tags: ['network'],
        summary: 'ES2+ HandleDownloadProgressInfo: the SM-DP+ reports a profile event',
        description:
          "GSMA SGP.22 ES2+ callback: the SM-DP+ reports a profile's download, installation, enabling or deletion, authenticated with `SMDP_CALLBACK_TOKEN`. Not for partners.",
        body: Type.Object(
          {
            header: Type.Object({ functionRequesterIdentifier: Type.String(), functionCallIdentifier: Type.String() }),
            eid: Type.Optional(Type.String({ pattern: '^[0-9]{32}$' })),
            iccid: Type.String({ pattern: '^[0-9]{19}F?$' }),
            profileType: Type.String(),
            timestamp: Type.String(),
            notificationPointId: Type.Integer(),
            notificationPointStatus: Type.Object({ status: Type.String() }),
            resultData: Type.Optional(Type.String()),
          },
          {
            examples: [
              {
                header: { functionRequesterIdentifier: 'smdp.cellhub.local', functionCallIdentifier: 'hdpi-0001' },
                eid: '89049032004008882600019002596666',
                iccid: '8944500102198304826',
                profileType: 'cellhub',
                timestamp: '2026-11-30T09:05:00Z',
                notificationPointId: 4,
                notificationPointStatus: { status: 'Executed-Success' },
              },
            ],
          },
        ),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const event = NOTIFICATION_POINTS[body.notificationPointId as keyof typeof NOTIFICATION_POINTS];
      // Other notification points (eligibility, confirmation failures) carry nothing to record.
      if (event && body.notificationPointStatus.status.startsWith('Executed')) {
        await applyProfileEvent(platform.db, body.iccid.replace(/F$/, ''), event, body.eid);
      }
      return reply.code(204).send(null);
    },
  );
}
