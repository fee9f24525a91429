/**
 * The mapping as the user changes it: the built-in one by default, their own JSON imported into
 * the workbook (through the router, as the app and CLI call it) and used by the exports, refused
 * with the file's JSON paths (or line and column) leaving the workbook byte-identical, and reset.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import builtinJson from '@resources/frameworks/layer-controls.json';
import { BUILTIN_MODELS } from '@core/models';
import { HANDLERS } from '@main/handlers';
import { RecentFiles } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import { listChanges } from '@main/store/repos/change-log';
import { Session } from '@main/session';
import { mappingInfo } from '@main/services/control-mapping';
import { closeWorkbook } from '@main/services/workbook-service';
import { importModel } from '@main/services/models';
import { sha256File } from '@tests/helpers/temp';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { handMadeWorkbook, type HandMade } from '@tests/helpers/framework-seed';

let made: HandMade | null = null;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  if (made && made.wb.db.open) closeWorkbook(made.wb);
  made = null;
  session = null;
});

function routed() {
  made = handMadeWorkbook();
  closeWorkbook(made.wb);
  session = new Session();
  const router = createRouter(HANDLERS, {
    services: made.ctx,
    session,
    recent: new RecentFiles(join(made.dir, 'recent.json')),
    files: TRUSTED_FILES,
    dialogs: {
      chooseNewWorkbookPath: () => Promise.resolve(null),
      chooseWorkbookToOpen: () => Promise.resolve(null),
      chooseImportFiles: () => Promise.resolve([]),
      chooseExportPath: () => Promise.resolve(null),
      chooseModelFile: () => Promise.resolve(null),
      chooseMappingFile: () => Promise.resolve(null),
      chooseExportToVerify: () => Promise.resolve(null),
      chooseCaiqWorkbook: () => Promise.resolve(null)
    },
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: () => undefined
  });
  return { router, made };
}

function writeJson(dir: string, name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return path;
}

const mine = () => JSON.parse(JSON.stringify(builtinJson)) as typeof builtinJson & Record<string, unknown>;

describe('the control mapping of a workbook', () => {
  it('is the built-in one, joined by every built-in model, until the user imports their own', async () => {
    const { router, made } = routed();
    await router.handle('workbook.open', { path: made.path });
    const info = await router.handle('frameworks.mapping', {});
    expect(info).toMatchObject({ ok: true, data: { id: 'demarc-layer-controls', builtin: true, fileName: null } });
    const data = (info as { data: { counts: Record<string, number>; models: { modelId: string; explicit: boolean; unboundLayers: string[]; uncovered: string[] }[] } }).data;
    expect(data.counts.ccmMapped! + data.counts.ccmOrganisational!).toBe(197);
    expect(data.models.map((m) => [m.modelId, m.explicit, m.unboundLayers, m.uncovered])).toEqual(
      Object.keys(BUILTIN_MODELS)
        .sort()
        .map((id): unknown[] => [id, true, [], []])
    );
    expect(data.models.map((m) => m.modelId)).toEqual(expect.arrayContaining(['microsoft-2026-01', 'microsoft-classic-2023', 'google-cloud-2023-08']));
    expect(await router.handle('frameworks.importMapping', {})).toEqual({ ok: true, data: null });
  });

  it("imports the user's mapping, which the exports then follow; reset goes back", async () => {
    const { router, made } = routed();
    await router.handle('workbook.open', { path: made.path });
    const json = mine();
    json.id = 'acme-mapping';
    json.version = '7';
    const line = json.ccm.find((l) => l.id === 'DCS-03')! as Record<string, unknown>;
    delete line.layers;
    line.organisational = true;
    line.reason = 'Our own data centre team signs off every secure area.';
    const path = writeJson(made.dir, 'acme-mapping.json', json);
    const imported = await router.handle('frameworks.importMapping', { path });
    expect(imported).toMatchObject({ ok: true, data: { id: 'acme-mapping', version: '7', builtin: false, fileName: 'acme-mapping.json', importedBy: 'tester' } });

    const out = join(made.dir, 'ccm.xlsx');
    expect(await router.handle('export.framework', { framework: 'ccm', path: out })).toMatchObject({ ok: true });
    const rows = sheetRows((await readWorkbook(out)).getWorksheet('CAIQv4.0.3')!, 12);
    const dcs03 = rows.find((r) => r[0] === 'DCS-03.1')!;
    expect(dcs03[3]).toBe('CSC-owned');
    expect(dcs03[5]).toBe("Organisational: the customer's own, whatever the cloud. Our own data centre team signs off every secure area.");
    const intro = sheetRows((await readWorkbook(out)).getWorksheet('Introduction')!, 2);
    expect(String(intro.find((r) => r[0] === 'Control mapping')![1])).toContain('imported from acme-mapping.json');

    expect(await router.handle('frameworks.resetMapping', {})).toMatchObject({ ok: true, data: { builtin: true } });
    const wb = session!.require();
    expect(listChanges(wb.db).map((c) => c.action).slice(-2)).toEqual(['mapping.import', 'mapping.reset']);
  });

  it('refuses a broken mapping naming the file and each JSON path, and leaves the workbook byte-identical', async () => {
    const { router, made } = routed();
    await router.handle('workbook.open', { path: made.path });
    const before = sha256File(made.path);
    const json = mine();
    json.ccm = json.ccm.filter((l) => l.id !== 'IAM-07');
    (json.nist[1] as Record<string, unknown>).layers = ['identities'];
    (json.models as Record<string, Record<string, string[]>>)['microsoft-2026-01']!['custmer-data'] = ['customer-data'];
    const result = await router.handle('frameworks.importMapping', { path: writeJson(made.dir, 'broken.json', json) });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toMatch(/^broken\.json: not a valid control mapping/);
    expect(message).toContain('$.ccm: every CCM v4 control must appear once, as mapped or organisational; missing: IAM-07');
    expect(message).toContain('$.nist[1].layers[0]: "identities" is not a control layer declared in $.layers');
    expect(sha256File(made.path)).toBe(before);

    const typo = mine();
    (typo.models as Record<string, Record<string, string[]>>)['microsoft-2026-01']!['custmer-data'] = ['customer-data'];
    const refused = await router.handle('frameworks.importMapping', { path: writeJson(made.dir, 'typo.json', typo) });
    expect((refused as { error: { message: string } }).error.message).toContain('$.models["microsoft-2026-01"]["custmer-data"]: model "microsoft-2026-01" has no layer "custmer-data"');

    const syntax = await router.handle('frameworks.importMapping', { path: writeJson(made.dir, 'syntax.json', '{\n  "id": "x",\n}') });
    expect((syntax as { error: { message: string } }).error.message).toMatch(/^syntax\.json: not valid JSON at line 3, column 1 /);
    expect(sha256File(made.path)).toBe(before);
    expect(await router.handle('frameworks.mapping', {})).toMatchObject({ ok: true, data: { builtin: true } });
  });

  it('tells which models of the workbook the mapping does not bind', () => {
    made = handMadeWorkbook();
    const classic = JSON.parse(readFileSync(new URL('../../../resources/models/microsoft-classic-2023.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    importModel(made.wb, made.ctx, writeJson(made.dir, 'msp.json', { ...classic, id: 'msp-2026', name: 'MSP model' }));
    const msp = mappingInfo(made.wb, made.ctx).models.find((m) => m.modelId === 'msp-2026')!;
    expect(msp).toMatchObject({ explicit: false, unboundLayers: [], uncovered: ['configurations-and-settings'] });
  });
});
