import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** Placeholder until the diagnostic module is built: says what it will do. */
export function DiagnosticPage() {
  return <PlaceholderPage i18nKey="modules.diagnostic" />;
}
