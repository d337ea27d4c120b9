import { AsyncLocalStorage } from 'node:async_hooks';
import type { ContactChange } from './contact-events.repository.js';

/** How many times changes made by listeners may set listeners off again, one inside the other. */
export const MAX_CHANGE_DEPTH = 3;

/** Where the running code sits in a chain of reactions: how deep, and which automations started it. */
export interface ChangeChain {
  depth: number;
  automationIds: ReadonlySet<string>;
}

/** Reacts to committed contact changes (smart tags, automations). */
export type ContactChangeListener = (changes: ContactChange[]) => Promise<void>;

const ROOT: ChangeChain = { depth: 0, automationIds: new Set() };

/**
 * Tells listeners about contact changes once they are committed. Listeners run one after the other, awaited, in
 * a chain one level deeper than the change; changes they make tell listeners again, down to MAX_CHANGE_DEPTH, so
 * that rules reacting to each other cannot loop forever. A listener's failure is reported, never thrown at the
 * code whose change was already committed.
 */
export class ContactChangeHub {
  private readonly listeners: ContactChangeListener[] = [];
  private readonly chain = new AsyncLocalStorage<ChangeChain>();
  private report: (error: unknown) => void = (error) =>
    console.error('a contact change listener failed', error);

  /** Adds a listener. */
  listen(listener: ContactChangeListener): void {
    this.listeners.push(listener);
  }

  /** Where failures of listeners go (the server's log). */
  reportErrorsTo(report: (error: unknown) => void): void {
    this.report = report;
  }

  /** The chain the running code is part of. */
  current(): ChangeChain {
    return this.chain.getStore() ?? ROOT;
  }

  /** Runs work as the given automation, so that the changes it makes do not set that automation off again. */
  async runAsAutomation<T>(automationId: string, work: () => Promise<T>): Promise<T> {
    const chain = this.current();
    return this.chain.run({ ...chain, automationIds: new Set([...chain.automationIds, automationId]) }, work);
  }

  /** Tells every listener about committed changes. */
  async publish(changes: ContactChange[]): Promise<void> {
    if (changes.length === 0 || this.listeners.length === 0) return;
    const chain = this.current();
    if (chain.depth >= MAX_CHANGE_DEPTH) return;
    await this.chain.run({ ...chain, depth: chain.depth + 1 }, async () => {
      for (const listener of this.listeners) {
        try {
          await listener(changes);
        } catch (error) {
          this.report(error);
        }
      }
    });
  }
}
