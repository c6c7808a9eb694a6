import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { QueryClient, QueryClientProvider, keepPreviousData } from '@tanstack/react-query';
import '@mantine/core/styles.css';
import { App } from './app/App.tsx';
import { retryable } from './app/errors.ts';

const queries = new QueryClient({
  defaultOptions: {
    // A list keeps what it shows while the next page or filter loads: nothing jumps under the reader.
    queries: { placeholderData: keepPreviousData, retry: (count, error) => count < 3 && retryable(error), staleTime: 10_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="auto" colorSchemeManager={localStorageColorSchemeManager({ key: 'cellhub-color-scheme' })}>
      <QueryClientProvider client={queries}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
