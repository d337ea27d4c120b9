/** Delimiters a CSV file may use, in order of preference when a sample cannot tell them apart. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
/** A CSV delimiter. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Records of the sample looked at. */
const SNIFFED_RECORDS = 50;

interface Candidate {
  delimiter: CsvDelimiter;
  /** Delimiters per record expected: as in the header, or the most common number. */
  expected: number;
  /** Share of records with the expected number of delimiters. */
  consistency: number;
}

/** Picks the delimiter whose count outside quotes is the most consistent over a sample's first records (`complete`: the sample is the whole file). */
export function sniffDelimiter(sample: string, complete: boolean): CsvDelimiter {
  // Among the delimiters of the header row, the one most records have as many of as the header; when the header
  // has none, the one whose most common non-zero count is the most consistent. Ties go to more columns, then to
  // the order of CSV_DELIMITERS; ',' when no delimiter is found.
  const counted = CSV_DELIMITERS.map((delimiter) => ({
    delimiter,
    counts: delimiterCounts(sample, delimiter, complete),
  }));
  const inHeader = counted.filter(({ counts }) => (counts[0] ?? 0) > 0);
  const candidates: Candidate[] = (inHeader.length > 0 ? inHeader : counted).map(({ delimiter, counts }) => {
    const expected = inHeader.length > 0 ? (counts[0] ?? 0) : mostCommon(counts.filter((count) => count > 0));
    return {
      delimiter,
      expected,
      consistency: counts.filter((count) => count === expected).length / counts.length,
    };
  });
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (candidate.expected === 0) continue;
    if (
      !best ||
      candidate.consistency > best.consistency ||
      (candidate.consistency === best.consistency && candidate.expected > best.expected)
    )
      best = candidate;
  }
  return best?.delimiter ?? ',';
}

/** The most common number (the larger one on a tie); 0 for none. */
function mostCommon(numbers: number[]): number {
  const frequency = new Map<number, number>();
  for (const value of numbers) frequency.set(value, (frequency.get(value) ?? 0) + 1);
  let common = 0;
  let commonFrequency = 0;
  for (const [value, times] of frequency) {
    if (times > commonFrequency || (times === commonFrequency && value > common)) {
      common = value;
      commonFrequency = times;
    }
  }
  return common;
}

/** Delimiters outside quotes in each non-blank record, read the way csv-parse reads with relaxed quotes. */
function delimiterCounts(sample: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoting = false;
  let fieldStart = true;
  let hasContent = false;
  for (let i = 0; i < sample.length && counts.length < SNIFFED_RECORDS; i++) {
    const char = sample[i];
    if (quoting) {
      if (char === '"') {
        if (sample[i + 1] === '"') i++;
        else quoting = false;
      }
    } else if (char === '"' && fieldStart) {
      quoting = true;
      fieldStart = false;
      hasContent = true;
    } else if (char === '\n' || char === '\r') {
      if (hasContent) counts.push(count);
      count = 0;
      hasContent = false;
      fieldStart = true;
    } else if (char === delimiter) {
      count++;
      fieldStart = true;
    } else {
      fieldStart = false;
      if (char !== ' ' && char !== '\t') hasContent = true;
    }
  }
  if (complete && hasContent && counts.length < SNIFFED_RECORDS) counts.push(count);
  return counts;
}
