import { ErrorBanner } from './ErrorBanner';

/** A failed query's message (the engine's own words). */
export function QueryError({ error }: { error: Error | null }) {
  if (!error) return null;
  return <ErrorBanner message={error.message} />;
}
