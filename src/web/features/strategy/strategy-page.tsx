import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** Placeholder until the strategy module is built: says what it will do. */
export function StrategyPage() {
  return <PlaceholderPage i18nKey="modules.strategy" />;
}
