import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query-client';
import { prefetchStartupQueries } from './api/workspace-queries';
import { router } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import { SessionGate } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { startListFromAddress } from './contacts/use-contact-pages';

const queryClient = createQueryClient();
prefetchStartupQueries(queryClient);
startListFromAddress(window.location);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <SessionGate renderSignIn={(props) => <SignInPage {...props} />}>
          <RouterProvider router={router} />
        </SessionGate>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
