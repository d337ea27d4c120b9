import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { messageOf } from '../api/api-error';

/** Shown when a page throws or a route does not exist: says what happened and offers a way back. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Container size="sm" py="xl">
      <Stack role="alert">
        <Title order={1} size="h2">
          {notFound ? 'This page does not exist' : 'Something went wrong'}
        </Title>
        <Text c="dimmed">
          {notFound ? 'Check the address, or go back to your contacts.' : messageOf(error)}
        </Text>
        <div>
          <Button component="a" href="/contacts">
            Back to contacts
          </Button>
        </div>
      </Stack>
    </Container>
  );
}
