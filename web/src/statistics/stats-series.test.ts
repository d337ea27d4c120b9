import { describe, expect, it } from 'vitest';
import type { WorkspaceStats } from '../api/types';
import { chartMax, isChartEmpty, messagesChart, newContactsChart, periodDays } from './stats-series';

const stats: WorkspaceStats = {
  from: '2026-03-01',
  to: '2026-03-03',
  newContactsPerDay: [
    { day: '2026-03-01', source: 'manual', count: 1 },
    { day: '2026-03-01', source: 'whatsapp', count: 3 },
    { day: '2026-03-03', source: 'crm', count: 2 },
  ],
  conversationsPerDay: [
    { day: '2026-03-01', count: 0 },
    { day: '2026-03-02', count: 0 },
    { day: '2026-03-03', count: 0 },
  ],
  messagesPerDay: [
    { day: '2026-03-01', inbound: 4, outbound: 2 },
    { day: '2026-03-02', inbound: 0, outbound: 0 },
    { day: '2026-03-03', inbound: 1, outbound: 0 },
  ],
  responseTimes: { medianFirstResponseSeconds: null, p90FirstResponseSeconds: null, responseRate: null },
  totals: { newContacts: 6, conversations: 0, messagesIn: 5, messagesOut: 2 },
};

describe('statistics series', () => {
  it('lists every day of the period, both ends included', () => {
    expect(periodDays('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(periodDays('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('stacks new contacts by source, known sources first, with zeros for quiet days', () => {
    const chart = newContactsChart(stats);
    expect(chart.series.map((series) => series.key)).toEqual(['whatsapp', 'manual', 'crm']);
    expect(chart.rows.map((row) => row.values)).toEqual([
      [3, 1, 0],
      [0, 0, 0],
      [0, 0, 2],
    ]);
    expect(chartMax(chart)).toBe(4);
  });

  it('knows an empty chart and keeps a scale for it', () => {
    const empty = { series: [], rows: [{ day: '2026-03-01', label: '1 Mar', values: [0] }] };
    expect(isChartEmpty(empty)).toBe(true);
    expect(chartMax(empty)).toBe(1);
    expect(isChartEmpty(messagesChart(stats))).toBe(false);
    expect(messagesChart(stats).rows[0]?.values).toEqual([4, 2]);
  });
});
