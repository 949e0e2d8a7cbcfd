import { belgianToday, formatDate } from '../../domain/shared/format.ts';
import { can } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import type { NoticeSource } from '../implementation/notices.service.ts';

/** Where a commune answers a poll: the polls tab, opened on that poll. */
export const pollAnswerPath = (pollId: string) => `/needs?tab=polls&poll=${encodeURIComponent(pollId)}`;

/**
 * Issue 10, defect 7: the interest polls a commune's editors are asked and have not answered, while open. The bell
 * shows them (GET /api/mutualisation/polls/mine); this source has the notices pass e-mail each one once to each
 * editor who wants notices, with the link to the answer form.
 */
export function pollNoticeSource(uow: UnitOfWork, publicUrl: string, now: () => Date): NoticeSource {
  return {
    kind: 'poll',
    async noticesFor(recipient) {
      const communeNis = recipient.communeNis;
      if (!communeNis || !can(recipient, 'update', { type: 'interest_answer', communeNis })) return [];
      const today = belgianToday(now());
      const rows = await uow.read((repos) => repos.interestPolls.pollsForCommune(communeNis));
      return rows
        .filter((r) => r.answer.answer === null && r.poll.deadline >= today)
        .map((r) => {
          const deadline = formatDate(r.poll.deadline, 'fr');
          return {
            key: `poll:${r.poll.id}`,
            subject: `Smart Rural : sondage d’intérêt « ${r.groupLabel} », réponse attendue avant le ${deadline}`,
            text:
              `Bonjour ${recipient.displayName},\n\n` +
              `L’agence demande si votre commune rejoint un achat groupé « ${r.groupLabel} » :\n` +
              `« ${r.poll.question} »\n` +
              `Unité comptée : ${r.poll.unit}. Réponse attendue avant le ${deadline}.\n\n` +
              `Répondre : ${publicUrl}${pollAnswerPath(r.poll.id)}\n`,
          };
        });
    },
  };
}
