import { describe, expect, it } from 'vitest';
import { workbookPathFromArgv } from '@main/open-from-os';

describe('a workbook opened by the operating system (argv)', () => {
  it('Windows double-click: the exe and the quoted path, absolute', () => {
    expect(workbookPathFromArgv(['C:\\Users\\ana\\Documents\\Acme Ltd.demarc'], 'C:\\Windows\\System32', 'win32')).toBe(
      'C:\\Users\\ana\\Documents\\Acme Ltd.demarc'
    );
  });

  it('a second instance: Chromium switches around the path are skipped, the path is resolved where that instance started', () => {
    const argv = ['--allow-file-access-from-files', '--original-process-start-time=1333', 'Acme.DEMARC'];
    expect(workbookPathFromArgv(argv, 'D:\\Audits', 'win32')).toBe('D:\\Audits\\Acme.DEMARC');
    expect(workbookPathFromArgv(['--no-sandbox', '../w/Acme.demarc'], '/home/ana/Downloads', 'linux')).toBe('/home/ana/w/Acme.demarc');
  });

  it('Linux file managers pass file:// URIs (Exec=… %U), percent-encoded', () => {
    expect(workbookPathFromArgv(['file:///home/ana/Audit%202026/Acme%20Ltd.demarc'], '/', 'linux')).toBe('/home/ana/Audit 2026/Acme Ltd.demarc');
    expect(workbookPathFromArgv(['file:///C:/Users/ana/Acme%20Ltd.demarc'], 'C:\\', 'win32')).toBe('C:\\Users\\ana\\Acme Ltd.demarc');
  });

  it('development (electron . file) and the last workbook wins', () => {
    expect(workbookPathFromArgv(['.', '/w/Old.demarc', '/w/New.demarc'], '/repo', 'darwin')).toBe('/w/New.demarc');
  });

  it('nothing to open: no argument, another extension, a flag that ends in .demarc, a malformed URI', () => {
    expect(workbookPathFromArgv([], '/w', 'linux')).toBeNull();
    expect(workbookPathFromArgv(['.', '/w/report.xlsx', '--inspect'], '/w', 'linux')).toBeNull();
    expect(workbookPathFromArgv(['--user-data-dir=/tmp/x.demarc'], '/w', 'linux')).toBeNull();
    expect(workbookPathFromArgv(['file://remote-host/share/Acme.demarc'], '/w', 'linux')).toBeNull();
  });
});
