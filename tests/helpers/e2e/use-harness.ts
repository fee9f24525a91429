import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { Harness, type AppUnderTest } from './harness';

/**
 * The hooks every e2e file needs: Chromium and the renderer server started once per file, and
 * each app launched in a test closed after it, failing the test on any page error.
 */
export function useHarness(): { launch: Harness['launch'] } {
  const harness = new Harness();
  const launched: AppUnderTest[] = [];
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  afterEach(async () => {
    const errors = launched.flatMap((app) => app.errors);
    for (const app of launched.splice(0)) await app.close();
    expect(errors).toEqual([]);
  });
  return {
    launch: async (options) => {
      const app = await harness.launch(options);
      launched.push(app);
      return app;
    }
  };
}
