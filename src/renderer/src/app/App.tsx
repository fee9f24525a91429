import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { WorkbookGate } from './WorkbookGate';

export function App() {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Data comes from a local file: no refetch on focus, no retries that hide errors.
          queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
          mutations: { retry: false }
        }
      })
  );
  return (
    <QueryClientProvider client={client}>
      <WorkbookGate />
    </QueryClientProvider>
  );
}
