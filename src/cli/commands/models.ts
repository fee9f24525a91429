import { parseArgs } from 'node:util';
import type { ModelChangeSummary, ModelSummary } from '@shared/contract/engine';
import { ASSET_PROVIDERS, type AssetProvider } from '@shared/import';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const MODELS_HELP = `Usage: demarc models <file.demarc> [action] ...

The responsibility models and which assets are read under each: an asset's own model, else its
provider's (AWS assets under AWS's model, Google Cloud's under Google's), else the workbook's default.
  (no action) [--json]                the models, their service models (columns), the default and each provider's model
  import FILE.json [--json]           add a responsibility model of your own (validated; its id must be new)
  default MODEL_ID [--preview]        make MODEL_ID the default model
  provider PROVIDER MODEL_ID|default [--preview]
                                      read PROVIDER's assets (${ASSET_PROVIDERS.join(', ')}) under MODEL_ID,
                                      or under the default model
A change moves service models to the new model's columns (AWS infrastructure ↔ IaaS), and overrides
and roles to the matching layers; --preview prints what would move and changes nothing. Undoable in the app.`;

function printModels(models: ModelSummary[], io: CliIo): void {
  const lines: string[] = [];
  for (const m of models) {
    const roles = [m.isDefault ? 'default' : m.fallback ? 'read in place of the default model, which is not in the workbook (see demarc check)' : '', m.providers.length > 0 ? `for ${m.providers.join(', ')} assets` : '', m.builtin ? 'built in' : 'imported'].filter(Boolean).join(', ');
    lines.push(`${m.name} (${m.id}, version ${m.version}) — ${roles}; ${m.assetCount.toLocaleString('en-GB')} asset(s)`);
    lines.push(`  service models: ${m.serviceModels.map((c) => `${c.id} (${c.label})`).join(', ')}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** A model change in plain words: which assets, what moves, example lines. */
export function modelChangeText(p: ModelChangeSummary): string {
  const lines = [`Moving ${p.assets} from ${p.fromModelId} to ${p.toModelId}: ${p.assetsAffected.toLocaleString('en-GB')} asset(s) change.`];
  for (const m of p.serviceModelMoves) {
    lines.push(`  ${m.count.toLocaleString('en-GB')} × service model ${m.fromLabel} → ${m.toLabel ?? 'none (no matching column: classify them again)'}`);
  }
  lines.push(`  ${p.layerChanges} layer responsibilities change; ${p.orphanedOverrides} override(s) and ${p.orphanedAssignments} role(s) sit on layers the new model lacks; ${p.refusedOverrides} override(s) it refuses`);
  for (const e of p.examples.slice(0, 20)) lines.push(`  - ${e}`);
  if (p.examples.length > 20) lines.push(`  … and ${p.examples.length - 20} more example(s)`);
  return lines.join('\n');
}

const isProvider = (value: string): value is AssetProvider => (ASSET_PROVIDERS as readonly string[]).includes(value);

export async function runModels(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, preview: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [file, action, ...rest] = positionals;
  return withWorkbook('models', file, io, async (cli) => {
    const print = (summary: ModelChangeSummary, done: string): number => {
      io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${values.preview ? '' : `${done}\n`}${modelChangeText(summary)}\n`);
      return EXIT.ok;
    };
    switch (action) {
      case undefined: {
        const models = await cli.call('models.list', {});
        if (values.json) io.stdout(`${JSON.stringify(models, null, 2)}\n`);
        else printModels(models, io);
        return EXIT.ok;
      }
      case 'import': {
        const [file] = rest;
        if (file === undefined || rest.length !== 1) throw new UsageError('demarc models import: expected one model file (JSON)');
        const imported = await cli.call('models.import', { path: cli.path(file) });
        if (imported === null) throw new UsageError('demarc models import: no file given');
        if (values.json) io.stdout(`${JSON.stringify(imported, null, 2)}\n`);
        else {
          io.stdout('Imported:\n');
          printModels([imported], io);
        }
        return EXIT.ok;
      }
      case 'default': {
        const [modelId] = rest;
        if (modelId === undefined || rest.length !== 1) throw new UsageError('demarc models default: expected one MODEL_ID');
        const summary = await cli.call(values.preview ? 'models.previewDefault' : 'models.setDefault', { modelId });
        return print(summary, `Default model: ${modelId}`);
      }
      case 'provider': {
        const [provider, target] = rest;
        if (provider === undefined || target === undefined || rest.length !== 2) throw new UsageError('demarc models provider: expected PROVIDER and MODEL_ID (or default)');
        if (!isProvider(provider)) throw new UsageError(`demarc models provider: "${provider}" is not a provider; use one of ${ASSET_PROVIDERS.join(', ')}`);
        const modelId = target.toLowerCase() === 'default' ? null : target;
        const summary = await cli.call(values.preview ? 'models.previewProvider' : 'models.setProvider', { provider, modelId });
        return print(summary, `${provider} assets read under ${modelId ?? 'the default model'}`);
      }
      default:
        throw new UsageError(`demarc models: unknown action "${action}": use import, default or provider (or none to list)`);
    }
  });
}
