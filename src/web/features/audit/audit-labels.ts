import { useTranslation } from 'react-i18next';
import { useCommuneList } from '../../lib/communes-query.ts';
import { displayValue } from './audit-diff.ts';

/** The name of an entity type, or the raw code for one the resources do not know yet. */
export function useEntityLabel() {
  const { t, i18n } = useTranslation();
  return (code: string) => {
    const key = `audit.entities.${code.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : code;
  };
}

/** Codes in snapshots made readable: a role's name, a commune's name with its NIS code. */
export function useReadableValue() {
  const { t, i18n } = useTranslation();
  const communes = useCommuneList({ includeHistorical: true });
  return (field: string, value: unknown, words: { yes: string; no: string; empty: string }) => {
    if (field === 'role' && typeof value === 'string' && i18n.exists(`roles.${value}`)) return t(`roles.${value}`);
    if (field.endsWith('communeNis') && typeof value === 'string') {
      const name = communes.data?.find((c) => c.nisCode === value)?.name;
      return name ? `${name} (${value})` : value;
    }
    if (field === 'kind' && typeof value === 'string' && i18n.exists(`sites.kinds.${value}`)) {
      return t(`sites.kinds.${value}`);
    }
    return displayValue(value, words);
  };
}
