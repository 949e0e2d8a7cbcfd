import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommuneDetail } from '../../../domain/communes/commune.ts';
import { paths } from '../../app/paths.ts';
import { Fact } from '../../components/fact.tsx';
import { ProfileFormModal } from './commune-forms.tsx';

/** How the commune presents itself; editable where the server grants `editProfile`. */
export function CommuneProfile({ commune }: { commune: CommuneDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { description, website, contactEmail } = commune.profile;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="profile-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="profile-heading">
          {t('communes.profile')}
        </Title>
        {commune.permissions.editProfile ? (
          <Button variant="outline" onClick={() => setEditing(true)}>
            {t('communes.editProfile')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        <Text
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="commune-description"
          c={description ? undefined : 'dimmed'}
        >
          {description ?? t('communes.noDescription')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} m={0}>
          <Fact bold label={t('communes.website')}>
            {website ? (
              <Anchor href={website} target="_blank" rel="noopener noreferrer">
                {website}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact bold label={t('communes.contactEmail')}>
            {contactEmail ? <Anchor href={`mailto:${contactEmail}`}>{contactEmail}</Anchor> : '—'}
          </Fact>
          <Fact bold label={t('communes.publicProgress')}>
            <Anchor component={Link} to={paths.programme.to(commune.nisCode)}>
              {t('communes.publicProgressLink')}
            </Anchor>
          </Fact>
        </SimpleGrid>
      </Stack>
      {editing ? <ProfileFormModal commune={commune} opened onClose={() => setEditing(false)} /> : null}
    </Paper>
  );
}
