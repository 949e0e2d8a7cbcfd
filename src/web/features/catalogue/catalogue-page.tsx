import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** Placeholder until the catalogue module is built: says what it will do. */
export function CataloguePage() {
  return <PlaceholderPage i18nKey="modules.catalogue" />;
}
