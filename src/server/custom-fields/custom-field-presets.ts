import type { z } from 'zod';
import type { CUSTOM_FIELD_PRESETS, customFieldCreateSchema } from '../../shared/custom-field-schemas.js';

type PresetField = z.input<typeof customFieldCreateSchema> & { key: string };

/** Ready-made field groups for common kinds of business. */
export const CUSTOM_FIELD_PRESET_FIELDS: Record<(typeof CUSTOM_FIELD_PRESETS)[number], PresetField[]> = {
  ecommerce: [
    {
      key: 'lifetime_value',
      label: 'Customer Lifetime Value',
      type: 'currency',
      options: { currency: 'USD' },
      group: 'E-commerce',
    },
    { key: 'total_orders', label: 'Total Orders', type: 'number', group: 'E-commerce' },
    { key: 'last_purchase', label: 'Last Purchase', type: 'date', group: 'E-commerce' },
    {
      key: 'favorite_category',
      label: 'Favorite Category',
      type: 'select',
      options: {
        choices: ['Electronics', 'Fashion', 'Home & Garden', 'Beauty', 'Sports', 'Books', 'Groceries'],
      },
      group: 'E-commerce',
    },
  ],
  saas: [
    {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: { choices: ['Free', 'Starter', 'Pro', 'Enterprise'] },
      group: 'SaaS',
    },
    { key: 'mrr', label: 'MRR', type: 'currency', options: { currency: 'USD' }, group: 'SaaS' },
    { key: 'contract_end', label: 'Contract End', type: 'date', group: 'SaaS' },
    {
      key: 'usage_tier',
      label: 'Usage Tier',
      type: 'select',
      options: { choices: ['Low', 'Medium', 'High'] },
      group: 'SaaS',
    },
  ],
  services: [
    { key: 'client_since', label: 'Client Since', type: 'date', group: 'Services' },
    {
      key: 'service_type',
      label: 'Service Type',
      type: 'select',
      options: { choices: ['Consulting', 'Implementation', 'Support', 'Training', 'Maintenance'] },
      group: 'Services',
    },
    {
      key: 'billing_cycle',
      label: 'Billing Cycle',
      type: 'select',
      options: { choices: ['Monthly', 'Quarterly', 'Annual'] },
      group: 'Services',
    },
    { key: 'account_manager', label: 'Account Manager', type: 'user', group: 'Services' },
  ],
};
