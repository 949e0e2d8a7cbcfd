import { type Alert, isDigestDue } from '../../domain/implementation/alerts.ts';
import type { Notice, NoticeRunResult } from '../../domain/implementation/implementation-api.ts';
import { ProcurementProcedure } from '../../domain/implementation/procurement.ts';
import { ProcurementStep, stepLabelFr } from '../../domain/implementation/procurement-file.ts';
import { formatDate, formatEuro } from '../../domain/shared/format.ts';
import { countOf } from '../../domain/shared/french.ts';
import { type Actor, authorize, type UserActor } from '../auth/policy.ts';
import type { Config } from '../config.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { JobStillRunningError } from '../jobs/job-queue.ts';
import type { ProvinceService } from './province.service.ts';

export type OutgoingMail = { to: string; subject: string; text: string };

/** A notice another feature asks to send once to a user (e.g. an interest poll to answer), under a unique key. */
export type FeatureNotice = { key: string; subject: string; text: string };
/**
 * Another feature's notices for one recipient (issue 10: the polls a commune editor is asked). The pass sends each
 * notice once, by e-mail when SMTP is set, through the same log as alerts.
 */
export type NoticeSource = {
  kind: 'poll';
  noticesFor(recipient: UserActor & { displayName: string }): Promise<FeatureNotice[]>;
};
/** Sends a mail, or says it cannot; the notices log keeps every notice either way. */
export type Mailer = { transport: 'smtp' | 'log'; send(mail: OutgoingMail): Promise<void> };

export function createMailer(smtp: Config['smtp']): Mailer {
  if (!smtp) return { transport: 'log', send: async () => {} };
  // nodemailer is imported with the first mail, not at start (an idle server does not hold it).
  let transporter: Promise<{ sendMail(mail: object): Promise<unknown> }> | undefined;
  const transport = () => {
    transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      }),
    );
    return transporter;
  };
  return {
    transport: 'smtp',
    async send(mail) {
      await (await transport()).sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function describeAlert(alert: Alert): string {
  const where = `${alert.communeName} — ${alert.projectTitle}`;
  switch (alert.kind) {
    case 'milestone-late':
      return `${where} : jalon « ${alert.subject} » en retard de ${countOf(alert.daysLate ?? 0, 'jour', 'jours')} (prévu le ${alert.date ? formatDate(alert.date) : '—'}).`;
    case 'budget-over-plan':
      return `${where} : budget ${alert.subject} dépassé de ${formatEuro(alert.amountOver ?? 0, 'fr')}.`;
    case 'procurement-step-overdue':
      return `${where} : étape « ${stepName(alert)} » du marché en retard de ${countOf(alert.daysLate ?? 0, 'jour', 'jours')}.`;
  }
}

/** An overdue step's name on the route its file follows (« Envoi du bon de commande » for a call-off). */
function stepName(alert: Alert): string {
  const step = ProcurementStep.safeParse(alert.subject);
  const procedure = ProcurementProcedure.safeParse(alert.procedure);
  return step.success ? stepLabelFr(step.data, procedure.success ? procedure.data : null) : alert.subject;
}

/**
 * The alert notices and the weekly digest. `run` looks at every active user's alerts (what they may see), sends a
 * notice of the new ones to those who want them, and the digest to those whose week is over. It runs as a job of the
 * database's queue once per NOTICES_INTERVAL_MINUTES across all instances (decision 110); tests call it with the
 * app's injectable clock.
 */
export class NoticesService {
  private running: Promise<NoticeRunResult> | null = null;
  /** How « send now » runs a pass: through the job queue, in line with the period's pass (app.ts). */
  private exclusivePass: () => Promise<NoticeRunResult> = () => this.run();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly implementation: ProvinceService,
    private readonly mailer: Mailer,
    private readonly now: () => Date,
    private readonly log: { error(object: unknown, message: string): void },
    private readonly sources: NoticeSource[] = [],
  ) {}

  /** One pass at a time: a second call waits for the one under way. */
  run(): Promise<NoticeRunResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<NoticeRunResult> {
    const now = this.now();
    const today = this.implementation.today();
    const recipients = await this.uow.read((repos) => repos.implementation.recipients());
    let alertNotices = 0;
    let featureNotices = 0;
    let digests = 0;
    const byScope = new Map<string, Alert[]>();
    for (const r of recipients) {
      const actor: UserActor = {
        kind: 'user',
        id: r.id,
        email: r.email,
        role: r.role,
        communeNis: r.communeNis,
        sessionId: 'notices',
      };
      // Users of the same scope (the agency, one commune) see the same alerts: computed once per pass.
      const scope = r.communeNis ?? 'agency';
      if (!byScope.has(scope)) {
        byScope.set(scope, await this.uow.read((repos) => this.implementation.alertsFor(repos, actor, today)));
      }
      const alerts = byScope.get(scope)!;
      if (r.alertEmails) {
        const known = await this.uow.read((repos) => repos.implementation.notifiedKeys(r.id));
        const fresh = alerts.filter((a) => !known.has(a.key));
        if (fresh.length > 0) {
          await this.send(r, 'alert', {
            subject: `Smart Rural : ${countOf(fresh.length, 'nouvelle alerte', 'nouvelles alertes')} de suivi`,
            text: `Bonjour ${r.displayName},\n\n${fresh.map((a) => `- ${describeAlert(a)}`).join('\n')}\n`,
            keys: fresh.map((a) => a.key),
          });
          alertNotices++;
        }
      }
      if (r.alertEmails) {
        for (const source of this.sources) {
          const known = await this.uow.read((repos) => repos.implementation.notifiedKeys(r.id));
          for (const notice of await source.noticesFor({ ...actor, displayName: r.displayName })) {
            if (known.has(notice.key)) continue;
            await this.send(r, source.kind, { subject: notice.subject, text: notice.text, keys: [notice.key] });
            featureNotices++;
          }
        }
      }
      if (r.weeklyDigest && isDigestDue(r.lastDigestAt, now)) {
        await this.send(r, 'digest', {
          subject: `Smart Rural : résumé hebdomadaire du suivi (${countOf(alerts.length, 'alerte ouverte', 'alertes ouvertes')})`,
          text:
            `Bonjour ${r.displayName},\n\n` +
            (alerts.length
              ? alerts.map((a) => `- ${describeAlert(a)}`).join('\n')
              : 'Aucune alerte ouverte cette semaine.') +
            '\n',
          keys: [],
        });
        await this.uow.write((repos) => repos.implementation.upsertSettings(r.id, { lastDigestAt: now }));
        digests++;
      }
    }
    return { alertNotices, digests, ...(featureNotices ? { otherNotices: featureNotices } : {}) };
  }

  private async send(
    recipient: { id: string; email: string },
    kind: 'alert' | 'digest' | NoticeSource['kind'],
    notice: { subject: string; text: string; keys: string[] },
  ): Promise<void> {
    let error: string | null = null;
    try {
      await this.mailer.send({ to: recipient.email, subject: notice.subject, text: notice.text });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      this.log.error({ err: e }, 'alert e-mail not sent');
    }
    await this.uow.write((repos) =>
      repos.implementation.logNotice({
        userId: recipient.id,
        email: recipient.email,
        kind,
        subject: notice.subject,
        body: notice.text,
        // A failed e-mail is retried on the next pass: its alerts are not marked as notified.
        alertKeys: error ? [] : notice.keys,
        transport: this.mailer.transport,
        error,
        sentAt: this.now(),
      }),
    );
  }

  async notices(actor: Actor, limit = 200): Promise<Notice[]> {
    authorize(actor, 'read', { type: 'notification_log' });
    const rows = await this.uow.read((repos) => repos.implementation.notices(limit));
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      kind: r.kind,
      subject: r.subject,
      body: r.body,
      transport: r.transport,
      error: r.error,
      sentAt: r.sentAt.toISOString(),
    }));
  }

  /** Makes « send now » go through `pass`, which runs the pass in line with the other instances' (decision 110). */
  passThrough(pass: () => Promise<NoticeRunResult>): void {
    this.exclusivePass = pass;
  }

  /**
   * An admin sends the notices now, instead of waiting for the scheduler. The pass is a job of the queue, with the
   * same key as the period's: if another instance is sending the period's notices, this one waits for it to end and
   * then sends only what is still due.
   */
  async runNow(ctx: RequestContext): Promise<NoticeRunResult> {
    authorize(ctx.actor, 'create', { type: 'notification_log' });
    let result: NoticeRunResult;
    try {
      result = await this.exclusivePass();
    } catch (error) {
      if (error instanceof JobStillRunningError) throw new ConflictError('NOTICES_STILL_RUNNING');
      throw error;
    }
    await this.uow.write((repos) =>
      repos.audit.record(
        auditOf(ctx, { action: 'notices.run', entityType: 'notification_log', entityId: 'run', after: result }),
      ),
    );
    return result;
  }
}
