import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** Placeholder until the implementation module is built: says what it will do. */
export function ImplementationPage() {
  return <PlaceholderPage i18nKey="modules.implementation" />;
}
