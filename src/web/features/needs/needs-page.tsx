import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** Placeholder until the needs register and mutualisation modules are built (one page for both for now). */
export function NeedsPage() {
  return <PlaceholderPage i18nKey="modules.needs" />;
}
