import { ActionIcon, Loader, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, type Locale, parseDate } from '../../domain/shared/format.ts';
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
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const field = useDateText(given ?? '', onChange, language);
  const problem = useDateProblem(field, minDate, maxDate);

  return (
    <TextInput
      {...rest}
      id={rest.id ?? id}
      value={field.text}
      placeholder={rest.placeholder ?? t('dateField.placeholder')}
      autoComplete="off"
      error={error ?? problem}
      onChange={(event) => field.type(event.currentTarget.value)}
      onBlur={(event) => {
        field.leave();
        onBlur?.(event);
      }}
      rightSectionPointerEvents="all"
      rightSection={
        <CalendarPicker
          value={field.parsed}
          minDate={minDate}
          maxDate={maxDate}
          // Which field it opens: the field's visible label (a field named by aria-label alone has none).
          describedBy={rest.label ? `${rest.id ?? id}-label` : undefined}
          disabled={rest.disabled || rest.readOnly}
          onPick={field.pick}
        />
      }
    />
  );
}

type DateText = ReturnType<typeof useDateText>;

/** The text typed, kept apart from the ISO day the form holds, which follows it while it reads as a date. */
function useDateText(value: string, onChange: (value: string) => void, language: Locale) {
  const [text, setText] = useState(value ? formatDate(value, language) : '');
  const [touched, setTouched] = useState(false);
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
  return {
    text,
    touched,
    parsed,
    type(next: string) {
      setText(next);
      emit(parseDate(next) ?? '');
    },
    leave() {
      setTouched(true);
      if (parsed) setText(formatDate(parsed, language));
    },
    pick(day: string) {
      setText(formatDate(day, language));
      setTouched(true);
      emit(day);
    },
  };
}

/** Why the text is not a day the field takes; a half-typed date is only wrong once the field is left. */
function useDateProblem({ text, parsed, touched }: DateText, minDate?: string, maxDate?: string): string | null {
  const { t } = useTranslation();
  const language = useLanguage();
  if (text.trim() === '') return null;
  if (!parsed) return touched ? t('dateField.format') : null;
  if (minDate && parsed < minDate) return t('dateField.notBefore', { date: formatDate(minDate, language) });
  if (maxDate && parsed > maxDate) return t('dateField.notAfter', { date: formatDate(maxDate, language) });
  return null;
}

function CalendarPicker(props: {
  value: string | null;
  minDate?: string | undefined;
  maxDate?: string | undefined;
  describedBy: string | undefined;
  disabled: boolean | undefined;
  onPick(day: string): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('dateField.calendar')}
          aria-describedby={props.describedBy}
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
          disabled={props.disabled}
        >
          <CalendarIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        {opened ? (
          <Suspense fallback={<Loader size="sm" />}>
            <DateFieldCalendar
              locale={language}
              value={props.value}
              minDate={props.minDate}
              maxDate={props.maxDate}
              onPick={(day) => {
                props.onPick(day);
                setOpened(false);
              }}
            />
          </Suspense>
        ) : null}
      </Popover.Dropdown>
    </Popover>
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
