import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InterestPoll } from '../../../domain/mutualisation/api.ts';
import { formatDate } from '../../../domain/shared/format.ts';
import { request } from '../../lib/api.ts';
import { FRAME_ENDPOINTS, useMe } from '../../lib/session.ts';
import { useLanguage } from '../../lib/use-language.ts';

/** The polls of the signed-in commune, called without the mutualisation's contract (off the first page's bytes). */
function useMyPollsInFrame(enabled: boolean) {
  const { method, path, key } = FRAME_ENDPOINTS.myPolls;
  return useQuery({ queryKey: key, queryFn: () => request<InterestPoll[]>(method, path), enabled });
}

/** The answer form of one poll: the polls tab, opened on it. */
export const pollAnswerLink = (pollId: string) => `/needs?tab=polls&poll=${encodeURIComponent(pollId)}`;

/**
 * The interest polls the signed-in commune editor is asked and has not answered, while open (issue 10): the bell
 * lists them and the « Besoins & mutualisation » entry counts them, until answered.
 */
export function usePollsToAnswer(): InterestPoll[] {
  const me = useMe();
  const editor = me.data?.capabilities.answerPolls ?? false;
  const polls = useMyPollsInFrame(editor);
  if (!editor) return [];
  return (polls.data ?? []).filter((p) => !p.closed && !p.answers[0]?.answer);
}

/** The polls to answer, each a link to its answer form, for the bell. */
export function PollNotices({ polls, onNavigate }: { polls: InterestPoll[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (polls.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('needs.polls.toAnswerTitle', { count: polls.length })}
      </Text>
      {polls.map((poll) => (
        <Text key={poll.id} size="sm">
          <Anchor underline="always" component={Link} to={pollAnswerLink(poll.id)} onClick={onNavigate}>
            {t('needs.polls.toAnswer', { label: poll.groupLabel })}
          </Anchor>{' '}
          — {t('needs.polls.deadline', { date: formatDate(poll.deadline, language) })}
        </Text>
      ))}
    </Stack>
  );
}
