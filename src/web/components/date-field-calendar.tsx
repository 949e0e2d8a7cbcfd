import { DatePicker, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.layer.css';
import 'dayjs/locale/fr';
import type { Locale } from '../../domain/shared/format.ts';

/** The calendar of a date field, loaded the first time someone opens one (it carries Mantine dates and dayjs). */
export default function DateFieldCalendar(props: {
  locale: Locale;
  value: string | null;
  minDate?: string | undefined;
  maxDate?: string | undefined;
  onPick(day: string): void;
}) {
  return (
    <DatesProvider settings={{ locale: props.locale, firstDayOfWeek: 1 }}>
      <DatePicker
        value={props.value}
        defaultDate={props.value ?? props.maxDate ?? undefined}
        minDate={props.minDate}
        maxDate={props.maxDate}
        onChange={(day) => {
          if (day) props.onPick(day);
        }}
      />
    </DatesProvider>
  );
}
