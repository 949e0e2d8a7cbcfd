import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** The diagnostic tab of a mission: filled by its own issue. */
export default function MissionDiagnosticTab() {
  return <PlaceholderPage i18nKey="diagnostic" section />;
}
