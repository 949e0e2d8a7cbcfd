import { Button, FileInput, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMAGE_LIMITS, type ImageKind, MAX_SCREENSHOTS } from '../../../domain/catalogue/images.ts';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notify } from '../../lib/notify.ts';
import { fileToBase64, useRemoveImage, useUploadImage } from './api.ts';

const ACCEPT = 'image/png,image/jpeg,image/webp';

/** A solution's logo, small, served by the app (nothing when none was uploaded). */
export function SolutionLogo({ url, name, size = 48 }: { url: string | null; name: string; size?: number }) {
  const { t } = useTranslation();
  if (!url) return null;
  return (
    <Image
      src={url}
      alt={t('catalogue.images.logoOf', { name })}
      w={size}
      h={size}
      fit="contain"
      radius="sm"
      style={{ flex: 'none' }}
    />
  );
}

/** The screenshots; agency staff also upload a logo or a screenshot and remove them. */
export function SolutionImages({ solution }: { solution: Solution }) {
  const agency = solution.permissions.update;
  const { t } = useTranslation();
  const remove = useRemoveImage();
  if (!agency && solution.gallery.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="images-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="images-title">
          {t('catalogue.images.title')}
        </Title>
        {solution.gallery.length === 0 ? <Text c="dimmed">{t('catalogue.images.none')}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {solution.gallery.map((image, i) => (
            <Stack key={image.id} gap={4} component="figure" m={0}>
              <a href={image.url} target="_blank" rel="noreferrer">
                <Image
                  src={image.url}
                  alt={image.caption || t('catalogue.images.screenshotN', { n: i + 1, name: solution.name })}
                  radius="sm"
                  fit="contain"
                  mah={220}
                />
              </a>
              <Group justify="space-between" gap="xs" component="figcaption">
                <Text size="sm">{image.caption}</Text>
                {agency ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate({ solutionId: solution.id, imageId: image.id })}
                    aria-label={t('catalogue.images.removeN', { n: i + 1 })}
                  >
                    {t('catalogue.images.remove')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
        {agency && solution.logo ? (
          <Group gap="sm">
            <SolutionLogo url={solution.logo.url} name={solution.name} />
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => remove.mutate({ solutionId: solution.id, imageId: solution.logo!.id })}
            >
              {t('catalogue.images.removeLogo')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={remove.error} />
        {agency ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Upload solution={solution} kind="logo" />
            {solution.gallery.length < MAX_SCREENSHOTS ? <Upload solution={solution} kind="screenshot" /> : null}
          </SimpleGrid>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Upload({ solution, kind }: { solution: Solution; kind: ImageKind }) {
  const { t } = useTranslation();
  const upload = useUploadImage();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [key, setKey] = useState(0);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!file) return;
        const content = await fileToBase64(file);
        upload.mutate(
          { solutionId: solution.id, kind, content, caption },
          {
            onSuccess: () => {
              notify(t(`catalogue.images.uploaded.${kind}`));
              setFile(null);
              setCaption('');
              setKey((k) => k + 1);
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <FileInput
          key={key}
          label={t(`catalogue.images.upload.${kind}`)}
          description={t('catalogue.images.limits', {
            size: Math.round(IMAGE_LIMITS[kind] / 1024),
            max: MAX_SCREENSHOTS,
          })}
          accept={ACCEPT}
          value={file}
          onChange={setFile}
          clearable
        />
        {kind === 'screenshot' ? (
          <TextInput
            label={t('catalogue.images.caption')}
            value={caption}
            onChange={(e) => setCaption(e.currentTarget.value)}
          />
        ) : null}
        <ErrorAlert error={upload.error} />
        <Button type="submit" variant="default" disabled={!file} loading={upload.isPending}>
          {t('catalogue.images.send')}
        </Button>
      </Stack>
    </form>
  );
}
