/**
 * Run before every test file (vitest's setupFiles), also when files share a worker
 * (isolate: false), where a hook registered by a shared helper module would be registered for
 * the first file that imported it only.
 */
import { afterEach } from 'vitest';
import { removeTempDirs } from './temp';

afterEach(removeTempDirs);
