import { contract } from '@motcua/api';
import { implement, type Implementation } from '../http/implement.ts';
import { errors, HttpError } from '../http/errors.ts';
import { dummyHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from './password.ts';
import { createSession, endSession, endSessionsOf } from './sessions.ts';
import { clearFailures, recordFailure, retryAfter } from './login-throttle.ts';
import { findStaffByUsername } from './find-account.ts';
import { loadPrincipal } from './load-principal.ts';
import { clearSessionCookie, setSessionCookie } from './middleware/session/session.ts';
import { staff } from '../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import type { Principal } from '../http/principal.ts';

function sessionView(p: Principal) {
  return {
    staff: { id: p.staffId, username: p.username, fullName: p.fullName, agencyCode: p.agencyCode, roles: p.grants },
    csrfToken: p.csrfToken ?? null,
    via: p.via,
  };
}

const badLogin = () =>
  new HttpError(401, 'bad_credentials', { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' });

export function authRoutes(): Implementation[] {
  return [
    implement(contract.login, async (c, { body }) => {
      const ctx = c.get('ctx');
      const now = ctx.clock.now();
      const ip = c.get('clientIp');
      const throttle = { maxFailures: ctx.config.loginMaxFailures, windowMinutes: ctx.config.loginWindowMinutes };
      // Independent reads and writes go together: each round trip to the database is on the way
      // from the sign-in button to the first screen.
      const [wait, account] = await Promise.all([
        retryAfter(ctx.db, body.username, ip, now, throttle),
        findStaffByUsername(ctx.db, body.username),
      ]);
      if (wait > 0) throw errors.tooManyRequests(wait);
      const hash = account?.passwordHash ?? (await dummyHash());
      const ok =
        (await verifyPassword(body.password, hash)) && !!account && account.active && account.passwordHash !== null;
      if (!ok || !account) {
        await recordFailure(ctx.db, body.username, ip, now, throttle);
        ctx.log.warn({ username: body.username.toLowerCase(), ip }, 'failed login');
        throw badLogin();
      }
      if (needsRehash(account.passwordHash!)) {
        await ctx.db
          .update(staff)
          .set({ passwordHash: await hashPassword(body.password) })
          .where(eq(staff.id, account.id));
      }
      const [s, principal] = await Promise.all([
        createSession(ctx.db, account.id, now, ctx.config.sessionTtlMinutes, {
          ip,
          userAgent: c.req.header('user-agent'),
        }),
        loadPrincipal(ctx.db, account.id, 'session'),
        clearFailures(ctx.db, body.username, ip),
      ]);
      setSessionCookie(c, s.token, s.expiresAt);
      return c.json(sessionView({ ...principal!, csrfToken: s.csrfToken }));
    }),
    implement(contract.logout, async (c) => {
      const p = c.get('principal')!;
      if (p.sessionId) await endSession(c.get('ctx').db, p.sessionId);
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    }),
    implement(contract.getSession, (c) => c.json(sessionView(c.get('principal')!))),
    implement(contract.changePassword, async (c, { body }) => {
      const ctx = c.get('ctx');
      const p = c.get('principal')!;
      const rows = await ctx.db.select({ hash: staff.passwordHash }).from(staff).where(eq(staff.id, p.staffId));
      if (!rows[0]?.hash || !(await verifyPassword(body.currentPassword, rows[0].hash))) {
        throw errors.invalid([
          {
            pointer: '/body/currentPassword',
            code: 'wrong-password',
            message: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
          },
        ]);
      }
      const problem = passwordProblem(body.newPassword);
      if (problem) throw errors.invalid([{ pointer: '/body/newPassword', code: 'weak-password', message: problem }]);
      await ctx.db
        .update(staff)
        .set({ passwordHash: await hashPassword(body.newPassword), updatedAt: new Date(ctx.clock.now()) })
        .where(eq(staff.id, p.staffId));
      await endSessionsOf(ctx.db, p.staffId, p.sessionId);
      return c.json({ ok: true as const });
    }),
  ];
}
