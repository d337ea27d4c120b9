/** One webhook notification to send, and the inbound messages it carries. */
export interface TrafficItem {
  body: string;
  /** WhatsApp ids of the inbound messages in it (none for a status notification). */
  inboundIds: string[];
  kind: 'message' | 'status' | 'redelivery';
}

/** The mix of the stream. */
export interface TrafficOptions {
  seed: number;
  /** Distinct customers who write in. */
  senders: number;
  /** Share of notifications that repeat an earlier one (WhatsApp retries and duplicates). */
  redeliveryRate: number;
  /** Share of notifications that are delivery statuses of outbound messages. */
  statusRate: number;
  phoneNumberId: string;
  displayNumber: string;
}

/** A deterministic generator (sfc32), so the app and the baseline get the same stream. */
function randomSource(seed: number): () => number {
  let a = 0x1234567;
  let b = 0x89abcdef;
  let c = 0x2545f491;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

const NAMES = [
  'Sheena Nelson',
  'João Silva',
  'Priya Sharma',
  'Zoë Müller',
  'Chinedu Okafor',
  'María José García',
];
const TEXTS = [
  'Hi! Is this still available?',
  'Does it come in another color?',
  'What are your opening hours?',
  'Quiero hacer un pedido',
  'Obrigado!',
  'Can I change my delivery address?',
  'My order #48213 has not arrived',
  'STOP',
  'start',
];

/**
 * WhatsApp Cloud API webhook traffic in Meta's wire format, shaped like shared/tools/wa-traffic.mjs: texts (some
 * with an ad referral), images, button replies and reactions from a pool of customers of several countries, delivery
 * statuses (sent, delivered, read, failed) of earlier outbound messages, and redeliveries of earlier notifications.
 */
export function createWebhookTraffic(options: TrafficOptions): { next(): TrafficItem } {
  const random = randomSource(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const senders = Array.from({ length: options.senders }, () => {
    const kind = random();
    const wa =
      kind < 0.35
        ? `1${pick(['415', '650', '212', '305'])}${200 + Math.floor(random() * 700)}${digits(4)}`
        : kind < 0.55
          ? `91${pick(['98', '97', '88', '70'])}${digits(8)}`
          : kind < 0.7
            ? `55${pick(['11', '21', '31'])}${random() < 0.5 ? '9' : ''}${pick(['8', '9'])}${digits(7)}`
            : kind < 0.85
              ? `52${pick(['55', '33', '81'])}${digits(8)}`
              : `234${pick(['803', '806', '813'])}${digits(7)}`;
    return { wa, name: pick(NAMES) };
  });
  let clock = Math.floor(Date.now() / 1000) - 3600;
  let sequence = 0;
  const outbound: string[] = [];
  const received: string[] = [];
  const sentBodies: TrafficItem[] = [];

  const envelope = (value: Record<string, unknown>) =>
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: options.displayNumber,
                  phone_number_id: options.phoneNumberId,
                },
                ...value,
              },
            },
          ],
        },
      ],
    });

  const message = (): TrafficItem => {
    const sender = pick(senders);
    clock += Math.floor(random() * 2);
    const id = `wamid.bench-${options.seed}-${++sequence}-${digits(6)}`;
    const base = { from: sender.wa, id, timestamp: String(clock) };
    const r = random();
    const content =
      r < 0.7
        ? { type: 'text', text: { body: pick(TEXTS) } }
        : r < 0.8
          ? {
              type: 'image',
              image: { caption: 'photo', mime_type: 'image/jpeg', sha256: digits(16), id: digits(15) },
            }
          : r < 0.88
            ? {
                type: 'interactive',
                interactive: { type: 'button_reply', button_reply: { id: `yes-${digits(3)}`, title: 'Yes' } },
              }
            : r < 0.94 && received.length
              ? { type: 'reaction', reaction: { message_id: pick(received), emoji: '❤️' } }
              : {
                  type: 'text',
                  text: { body: 'I saw your ad' },
                  referral: {
                    source_type: 'ad',
                    source_id: digits(12),
                    headline: 'Spring sale',
                    ctwa_clid: digits(20),
                  },
                };
    received.push(id);
    if (received.length > 1000) received.shift();
    return {
      kind: 'message',
      inboundIds: [id],
      body: envelope({
        contacts: [{ profile: { name: sender.name }, wa_id: sender.wa }],
        messages: [{ ...base, ...content }],
      }),
    };
  };

  const status = (): TrafficItem => {
    clock += 1;
    const fresh = outbound.length === 0 || random() < 0.4;
    const id = fresh ? `wamid.out-${options.seed}-${++sequence}` : pick(outbound);
    if (fresh) outbound.push(id);
    if (outbound.length > 2000) outbound.shift();
    const state = fresh ? 'sent' : pick(['delivered', 'read', 'read', 'delivered', 'failed']);
    const entry: Record<string, unknown> = {
      id,
      status: state,
      timestamp: String(clock),
      recipient_id: pick(senders).wa,
    };
    if (state === 'failed')
      entry.errors = [
        pick([
          { code: 131047, title: 'Re-engagement message', message: 'Re-engagement message' },
          { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' },
        ]),
      ];
    else {
      const category = pick(['marketing', 'utility', 'service']);
      entry.conversation = { id: digits(32), origin: { type: category } };
      entry.pricing = { billable: true, pricing_model: 'PMP', category, type: 'regular' };
    }
    return { kind: 'status', inboundIds: [], body: envelope({ statuses: [entry] }) };
  };

  return {
    next: () => {
      if (sentBodies.length > 0 && random() < options.redeliveryRate) {
        const earlier = pick(sentBodies);
        return { ...earlier, kind: 'redelivery' };
      }
      const item = random() < options.statusRate ? status() : message();
      sentBodies.push(item);
      if (sentBodies.length > 1000) sentBodies.shift();
      return item;
    },
  };
}
