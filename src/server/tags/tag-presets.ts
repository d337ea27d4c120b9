/** The recommended tag system: categories with their tags and a colour each. */
export const RECOMMENDED_TAGS: Array<{ category: string; color: string; names: string[] }> = [
  { category: 'Customer Tier', color: '#7048e8', names: ['VIP', 'Premium', 'Standard', 'Trial'] },
  { category: 'Status', color: '#2f9e44', names: ['Active', 'Inactive', 'Churned', 'Lead'] },
  { category: 'Industry', color: '#1971c2', names: ['Technology', 'Healthcare', 'Retail', 'Finance'] },
  { category: 'Region', color: '#e8590c', names: ['North America', 'Europe', 'Asia Pacific'] },
  { category: 'Product', color: '#0c8599', names: ['Product A', 'Product B', 'Service X'] },
  { category: 'Journey', color: '#c2255c', names: ['New Customer', 'Onboarding', 'Active', 'At Risk'] },
];
