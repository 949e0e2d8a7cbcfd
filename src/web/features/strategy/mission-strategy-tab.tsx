import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** The strategy tab of a mission: filled by its own issue. */
export default function MissionStrategyTab() {
  return <PlaceholderPage i18nKey="strategy" section />;
}
