import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { dropEarlyRequests } from './api/early-requests';
import { createQueryClient } from './api/query-client';
import { prefetchStartupQueries } from './api/workspace-queries';
import { router } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';
import { SessionGate } from './auth/session-context';
import { SignInPage } from './auth/sign-in-page';
import { startListFromAddress } from './contacts/use-contact-pages';
import { warmFormatters } from './ui/warm-formatters';

/**
 * Longest the first render waits for the start-up queries and the list's first rows: rendering once with them
 * costs less than rendering the frame with loading rows and then again as each answer arrives.
 */
const STARTUP_WAIT_MS = 300;

const queryClient = createQueryClient();
const startupQueriesIn = prefetchStartupQueries(queryClient);
const firstRowsIn = startListFromAddress(window.location);
dropEarlyRequests();
warmFormatters();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const waited = new Promise((resolve) => setTimeout(resolve, STARTUP_WAIT_MS));
void Promise.race([Promise.all([startupQueriesIn, firstRowsIn]), waited]).then(() => renderApp(root));

/** Renders the app into the page. */
function renderApp(container: HTMLElement): void {
  createRoot(container).render(
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
}
