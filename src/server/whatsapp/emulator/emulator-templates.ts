import { countTemplatePlaceholders } from '../graph/template-placeholders.js';

/** A message template as `GET /{wabaId}/message_templates` returns it. */
export interface EmulatorTemplate {
  name: string;
  language: string;
  status: 'APPROVED';
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  id: string;
  parameter_format: 'POSITIONAL';
  components: Array<{ type: 'HEADER' | 'BODY' | 'FOOTER'; format?: 'TEXT'; text: string }>;
}

interface TemplateText {
  header?: string;
  body: string;
  footer?: string;
}

const approved = (
  id: string,
  name: string,
  language: string,
  category: EmulatorTemplate['category'],
  text: TemplateText,
): EmulatorTemplate => ({
  name,
  language,
  status: 'APPROVED',
  category,
  id,
  parameter_format: 'POSITIONAL',
  components: [
    ...(text.header ? [{ type: 'HEADER' as const, format: 'TEXT' as const, text: text.header }] : []),
    { type: 'BODY', text: text.body },
    ...(text.footer ? [{ type: 'FOOTER' as const, text: text.footer }] : []),
  ],
});

/** The approved templates every emulated business account has. */
export const EMULATOR_TEMPLATES: readonly EmulatorTemplate[] = [
  approved('1192339204654487', 'hello_world', 'en_US', 'UTILITY', {
    header: 'Hello World',
    body: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
    footer: 'WhatsApp Business Platform sample message',
  }),
  approved('1402918736120557', 'order_update', 'en_US', 'UTILITY', {
    body: 'Hello {{1}}, your order {{2}} has shipped and is on its way. Reply to this message if you have any questions.',
  }),
  approved('867204519938201', 'appointment_reminder', 'en_US', 'UTILITY', {
    body: 'Hi {{1}}, this is a reminder of your appointment on {{2}}. Reply to this message if you need to reschedule.',
  }),
  approved('2290471865530914', 'welcome_back', 'es', 'UTILITY', {
    body: '¡Hola {{1}}! Nos alegra verte de nuevo. ¿En qué podemos ayudarte hoy?',
  }),
  approved('1764032958812460', 'summer_sale', 'en_US', 'MARKETING', {
    body: 'Hi {{1}}, our summer sale is on: 20% off everything until Sunday. Shop now before it ends!',
    footer: 'Reply STOP to stop promotions',
  }),
  approved('953178264410325', 'verification_code', 'en_US', 'AUTHENTICATION', {
    body: '*{{1}}* is your verification code. For your security, do not share this code.',
  }),
];

/** The template with this name and language code, if the account has it. */
export function findTemplate(name: string, language: string): EmulatorTemplate | undefined {
  return EMULATOR_TEMPLATES.find((candidate) => candidate.name === name && candidate.language === language);
}

/** How many values the template's body expects. */
export function bodyParameterCount(template: EmulatorTemplate): number {
  const body = template.components.find((component) => component.type === 'BODY');
  return body ? countTemplatePlaceholders(body.text) : 0;
}
