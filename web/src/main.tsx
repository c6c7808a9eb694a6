import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider, Modal, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider, keepPreviousData } from '@tanstack/react-query';
import '@mantine/core/styles.css';
import './contrast.css';
import { App } from './app/App.tsx';
import { retryable } from './app/errors.ts';

// Mantine's defaults for filled buttons (blue 6), dimmed text (gray 6) and a field's error (red 6) fall short of WCAG AA
// contrast (4.5:1) on white: a darker shade of each keeps every page readable (axe checks it).
// Every dialog's close button says what it does.
const theme = createTheme({ primaryShade: { light: 8, dark: 8 }, components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }) } });
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

const queries = new QueryClient({
  defaultOptions: {
    // A list keeps what it shows while the next page or filter loads: nothing jumps under the reader.
    queries: { placeholderData: keepPreviousData, retry: (count, error) => count < 3 && retryable(error), staleTime: 10_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast} defaultColorScheme="auto" colorSchemeManager={localStorageColorSchemeManager({ key: 'cellhub-color-scheme' })}>
      <QueryClientProvider client={queries}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
