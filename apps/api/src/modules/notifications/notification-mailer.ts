import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { MetricsService } from '../../metrics/metrics.service.js';

/**
 * Sends notification emails through the SMTP server in SMTP_URL. Without one, `enabled` is false
 * and callers only log that a notification was created, without its content.
 */
@Injectable()
export class NotificationMailer implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationMailer.name);
  private readonly transport: Transporter | null;
  private readonly from: string | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
    this.from = config.mail.from;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** `notificationId` becomes the Message-ID, so a copy that arrives twice is recognisably the same. */
  async send(to: string, subject: string, text: string, notificationId: string): Promise<void> {
    if (!this.transport) throw new Error('email is not configured');
    try {
      await this.transport.sendMail({
        from: this.from,
        to,
        subject,
        text,
        messageId: `<notification-${notificationId}@pathways>`,
      });
    } catch (error) {
      this.metrics.emailsFailed.inc();
      throw error;
    }
    this.metrics.emailsSent.inc();
  }

  /** What is logged when email is off: the kind and id, never the recipient or the text. */
  logCreated(notification: { id: string; kind: string }): void {
    this.logger.log(
      `notification ${notification.id} (${notification.kind}) created; email is not configured`,
    );
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
