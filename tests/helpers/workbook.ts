import { join } from 'node:path';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { closeWorkbook, createWorkbook } from '@main/services/workbook-service';
import { fixedClock, tempDir } from './temp';

export function testServiceContext(overrides: Partial<ServiceContext> = {}): ServiceContext {
  return { clock: fixedClock(), osUser: 'tester', ...overrides };
}

/** A real workbook on a temp file, created through the real migrations and service. */
export function createTestWorkbook(options: { organisation?: string; ctx?: ServiceContext } = {}): {
  wb: OpenWorkbook;
  ctx: ServiceContext;
  path: string;
  close: () => void;
} {
  const ctx = options.ctx ?? testServiceContext();
  const path = join(tempDir(), 'test.demarc');
  const wb = createWorkbook(ctx, { path, organisation: options.organisation ?? 'Acme' });
  return { wb, ctx, path, close: () => closeWorkbook(wb) };
}
