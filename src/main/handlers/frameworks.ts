/** The framework methods: the control mapping, a scope's ownership, and the framework exports. */
import type { frameworkMethods } from '@shared/contract/frameworks';
import { FRAMEWORK_EXTENSIONS } from '@shared/contract/frameworks';
import { DemarcError } from '@shared/errors';
import type { Handlers } from '../router';
import { importMapping, mappingInfo, resetMapping, saveMapping } from '../services/control-mapping';
import { exportFramework } from '../services/framework-export';
import { ownershipSummary } from '../services/framework-scope';
import { workbookName } from '../services/workbook-service';
import { progressEmitter, runExport } from './export';

type FrameworkHandlers = Pick<Handlers, keyof typeof frameworkMethods>;

const SUGGESTED_NAMES = { ccm: 'CCM v4 SSRM', fedramp: 'FedRAMP CIS-CRM', 'oscal-ssp': 'OSCAL SSP' } as const;

export const frameworkHandlers: FrameworkHandlers = {
  'frameworks.mapping': (_input, ctx) => mappingInfo(ctx.session.require(), ctx.services),
  'frameworks.importMapping': async (input, ctx) => {
    const wb = ctx.session.require();
    const path = input.path !== undefined ? ctx.files.require(input.path, 'read') : await ctx.dialogs.chooseMappingFile();
    return path === null ? null : importMapping(wb, ctx.services, path);
  },
  'frameworks.resetMapping': (_input, ctx) => resetMapping(ctx.session.require(), ctx.services),
  'frameworks.saveMapping': async (input, ctx) => {
    const wb = ctx.session.require();
    const path = input.path !== undefined ? ctx.files.require(input.path, 'write') : await ctx.dialogs.chooseExportPath(`${workbookName(wb.path)} control mapping`, 'json');
    if (path === null) return null;
    const written = await saveMapping(wb, path);
    ctx.session.running.exported.add(written);
    return written;
  },
  'frameworks.ownership': (input, ctx) => ownershipSummary(ctx.session.require(), ctx.services, input.framework, input.scope, input.baseline),
  'frameworks.chooseCaiq': async (_input, ctx) => {
    ctx.session.require();
    return ctx.dialogs.chooseCaiqWorkbook();
  },
  'export.framework': async (input, ctx) => {
    const wb = ctx.session.require();
    const state = ctx.session.running;
    if (state.export) throw new DemarcError('INVALID_INPUT', 'An export is already running: wait for it or cancel it.');
    if (input.caiqPath !== undefined && input.framework !== 'ccm') {
      throw new DemarcError('INVALID_INPUT', 'A CAIQ workbook can only be merged into the CCM export.');
    }
    const extension = FRAMEWORK_EXTENSIONS[input.framework];
    if (input.caiqPath !== undefined) ctx.files.require(input.caiqPath, 'read');
    const chosen =
      input.path !== undefined
        ? ctx.files.require(input.path, 'write')
        : await ctx.dialogs.chooseExportPath(`${workbookName(wb.path)} ${SUGGESTED_NAMES[input.framework]}`, extension);
    if (!chosen) return null;
    return runExport(ctx, (signal) =>
      exportFramework(wb, ctx.services, {
        framework: input.framework,
        scope: input.scope,
        baseline: input.baseline,
        ...(input.caiqPath === undefined ? {} : { caiqPath: input.caiqPath }),
        path: chosen,
        exportedAt: input.exportedAt,
        signal,
        onProgress: progressEmitter(ctx)
      })
    );
  }
};
