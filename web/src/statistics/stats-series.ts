import type { WorkspaceStats } from '../api/types';
import { dateFormat } from '../ui/intl-formats';
import { SOURCE_ORDER, sourceLabel } from '../ui/source-labels';

/** One stacked part of each bar: a source, or inbound / outbound. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** One bar: its day and one value per series (in the series' order). */
export interface ChartRow {
  day: string;
  label: string;
  values: number[];
}

/** What a bar chart draws. */
export interface ChartData {
  series: ChartSeries[];
  rows: ChartRow[];
}

const PALETTE = ['teal', 'blue', 'grape', 'orange', 'cyan', 'pink', 'lime', 'gray'];
const color = (index: number) => `var(--mantine-color-${PALETTE[index % PALETTE.length] ?? 'gray'}-6)`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A UTC day as people read it: "12 Mar". */
export function dayLabel(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dateFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** Every UTC day from `from` to `to`, both included (`YYYY-MM-DD`). */
export function periodDays(from: string, to: string): string[] {
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const days: string[] = [];
  for (let time = start; time <= end; time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** New contacts per day, stacked by source (known sources first, in a fixed order; days without any are zeros). */
export function newContactsChart(stats: WorkspaceStats): ChartData {
  const present = new Set(stats.newContactsPerDay.map((row) => row.source));
  const sources = [
    ...SOURCE_ORDER.filter((source) => present.has(source)),
    ...[...present].filter((source) => !SOURCE_ORDER.includes(source)).sort(),
  ];
  const counts = new Map(stats.newContactsPerDay.map((row) => [`${row.day} ${row.source}`, row.count]));
  return {
    series: sources.map((source, index) => ({
      key: source,
      label: sourceLabel(source),
      color: color(
        SOURCE_ORDER.includes(source) ? SOURCE_ORDER.indexOf(source) : SOURCE_ORDER.length + index,
      ),
    })),
    rows: periodDays(stats.from, stats.to).map((day) => ({
      day,
      label: dayLabel(day),
      values: sources.map((source) => counts.get(`${day} ${source}`) ?? 0),
    })),
  };
}

/** Conversations started per day. */
export function conversationsChart(stats: WorkspaceStats): ChartData {
  return {
    series: [{ key: 'conversations', label: 'Conversations', color: color(1) }],
    rows: stats.conversationsPerDay.map((row) => ({
      day: row.day,
      label: dayLabel(row.day),
      values: [row.count],
    })),
  };
}

/** Messages per day, received and sent stacked. */
export function messagesChart(stats: WorkspaceStats): ChartData {
  return {
    series: [
      { key: 'inbound', label: 'Received', color: color(0) },
      { key: 'outbound', label: 'Sent', color: color(3) },
    ],
    rows: stats.messagesPerDay.map((row) => ({
      day: row.day,
      label: dayLabel(row.day),
      values: [row.inbound, row.outbound],
    })),
  };
}

/** The tallest bar's total (at least 1, so an empty chart still has a scale). */
export function chartMax(data: ChartData): number {
  return Math.max(1, ...data.rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
}

/** True when every bar is empty. */
export function isChartEmpty(data: ChartData): boolean {
  return data.rows.every((row) => row.values.every((value) => value === 0));
}
