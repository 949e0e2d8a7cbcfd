// Mantine's base rules; each component's own rules come with the chunk that uses it (vite.config.ts, decision 105).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { numberKeyDown, numberPaste } from '../components/number-entry.ts';
import { i18next } from '../i18n/i18n.ts';
import { ApiError } from '../lib/api.ts';
import { authKeys } from '../lib/session.ts';
import { useLanguage } from '../lib/use-language.ts';
import { cssVariablesResolver, theme } from './theme.ts';

// The development server pre-bundles Mantine, out of the build's reach: it takes the whole stylesheet.
if (import.meta.env.DEV) void import('@mantine/core/styles.layer.css');

/** A 401 from any call means the session ended (expired, signed out elsewhere): ask again who is signed in. */
function onApiError(error: unknown, queryKey?: readonly unknown[]) {
  if (error instanceof ApiError && error.status === 401 && queryKey?.[0] !== authKeys.me[0]) {
    void queryClient.invalidateQueries({ queryKey: authKeys.me });
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // The caller's mistakes (4xx) do not get better by asking again.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

const NotificationsContainer = lazy(() => import('./notifications-container.tsx'));

/** The notices' corner, mounted with the first notice; it then shows that notice and the following ones. */
function NoticesCorner() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && notifications.length + queue.length > 0) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <NotificationsContainer />
    </Suspense>
  ) : null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <LocalisedMantine>
          <NoticesCorner />
          {children}
        </LocalisedMantine>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/**
 * Number fields show « 4,50 » in French and « 4.50 » in English (both separators are accepted when typing), and read
 * what is typed or pasted as meant: « 1.234,50 », « 1 234,50 », « 1234.5 », « 22 500 € » (see number-entry.ts).
 */
function LocalisedMantine({ children }: { children: ReactNode }) {
  const language = useLanguage();
  const localised = useMemo(() => {
    const decimalSeparator = language === 'fr' ? ',' : '.';
    return {
      ...theme,
      components: {
        ...theme.components,
        // A plain object rather than NumberInput.extend(): importing NumberInput here would put it (and its number
        // formatting library) into the first load of every page.
        NumberInput: {
          defaultProps: {
            decimalSeparator,
            onKeyDown: numberKeyDown(decimalSeparator),
            onPasteCapture: numberPaste(language, decimalSeparator),
          },
        },
      },
    };
  }, [language]);
  return (
    <MantineProvider theme={localised} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
