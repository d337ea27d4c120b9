import { createBrowserRouter, Navigate } from 'react-router';
import { AppFrame } from './app-shell';
import { RouteError } from './route-error';

/** The app's routes; each page is its own chunk, loaded on first visit. */
export const router = createBrowserRouter([
  {
    element: <AppFrame />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/contacts" replace /> },
          {
            path: 'contacts',
            lazy: async () => ({
              Component: (await import('../contacts/contact-list-page')).ContactListPage,
            }),
          },
          {
            path: 'contacts/:contactId',
            lazy: async () => ({
              Component: (await import('../profile/contact-profile-page')).ContactProfilePage,
            }),
          },
          {
            path: 'settings/*',
            lazy: async () => ({ Component: (await import('../settings/settings-page')).SettingsPage }),
          },
          { path: '*', element: <RouteError /> },
        ],
      },
    ],
  },
]);
