import { describeGraphError, type DescribedGraphError } from './graph-errors.js';

/** The Cloud API answered with an error: its code, HTTP status, details, and what it means for an agent. */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  /** The agent-facing explanation and retry advice for `code`. */
  readonly described: DescribedGraphError;

  constructor(
    readonly code: number,
    readonly status: number,
    readonly details: string | null,
    readonly apiMessage: string,
  ) {
    const described = describeGraphError(code, apiMessage);
    super(`${described.message} (WhatsApp error ${code})`);
    this.described = described;
  }
}

/** The Cloud API could not be reached, or answered with something that is not a Graph API response. */
export class GraphTransportError extends Error {
  override readonly name = 'GraphTransportError';

  constructor(
    message: string,
    /** The HTTP status, or null when no answer came back. */
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
