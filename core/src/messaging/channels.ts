import { createTransport } from 'nodemailer';
import { DeliveryUnavailable } from './errors.js';

/** A message to one address: plain text only (the platform sends codes and notices, not marketing). */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Where the platform's direct messages go: email through SMTP, SMS through a provider the region
 * contracts (a plugin or the deployment passes it: `createPlatform({ sms })`). Both throw on a
 * failed hand-over, so the request that wanted the message fails and can be retried.
 */
export interface MessageChannel {
  send(message: OutgoingMessage): Promise<void>;
}

/** Email through an SMTP server (nodemailer). */
export function smtpChannel(url: string, from: string): MessageChannel & { close(): void } {
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/** The channels of a platform; a missing one makes its messages a 503 naming the channel. */
export interface MessageChannels {
  email?: MessageChannel;
  sms?: MessageChannel;
}

export function channelFor(channels: MessageChannels, kind: 'email' | 'phone'): MessageChannel {
  const channel = kind === 'email' ? channels.email : channels.sms;
  if (!channel) {
    throw DeliveryUnavailable({
      detail:
        kind === 'email'
          ? 'No mail server is configured (LIFELONG_SMTP_URL), so no code can be emailed.'
          : 'No SMS provider is configured, so no code can be texted.',
      extensions: { channel: kind },
    });
  }
  return channel;
}
