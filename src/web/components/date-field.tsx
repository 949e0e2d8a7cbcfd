import { ActionIcon, Loader, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDate } from '../../domain/shared/format.ts';
import { useLanguage } from '../lib/use-language.ts';

const DateFieldCalendar = lazy(() => import('./date-field-calendar.tsx'));

export type DateFieldProps = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'error'> & {
  /** The day as ISO `YYYY-MM-DD`, or '' (or null) when none. */
  value?: string | null;
  /** Called with the ISO day, or '' while the text is empty or not a whole date. */
  onChange(value: string): void;
  error?: ReactNode;
  /** Earliest and latest days allowed (ISO): the calendar greys the others and the field says why. */
  minDate?: string;
  maxDate?: string;
};

/**
 * A date typed and shown dd/mm/yyyy whatever the browser's language (a native date input follows the browser:
 * mm/dd/yyyy in an American one), with a calendar on demand. It reads « 31/01/2027 », « 31.01.2027 », « 31012027 »
 * and the ISO « 2027-01-31 » (src/domain/shared/format.ts), and hands the form the ISO day.
 */
export function DateField({ value: given, onChange, error, minDate, maxDate, onBlur, ...rest }: DateFieldProps) {
  const value = given ?? '';
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [text, setText] = useState(value ? formatDate(value, language) : '');
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState(false);
  // The last value this field handed out: a different one comes from outside (a reset, another control).
  const emitted = useRef(value);

  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(value ? formatDate(value, language) : '');
    setTouched(false);
  }, [value, language]);

  const emit = (iso: string) => {
    emitted.current = iso;
    onChange(iso);
  };
  const parsed = parseDate(text);
  const problem =
    text.trim() === ''
      ? null
      : !parsed
        ? touched
          ? t('dateField.format')
          : null
        : minDate && parsed < minDate
          ? t('dateField.notBefore', { date: formatDate(minDate, language) })
          : maxDate && parsed > maxDate
            ? t('dateField.notAfter', { date: formatDate(maxDate, language) })
            : null;

  return (
    <TextInput
      {...rest}
      id={rest.id ?? id}
      value={text}
      placeholder={rest.placeholder ?? t('dateField.placeholder')}
      autoComplete="off"
      error={error ?? problem}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        emit(parseDate(next) ?? '');
      }}
      onBlur={(event) => {
        setTouched(true);
        if (parsed) setText(formatDate(parsed, language));
        onBlur?.(event);
      }}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus withinPortal>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('dateField.calendar')}
              // Which field it opens: the field's visible label (a field named by aria-label alone has none).
              aria-describedby={rest.label ? `${rest.id ?? id}-label` : undefined}
              aria-expanded={opened}
              onClick={() => setOpened((o) => !o)}
              disabled={rest.disabled || rest.readOnly}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            {opened ? (
              <Suspense fallback={<Loader size="sm" />}>
                <DateFieldCalendar
                  locale={language}
                  value={parsed}
                  minDate={minDate}
                  maxDate={maxDate}
                  onPick={(day) => {
                    setText(formatDate(day, language));
                    setTouched(true);
                    emit(day);
                    setOpened(false);
                  }}
                />
              </Suspense>
            ) : null}
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}
