import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** The implementation tab of a mission: filled by its own issue. */
export default function MissionImplementationTab() {
  return <PlaceholderPage i18nKey="implementation" section />;
}
