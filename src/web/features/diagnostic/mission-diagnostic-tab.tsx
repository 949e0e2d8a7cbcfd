import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMissionOutlet } from '../../lib/mission-outlet.ts';
import { reportUrl } from './api.ts';
import { InterviewCapture } from './interview-capture.tsx';
import { InterviewsPanel } from './interviews-panel.tsx';
import { MissionGuideChoice } from './mission-guide.tsx';
import { ResultsPanel } from './results-panel.tsx';
import { SwotPanel } from './swot-panel.tsx';

const VIEWS = ['interviews', 'results', 'swot'] as const;
type View = (typeof VIEWS)[number];

/**
 * The diagnostic of a mission: interviews (and the capture screen), results with the radar, SWOT with the
 * territory's specificities, and the report. The view lives in the address (?view=…&interview=…), so a page can
 * be bookmarked, reloaded or sent.
 */
export default function MissionDiagnosticTab() {
  const { t } = useTranslation();
  const mission = useMissionOutlet();
  const [params, setParams] = useSearchParams();
  const interviewId = params.get('interview');
  const view: View = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'interviews';
  const go = (next: { view?: View; interview?: string | null }) => {
    const search = new URLSearchParams();
    search.set('view', next.view ?? view);
    if (next.interview) search.set('interview', next.interview);
    setParams(search);
  };

  if (interviewId) {
    return (
      <InterviewCapture
        missionId={mission.id}
        interviewId={interviewId}
        onBack={() => go({ view: 'interviews', interview: null })}
      />
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('diagnostic.views.label')}
          value={view}
          onChange={(value) => go({ view: value as View })}
          data={VIEWS.map((v) => ({ value: v, label: t(`diagnostic.views.${v}`) }))}
        />
        <Group gap="xs">
          <Button component="a" href={reportUrl(mission.id, 'pdf')} download variant="light">
            {t('diagnostic.report.pdf')}
          </Button>
          <Button component="a" href={reportUrl(mission.id, 'xlsx')} download variant="default">
            {t('diagnostic.report.xlsx')}
          </Button>
        </Group>
      </Group>
      {view === 'interviews' ? <MissionGuideChoice missionId={mission.id} /> : null}
      {view === 'interviews' ? (
        <InterviewsPanel mission={mission} onOpen={(id) => go({ view: 'interviews', interview: id })} />
      ) : null}
      {view === 'results' ? <ResultsPanel mission={mission} /> : null}
      {view === 'swot' ? <SwotPanel mission={mission} /> : null}
    </Stack>
  );
}
