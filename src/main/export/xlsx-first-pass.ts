/**
 * The xlsx export's first pass over the workbook's pages: it writes the Matrix and, from the same
 * read of each page, takes the tally (the Cover's counts, By party, the sheets' row counts) and
 * sets the page's findings aside for the Findings sheet. A pass costs a read of every page and the
 * engine's work on it; the export used to make four (tally, Matrix, RACI, Findings), now two
 * (Matrix with the rest, then RACI).
 *
 * The findings wait in a file beside the target (line-spool.ts), one JSON line per page, in page
 * order, and are read back when the Findings sheet is written: the same findings, in the same
 * order, as a fresh pass would compute.
 */
import type { ExportSource } from '@core/export-model';
import { ExportTally } from '@core/export-model';
import type { ReportAsset, ReportFinding } from '@shared/report';
import { LineSpool } from './line-spool';

export class XlsxFirstPass {
  readonly tally: ExportTally;
  private readonly findings: LineSpool;
  private state: 'ready' | 'reading' | 'done' = 'ready';

  /** `target`: the export's path (the findings wait beside it). */
  constructor(private readonly source: ExportSource, target: string) {
    this.tally = new ExportTally(source.head);
    this.findings = new LineSpool(target);
  }

  /**
   * The source of the sheets written in the first pass: its asset pages are that pass, and may be
   * read once. Its findings are not known yet.
   */
  firstSource(): ExportSource {
    const pages = (): Generator<ReportAsset[]> => this.read();
    return {
      ...this.source,
      assetPages: pages,
      findingPages: () => {
        throw new Error('the findings are read in the first pass, not before it ends');
      },
      pages: () => {
        throw new Error('the first pass reads the pages once, as asset pages');
      }
    };
  }

  private *read(): Generator<ReportAsset[]> {
    if (this.state !== 'ready') throw new Error('the first pass reads the pages once');
    this.state = 'reading';
    for (const page of this.source.pages()) {
      this.tally.addAssets(page.assets);
      this.tally.addFindings(page.findings);
      if (page.findings.length > 0) this.findings.add(JSON.stringify(page.findings));
      yield page.assets;
    }
    this.state = 'done';
  }

  /** Whether the first pass has read every page (the tally is complete). */
  get done(): boolean {
    return this.state === 'done';
  }

  /** The source of the sheets written after the first pass: fresh asset pages, the findings set aside. */
  laterSource(): ExportSource {
    if (this.state !== 'done') throw new Error('the first pass has not read every page yet');
    const findings = this.findings;
    return {
      ...this.source,
      findingPages: function* (): Generator<ReportFinding[]> {
        for (const line of findings.lines()) yield JSON.parse(line) as ReportFinding[];
      },
      pages: () => {
        throw new Error('after the first pass, the pages are read as asset pages');
      }
    };
  }

  /** Removes the findings' file. */
  dispose(): void {
    this.findings.dispose();
  }
}
