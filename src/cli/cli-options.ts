import { InvalidArgumentError, Option } from 'commander';

/** Parses a positive whole number option (`1000000` or `1_000_000`). */
export function positiveInteger(value: string): number {
  const parsed = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

/** The role option shared by commands that create members and keys. */
export const roleOption = () =>
  new Option('--role <role>', 'owner, admin or agent').choices(['owner', 'admin', 'agent']).default('admin');
