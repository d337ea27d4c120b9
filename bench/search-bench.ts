import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { actorOf, systemPrincipal } from '../src/server/auth/principal.js';
import { startRuntime } from '../src/server/runtime.js';
import { searchNeedle } from '../src/shared/search-needle.js';
import { openBareDatabase, type BareDatabase } from './bare-database.js';
import { writeCheckedResults } from './checked-results.js';
import { startRoloServer } from './child-server.js';
import { createHttpClient } from './http-client.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { prepareWorkspace } from './prepare-workspace.js';
import { buildQueryMix, QUERY_KINDS, RARE_PEOPLE, type QueryKind } from './search-queries.js';
import {
  evaluateSearchTargets,
  renderSearchMarkdown,
  type KindLatency,
  type SearchBenchResults,
} from './search-report.js';

const LIMIT = 10;
const WARMUP_ROUNDS = 20;
/** Ranking every match is slow by design; a few samples of it show the cost. */
const RANK_ALL_SAMPLES = 20;

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const contacts = Number(values.contacts);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const loadAverageAtStart = loadavg();

/** The bare FTS query: the first matches of the folded text (a word start for two characters), unranked. */
const BARE_FTS = `select contacts.id, contacts.display_name, contacts.phone, contacts.email, contacts.company
  from contacts_search cross join contacts on contacts.rowid = contacts_search.rowid
  where contacts_search.search_text glob ? and contacts.workspace_id = ? limit ${LIMIT}`;
/** The trap: every match ranked exact > word start > inside, sorted, then the first few. */
const RANK_ALL = `select id, display_name, phone, email, company from contacts
  where workspace_id = ? and rowid in (select rowid from contacts_search where search_text glob ?)
  order by sort_name = ? desc, instr(' ' || search_text, ' ' || ?) > 0 desc, sort_name, id limit ${LIMIT}`;

const globOf = (q: string) => {
  const needle = searchNeedle(q);
  const literal = ([...needle].length < 3 ? ` ${needle}` : needle).replace(/[*?[]/g, (c) => `[${c}]`);
  return `*${literal}*`;
};

async function timeEach(texts: string[], run: (text: string) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (const text of texts) {
    const t0 = process.hrtime.bigint();
    await run(text);
    durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return durations;
}

/** Seeds (or reuses) the data, adds the rare names once, and gives the workspace and an API key. */
async function prepare(dataDir: string, reused: boolean) {
  let seed: SearchBenchResults['seed'] = null;
  if (!reused) {
    log(`seeding ${contacts.toLocaleString('en')} contacts`);
    seed = (await prepareWorkspace({ dataDir }, contacts, log)).seed;
  }
  const runtime = await startRuntime({ dataDir });
  try {
    const { services } = runtime;
    const workspace = await services.uow.repos.workspaces.findFirst();
    if (!workspace) throw new Error(`no workspace in ${dataDir}`);
    const workspaceId = workspace.id;
    const apiKey = (await services.auth.createApiKey(workspaceId, { name: 'search bench', role: 'admin' }))
      .key;
    const scope = { workspaceId, actor: actorOf(systemPrincipal(workspaceId)) };
    const [first, last] = RARE_PEOPLE[0];
    const present = await services.quickSearch.search(workspaceId, { q: `${first} ${last}`, limit: 1 });
    if (present.length === 0)
      for (const [firstName, lastName] of RARE_PEOPLE)
        await services.contacts.createContact(scope, { firstName, lastName });
    return { workspaceId, apiKey, seed };
  } finally {
    await runtime.close();
  }
}

const reusedDir = values['data-dir'];
const dataDir = reusedDir ?? mkdtempSync(path.join(tmpdir(), 'rolo-search-bench-'));
try {
  const { workspaceId, apiKey, seed } = await prepare(dataDir, reusedDir !== undefined);
  let bare: BareDatabase | undefined = await openBareDatabase({ dataDir });
  const mix = await buildQueryMix(bare, workspaceId, rounds);
  const bareFts = {} as Record<QueryKind, number[]>;
  const rankAll = {} as Record<QueryKind, LatencySummary>;
  const runBare = (text: string) => bare!.all(BARE_FTS, [globOf(text), workspaceId]);
  for (const kind of QUERY_KINDS) await timeEach(mix[kind].slice(0, WARMUP_ROUNDS), runBare);
  for (const kind of QUERY_KINDS) bareFts[kind] = await timeEach(mix[kind], runBare);
  for (const kind of QUERY_KINDS) {
    rankAll[kind] = summarize(
      await timeEach(mix[kind].slice(0, RANK_ALL_SAMPLES), (text) => {
        const needle = searchNeedle(text);
        return bare!.all(RANK_ALL, [workspaceId, globOf(text), needle, needle]);
      }),
    );
    log(
      `baseline ${kind}: bare FTS p95 ${summarize(bareFts[kind]).p95} ms, rank all p95 ${rankAll[kind].p95} ms`,
    );
  }
  await bare.close();
  bare = undefined;

  const server = await startRoloServer({ ROLO_DATA_DIR: dataDir });
  const client = createHttpClient(server.baseUrl, apiKey);
  try {
    const ask = async (text: string) =>
      JSON.parse(
        await client.send(
          'GET',
          `/api/v1/contacts/quick-search?q=${encodeURIComponent(text)}&limit=${LIMIT}`,
        ),
      ) as { data: unknown[] };
    for (let round = 0; round < WARMUP_ROUNDS; round++)
      for (const kind of QUERY_KINDS) await ask(mix[kind][round]!);
    const http = Object.fromEntries(QUERY_KINDS.map((kind) => [kind, [] as number[]])) as Record<
      QueryKind,
      number[]
    >;
    const hits = Object.fromEntries(QUERY_KINDS.map((kind) => [kind, 0])) as Record<QueryKind, number>;
    for (let round = 0; round < rounds; round++)
      for (const kind of QUERY_KINDS) {
        const t0 = process.hrtime.bigint();
        const answer = await ask(mix[kind][round]!);
        http[kind].push(Number(process.hrtime.bigint() - t0) / 1e6);
        hits[kind] += answer.data.length;
      }
    const kinds: KindLatency[] = QUERY_KINDS.map((kind) => ({
      kind,
      examples: [...new Set(mix[kind])].slice(0, 4),
      http: summarize(http[kind]),
      bareFts: summarize(bareFts[kind]),
      rankAllMatches: rankAll[kind],
      meanHits: hits[kind] / rounds,
    }));
    for (const k of kinds) log(`quick find ${k.kind}: p50 ${k.http.p50} ms, p95 ${k.http.p95} ms`);
    const measured: Omit<SearchBenchResults, 'checks'> = {
      startedAt: new Date(started).toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown CPU',
        node: process.versions.node,
        loadAverageAtStart,
      },
      options: { contacts, rounds, limit: LIMIT, db: 'sqlite' },
      seed,
      overall: {
        http: summarize(QUERY_KINDS.flatMap((kind) => http[kind])),
        bareFts: summarize(QUERY_KINDS.flatMap((kind) => bareFts[kind])),
      },
      kinds,
    };
    const results: SearchBenchResults = { ...measured, checks: evaluateSearchTargets(measured) };
    const size = contacts >= 1_000_000 ? `${contacts / 1_000_000}m` : `${contacts / 1000}k`;
    writeCheckedResults(`search-sqlite-${size}`, results, renderSearchMarkdown(results));
    log(`results in bench/results/search-sqlite-${size}.md`);
  } finally {
    client.close();
    await server.stop();
  }
} finally {
  if (reusedDir || values.keep) console.log(`kept the benchmark data in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
