import { createBrowserRouter, Navigate } from 'react-router';
import { ContactListPage } from '../contacts/contact-list-page';
import { AppFrame } from './app-shell';
import { RouteError } from './route-error';

/** The app's routes; the contact list, where the app opens, comes with it, other pages are chunks loaded on first visit. */
export const router = createBrowserRouter([
  {
    element: <AppFrame />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/contacts" replace /> },
          { path: 'contacts', Component: ContactListPage },
          {
            path: 'contacts/import',
            lazy: async () => ({
              Component: (await import('../imports/import-wizard-page')).ImportWizardPage,
            }),
          },
          {
            path: 'contacts/imports',
            lazy: async () => ({
              Component: (await import('../imports/import-history-page')).ImportHistoryPage,
            }),
          },
          {
            path: 'contacts/imports/:importId',
            lazy: async () => ({
              Component: (await import('../imports/import-report-page')).ImportReportPage,
            }),
          },
          {
            path: 'contacts/:contactId',
            lazy: async () => ({
              Component: (await import('../profile/contact-profile-page')).ContactProfilePage,
            }),
          },
          {
            path: 'segments',
            lazy: async () => ({ Component: (await import('../segments/segments-page')).SegmentsPage }),
          },
          {
            path: 'segments/:segmentId',
            lazy: async () => ({ Component: (await import('../segments/segment-page')).SegmentPage }),
          },
          {
            path: 'statistics',
            lazy: async () => ({ Component: (await import('../statistics/statistics-page')).StatisticsPage }),
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
