import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

const BLOCKING = new Set(['serious', 'critical']);

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    - ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join('\n');
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
}

/**
 * The screen at rest: dialogs and toasts done fading, so axe and screenshots read the colours a user sees. A toast
 * that starts leaving has its opacity set a frame before its transition runs: axe then blended its text with the
 * dialog's overlay behind it (contrast 1.6, CI of 2026-12-07), so every toast must also be fully opaque. A toast can
 * also start leaving while axe reads the page (its 4 s are up: contrast 1.2, CI of the next run): toasts here fade
 * in and out at once, so axe sees one fully there or not at all (opacity 0 is hidden to it).
 */
export async function screenAtRest(page: Page): Promise<void> {
  await page.addStyleTag({
    content: '.mantine-Notifications-root, .mantine-Notifications-root * { transition: none !important; }',
  });
  await page.waitForFunction(() => {
    const opaque = (element: Element | null): boolean =>
      !element || (Number(getComputedStyle(element).opacity) === 1 && opaque(element.parentElement));
    return (
      document.getAnimations().every((a) => a.playState !== 'running') &&
      [...document.querySelectorAll('.mantine-Notification-root')].every(opaque)
    );
  });
}

/**
 * Waits for the screen at rest, then runs axe-core (WCAG 2.0/2.1 A and AA rules, plus best practices) on the page as it is now and fails on any
 * serious or critical violation, listing them.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  await screenAtRest(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  if (blocking.length > 0) {
    const report = blocking.map(describe).join('\n');
    console.error(`axe: ${blocking.length} serious or critical violation(s) on ${label}:\n${report}`);
    throw new Error(`axe found ${blocking.length} serious or critical violation(s) on ${label}:\n${report}`);
  }
}
