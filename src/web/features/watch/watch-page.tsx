import { PlaceholderPage } from '../../components/placeholder-page.tsx';

/** Placeholder until the watch module is built: says what it will do. */
export function WatchPage() {
  return <PlaceholderPage i18nKey="modules.watch" />;
}
