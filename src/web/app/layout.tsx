import {
  Anchor,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../components/loading.tsx';
import { AlertsBell } from '../features/implementation/alerts-bell.tsx';
import { PollNotices, usePollsToAnswer } from '../features/needs/poll-notices.tsx';
import { LANGUAGES, type Language, setLanguage } from '../i18n/i18n.ts';
import { notify } from '../lib/notify.ts';
import { usePublicConfig } from '../lib/public-config.ts';
import { useLogout, useMe } from '../lib/session.ts';
import { useLanguage } from '../lib/use-language.ts';
import { ADMIN_NAV, isActive, MAIN_NAV, type NavItem, ownCommuneNav, PUBLIC_NAV } from './navigation.ts';
import { paths } from './paths.ts';

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };

function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Group gap={2} wrap="nowrap" role="group" aria-label={t('layout.language')}>
      {LANGUAGES.map((code) => (
        <Button
          key={code}
          size="compact-sm"
          variant={code === language ? 'filled' : 'subtle'}
          aria-pressed={code === language}
          aria-label={`${code.toUpperCase()} – ${LANGUAGE_NAMES[code]}`}
          lang={code}
          onClick={() => void setLanguage(code)}
        >
          {code.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  if (me.isPending) return <Skeleton height={30} width={140} aria-hidden="true" />;
  if (!me.data) {
    if (location.pathname === paths.login.pattern) return null;
    return (
      <Button
        component={Link}
        to={paths.login.to(location.pathname + location.search)}
        variant="outline"
        size="compact-md"
        style={{ flex: 'none' }}
      >
        {t('auth.signIn')}
      </Button>
    );
  }
  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        notify(t('auth.signedOut'));
        void navigate(paths.province.to());
      },
    });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('layout.userMenu', { name: me.data.user.displayName })}
          px="sm"
          py={6}
          className="user-menu-button"
          style={{
            borderRadius: 4,
            border: '1px solid var(--mantine-color-gray-4)',
            display: 'flex',
            whiteSpace: 'nowrap',
          }}
          data-testid="user-menu"
        >
          <Text fw={600} size="sm" component="span" truncate="end">
            {me.data.user.displayName}
          </Text>
          <Text component="span" size="sm" aria-hidden="true" style={{ flex: 'none' }}>
            {'\u00a0▾'}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.data.user.email}</Menu.Label>
        <Menu.Item component={Link} to={paths.account.to()}>
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item onClick={signOut}>{t('auth.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function NavEntry({
  item,
  onNavigate,
  ownCommune,
  count,
}: {
  item: NavItem;
  onNavigate: () => void;
  ownCommune?: NavItem | null;
  /** things waiting for the user in that area (the polls to answer) */
  count?: number;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const active = isActive(item, pathname, ownCommune);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label, item.labelParams)}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      rightSection={
        count ? (
          <>
            <Badge color="red.9" size="sm" circle aria-hidden="true">
              {count}
            </Badge>
            <VisuallyHidden>{t('layout.toAnswer', { count })}</VisuallyHidden>
          </>
        ) : null
      }
    />
  );
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const capabilities = me.data?.capabilities;
  const admin = ADMIN_NAV.filter((item) => item.capability && capabilities?.[item.capability]);
  const ownCommune = ownCommuneNav(me.data?.user);
  // The polls a commune editor has to answer are counted on the area where they answer them.
  const polls = usePollsToAnswer();
  // Signed out, the menu holds only the public pages (issue 14); « Se connecter » stays in the header.
  const main = me.data ? (ownCommune ? [ownCommune, ...MAIN_NAV] : MAIN_NAV) : me.isPending ? [] : PUBLIC_NAV;
  return (
    <Stack gap={4}>
      <ul className="nav-list">
        {main.map((item) => (
          <li key={item.key}>
            <NavEntry
              item={item}
              onNavigate={onNavigate}
              ownCommune={ownCommune}
              count={item.key === 'needs' ? polls.length : 0}
            />
          </li>
        ))}
      </ul>
      {admin.length > 0 ? (
        <section aria-labelledby="nav-admin-heading">
          <Text id="nav-admin-heading" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mt="md" mb={4}>
            {t('nav.administration')}
          </Text>
          <ul className="nav-list">
            {admin.map((item) => (
              <li key={item.key}>
                <NavEntry item={item} onNavigate={onNavigate} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Stack>
  );
}

/** Moves the keyboard focus to the page's content after each navigation, as a page load would. */
function useFocusMainOnNavigation(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new page address, on purpose
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, main]);
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(main);

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('layout.closeMenu') : t('layout.openMenu')}
              />
              <Anchor
                component={Link}
                to={paths.province.to()}
                underline="never"
                c="rural.9"
                fw={750}
                fz={{ base: 'lg', sm: 'xl' }}
                style={{ whiteSpace: 'nowrap' }}
              >
                Smart Rural
              </Anchor>
              <AgencyName />
            </Group>
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Box visibleFrom="sm">
                <LanguageSwitch />
              </Box>
              <Bell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <AppShell.Section grow component={ScrollArea}>
            <Navigation onNavigate={close} />
          </AppShell.Section>
          {/* On a phone the header has no room for the language: it is here, under the menu. */}
          <AppShell.Section hiddenFrom="sm" pt="sm">
            <LanguageSwitch />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" ref={main} tabIndex={-1}>
          <DemoLine />
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/** The bell: follow-up alerts and the polls the commune's editor has to answer. */
function Bell() {
  const polls = usePollsToAnswer();
  return <AlertsBell more={{ count: polls.length, content: <PollNotices polls={polls} /> }} />;
}

/**
 * The frame of the pages a person reaches without an account by a link they were sent (the self-assessment): the
 * product's name, the language, and the page. No application menu, no sign-in: nothing there is theirs to open.
 */
export function BareLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main-content" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell header={{ height: 60 }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Text c="rural.9" fw={750} fz={{ base: 'lg', sm: 'xl' }} style={{ whiteSpace: 'nowrap' }}>
              Smart Rural
            </Text>
            <LanguageSwitch />
          </Group>
        </AppShell.Header>
        <AppShell.Main id="main-content" tabIndex={-1}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

/**
 * Where the header has no room for the agency's name and its badge (phones, tablets), one compact line above the
 * page says this is the demo workspace, so its missions and needs are never taken for real ones.
 */
function DemoLine() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  if (!config.data?.agency?.demo) return null;
  return (
    <Group gap={6} wrap="nowrap" mb="xs" hiddenFrom="md" data-testid="demo-line">
      <Badge color="orange" variant="light" size="xs">
        {t('layout.demo')}
      </Badge>
      <Text size="xs" c="dimmed" truncate>
        {t('layout.demoLine')}
      </Text>
    </Group>
  );
}

/** The agency running the platform, with a badge when this is the demo workspace. */
function AgencyName() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const agency = config.data?.agency;
  return (
    <Group gap="xs" wrap="nowrap" visibleFrom="md">
      <Text size="sm" c="dimmed">
        {agency?.name ?? t('layout.tagline')}
      </Text>
      {agency?.demo ? (
        <Badge color="orange" variant="light" size="sm">
          {t('layout.demo')}
        </Badge>
      ) : null}
    </Group>
  );
}
