import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { refreshTokens } from '../db/schema.ts';

export type Redemption =
  | { outcome: 'redeemed'; family: string; clientId: string }
  /** Used before, or of a revoked family: the whole family is revoked now. */
  | { outcome: 'replayed' }
  | { outcome: 'unknown' };

export async function recordRefreshToken(db: Executor, row: { jti: string; family: string; clientId: string; expiresAt: Date }): Promise<void> {
  await db.insert(refreshTokens).values(row);
}

/** Uses a refresh token up: once only, while its family stands and it has not expired. */
export async function redeemRefreshToken(db: Executor, jti: string): Promise<Redemption> {
  const [live] = await db
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(refreshTokens.jti, jti), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt), gt(refreshTokens.expiresAt, sql`now()`)))
    .returning({ family: refreshTokens.family, clientId: refreshTokens.clientId });
  if (live) return { outcome: 'redeemed', ...live };
  const [known] = await db.select({ family: refreshTokens.family }).from(refreshTokens).where(eq(refreshTokens.jti, jti));
  if (!known) return { outcome: 'unknown' };
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.family, known.family), isNull(refreshTokens.revokedAt)));
  return { outcome: 'replayed' };
}

export async function deleteExpiredRefreshTokens(db: Executor, before = new Date()): Promise<void> {
  await db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, before));
}

/** Revokes every live refresh token of a client: what its old secret obtained stops renewing. */
export async function revokeClientRefreshTokens(db: Executor, clientId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.clientId, clientId), isNull(refreshTokens.revokedAt)));
}
