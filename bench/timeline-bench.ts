import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { actorOf, systemPrincipal } from '../src/server/auth/principal.js';
import { encodePosition } from '../src/server/events/timeline-position.js';
import { startRuntime } from '../src/server/runtime.js';
import { writeCheckedResults } from './checked-results.js';
import { startRoloServer } from './child-server.js';
import { createHttpClient } from './http-client.js';
import { timeSequentially } from './percentiles.js';
import { writeHistory, type History } from './timeline-history.js';
import { evaluateTimelineTargets, renderTimelineMarkdown, type TimelineResults } from './timeline-report.js';

const LIMIT = 30;
const COUNTS = { messages: 10_000, notes: 300, events: 300 };

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
  },
});
const samples = Number(values.samples);
if (!Number.isInteger(samples) || samples < 1) throw new Error('--samples must be a positive integer');
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const loadAverageAtStart = loadavg();

/** Cursors spread from 10% to 99% down the history, in a fixed shuffled order. */
function deepCursors(history: History, count: number): string[] {
  const { positions } = history;
  return Array.from({ length: count }, (_, i) => {
    const depth = 0.1 + ((i * 0.6180339887) % 1) * 0.89;
    const position = positions[Math.floor(depth * (positions.length - 1))]!;
    return encodePosition(position);
  });
}

interface Page {
  data: Array<{ kind: string; id: string }>;
  nextCursor: string | null;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'rolo-timeline-bench-'));
try {
  const runtime = await startRuntime({ dataDir });
  let workspaceId: string;
  let apiKey: string;
  let contactId: string;
  let history: History;
  try {
    const { services } = runtime;
    const workspace = await services.workspaces.createWorkspace('Timeline bench', 'BR');
    workspaceId = workspace.id;
    apiKey = (await services.auth.createApiKey(workspaceId, { name: 'bench', role: 'admin' })).key;
    const contact = await services.contacts.createContact(
      { workspaceId, actor: actorOf(systemPrincipal(workspaceId)) },
      { name: 'Busy Customer', phone: '+55 11 98765 4321' },
    );
    contactId = contact.id;
    history = await writeHistory(runtime.db.kysely, workspaceId, contactId, COUNTS);
    log(
      `wrote ${history.messages.toLocaleString('en')} messages, ${history.notes} notes, ${history.events} events in ${history.seconds} s`,
    );
  } finally {
    await runtime.close();
  }

  const server = await startRoloServer({ ROLO_DATA_DIR: dataDir });
  const client = createHttpClient(server.baseUrl, apiKey);
  try {
    const timeline = `/api/v1/contacts/${contactId}/timeline?limit=${LIMIT}`;
    const first = JSON.parse(await client.send('GET', timeline)) as Page;
    const firstPageKinds: Record<string, number> = {};
    for (const item of first.data) firstPageKinds[item.kind] = (firstPageKinds[item.kind] ?? 0) + 1;

    const seen = new Set<string>();
    let page = first;
    let pages = 1;
    let consistent = page.data.length === LIMIT;
    for (const item of page.data) seen.add(item.id);
    while (page.nextCursor && pages < 40) {
      page = JSON.parse(
        await client.send('GET', `${timeline}&cursor=${encodeURIComponent(page.nextCursor)}`),
      ) as Page;
      pages++;
      for (const item of page.data) {
        if (seen.has(item.id)) consistent = false;
        seen.add(item.id);
      }
      if (page.data.length !== LIMIT) consistent = false;
    }
    log(`first page: ${JSON.stringify(firstPageKinds)}; walked ${pages} pages (${seen.size} items)`);

    const cursors = deepCursors(history, samples);
    const firstPage = await timeSequentially(samples, async () => {
      await client.send('GET', timeline);
    });
    const deepPage = await timeSequentially(samples, async (i) => {
      await client.send('GET', `${timeline}&cursor=${encodeURIComponent(cursors[i % samples]!)}`);
    });
    const messagesOnlyDeepPage = await timeSequentially(samples, async (i) => {
      await client.send(
        'GET',
        `${timeline}&kinds=message&cursor=${encodeURIComponent(cursors[(i * 7) % samples]!)}`,
      );
    });
    const healthz = await timeSequentially(samples, async () => {
      await client.send('GET', '/healthz');
    });
    const getContact = await timeSequentially(samples, async () => {
      await client.send('GET', `/api/v1/contacts/${contactId}`);
    });
    log(`timeline p95: first ${firstPage.p95} ms, deep ${deepPage.p95} ms; healthz p95 ${healthz.p95} ms`);

    const measured: Omit<TimelineResults, 'checks'> = {
      startedAt: new Date(started).toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown CPU',
        node: process.versions.node,
        loadAverageAtStart,
      },
      options: { ...COUNTS, samples, limit: LIMIT, db: 'sqlite' },
      history: { conversations: history.conversations, seconds: history.seconds },
      firstPageKinds,
      walk: { pages, items: seen.size, consistent },
      latencyMs: { firstPage, deepPage, messagesOnlyDeepPage, healthz, getContact },
    };
    const results: TimelineResults = { ...measured, checks: evaluateTimelineTargets(measured) };
    writeCheckedResults('timeline-sqlite', results, renderTimelineMarkdown(results));
    log('results in bench/results/timeline-sqlite.md');
  } finally {
    client.close();
    await server.stop();
  }
} finally {
  if (values.keep) console.log(`kept the benchmark database in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
