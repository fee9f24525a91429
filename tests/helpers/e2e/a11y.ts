import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeIssue {
  screen: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** An axe-core scan of what the page shows now; returns serious and critical violations. */
export async function scanScreen(page: Page, screen: string): Promise<AxeIssue[]> {
  const result = await new AxeBuilder({ page }).analyze();
  const issues = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      screen,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' '))
    }));
  const minor = result.violations.filter((violation) => !issues.some((issue) => issue.id === violation.id));
  if (issues.length > 0) console.log(`axe ${screen}: ${JSON.stringify(issues, null, 2)}`);
  if (minor.length > 0) console.log(`axe ${screen} (minor): ${minor.map((violation) => `${violation.id}/${violation.impact}`).join(', ')}`);
  return issues;
}
