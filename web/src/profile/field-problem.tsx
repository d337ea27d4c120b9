import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { FieldProblemInfo } from './save-problems';

/** A field's error: the message, and a link to the contact already holding the value when there is one. */
export function FieldProblem({ problem }: { problem: FieldProblemInfo | undefined }) {
  if (!problem) return null;
  if (!problem.contactId) return <>{problem.message}</>;
  return (
    <>
      {problem.message}.{' '}
      <Anchor
        component={Link}
        to={`/contacts/${encodeURIComponent(problem.contactId)}`}
        size="xs"
        c="red"
        underline="always"
      >
        Open that contact
      </Anchor>
    </>
  );
}

/** The error prop for an input: a node when there is a problem, undefined when there is none. */
export function errorNode(problem: FieldProblemInfo | undefined) {
  return problem ? <FieldProblem problem={problem} /> : undefined;
}
