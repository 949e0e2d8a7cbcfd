import '@mantine/notifications/styles.layer.css';
import { Notifications } from '@mantine/notifications';

/**
 * The corner where notices appear, loaded with the first notice (providers.tsx): most first visits show none, and
 * the container with its animations is ~6 kB of the first load (decision 105).
 */
export default function NotificationsContainer() {
  // Bottom left, over the empty end of the navigation: they never cover the header or a page's actions.
  return <Notifications position="bottom-left" containerWidth={340} autoClose={4000} />;
}
