import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { asApp } from './options'
import { accountMemoryOf } from './memory'
import { upstreamFor } from './resilience'
import type { Upstream } from './resilience'

/** What the mail service renders a Message Center template with. */
export interface MailMessage {
  templateName: string
  jsonData: Record<string, unknown>
}

/** A Message Center template as the template-render API takes it (only what this app sets). */
export interface MailTemplate {
  Name: string
  FriendlyName: string
  Description: string
  IsDefaultTemplate: boolean
  IsPersisted: boolean
  IsRemoved: boolean
  Type: string
  Templates: {
    email: {
      To: string
      Subject: string
      Message: string
      Type: 'E'
      ProviderId: string
      IsActive: boolean
      withError: boolean
    }
  }
}

const statusOf = (error: unknown) =>
  (error as { response?: { status?: number } })?.response?.status

/**
 * VTEX's mail service and Message Center templates, as the app's own token (the manifest's
 * outbound-access policies for their paths). The same paths availability-notify calls.
 */
export class MailClient extends JanusClient {
  private get upstream(): Upstream {
    return upstreamFor(accountMemoryOf(this))
  }

  constructor(ctx: IOContext, options?: InstanceOptions) {
    super(ctx, asApp(ctx, options))
  }

  public async send(message: MailMessage): Promise<void> {
    await this.upstream('other', () =>
      this.http.post('/api/mail-service/pvt/sendmail', message, {
        metric: 'mail-send',
      })
    )
  }

  /** Whether Message Center has the template (404: not yet). */
  public async hasTemplate(name: string): Promise<boolean> {
    return this.upstream('other', () =>
      this.http
        .get(`/api/template-render/pvt/templates/${encodeURIComponent(name)}`, {
          metric: 'mail-template-get',
        })
        .then(() => true)
        .catch((error) => {
          if (statusOf(error) === 404) return false
          throw error
        })
    )
  }

  public async createTemplate(template: MailTemplate): Promise<void> {
    await this.upstream('other', () =>
      this.http.post('/api/template-render/pvt/templates', template, {
        metric: 'mail-template-create',
      })
    )
  }
}
