/**
 * Lets a bundled bench that keeps packages external (esbuild --external:exceljs) run from /tmp:
 * Node resolves `require('exceljs')` from the bundle's folder, so the project's node_modules (the
 * working directory's) is added to the search path. Import it first: esbuild keeps import order.
 */
import Module from 'node:module';
import { delimiter, join } from 'node:path';

const projectModules = join(process.cwd(), 'node_modules');
process.env.NODE_PATH = [projectModules, process.env.NODE_PATH].filter(Boolean).join(delimiter);
(Module as unknown as { _initPaths: () => void })._initPaths();
