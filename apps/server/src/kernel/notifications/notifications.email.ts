import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRow } from '../../platform/jobs/queue.ts';
import { findUserById } from '../users/users.repository.ts';
import { notifications } from './notifications.table.ts';

/**
 * Job handler: e-mails one in-app notice in the recipient's language. Without
 * SMTP_URL there is nothing to send and the job simply completes.
 */
export function createEmailNotificationHandler(deps: AppDeps) {
  const transport = deps.config.smtpUrl ? nodemailer.createTransport(deps.config.smtpUrl) : undefined;
  return async (job: JobRow) => {
    if (!transport) return;
    const { notificationId } = job.payload as { notificationId: string };
    const [n] = await deps.db.select().from(notifications).where(eq(notifications.id, notificationId));
    const user = n && (await findUserById(deps.db, n.userId));
    if (!n || !user?.email) return;
    const t = deps.translator.forLocale(user.locale ?? 'kk');
    const vars = n.payload as Record<string, string>;
    await transport.sendMail({
      from: deps.config.mailFrom,
      to: user.email,
      subject: t(`common:notice.${n.kind}.subject`, vars),
      text: t(`common:notice.${n.kind}.body`, vars),
    });
  };
}
