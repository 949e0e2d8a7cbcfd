import { Alert, List } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unshownErrors } from '../lib/form-validation.ts';

type Line = { path: string; text: string };

/** The label a user reads next to the input bound to `path` or, failing that, to its nearest parent path. */
function labelOf(form: HTMLFormElement, path: string): string | null {
  const parts = path.split('.');
  for (let end = parts.length; end > 0; end -= 1) {
    const node = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.slice(0, end).join('.'))}"]`);
    if (!node) continue;
    const label =
      (node as HTMLInputElement).labels?.[0]?.textContent ??
      node.getAttribute('aria-label') ??
      (node.getAttribute('aria-labelledby')
        ? document.getElementById(node.getAttribute('aria-labelledby')!)?.textContent
        : null);
    return label ? label.replace(/\s*\*\s*$/, '').trim() : null;
  }
  return null;
}

/**
 * Put inside a Mantine form: shows, above its fields, every validation error that no input displays — the
 * form-level one (e.g. a rule across fields) and those of fields without an input of their own — so a form never
 * refuses to send in silence.
 */
export function FormErrorSummary({ errors }: { errors: Record<string, unknown> }) {
  const { t } = useTranslation();
  const anchor = useRef<HTMLDivElement>(null);
  const [lines, setLines] = useState<Line[]>([]);

  useLayoutEffect(() => {
    const form = anchor.current?.closest('form');
    if (!form) return setLines([]);
    const bound = new Set(
      Array.from(form.querySelectorAll<HTMLElement>('[data-path]'), (node) => node.dataset.path ?? ''),
    );
    setLines(
      unshownErrors(errors, bound).map(({ path, message }) => {
        const label = path === 'form' ? null : labelOf(form, path);
        return { path, text: label ? t('validation.fieldLine', { label, message }) : message };
      }),
    );
  }, [errors, t]);

  return (
    <div ref={anchor}>
      {lines.length > 0 ? (
        <Alert color="red" variant="light" role="alert" title={t('validation.formTitle')}>
          {lines.length === 1 ? (
            lines[0]!.text
          ) : (
            <List size="sm">
              {lines.map((line) => (
                <List.Item key={line.path}>{line.text}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      ) : null}
    </div>
  );
}
