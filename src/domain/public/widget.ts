import type { FollowUpStatus } from '../implementation/follow-up.ts';
import { formatDate } from '../shared/format.ts';
import { deName } from '../shared/french.ts';
import { type PublicProgramme, projectsOf } from './programme.ts';

/**
 * The embeddable widget (issue 14): a commune's published Smart projects as one small HTML page that its own website
 * includes in an `<iframe>`. No script at all, inline styles only, nothing from a third party; links open the full
 * programme in a new tab.
 */
const STATUS_FR: Record<FollowUpStatus, string> = {
  planned: 'Prévu',
  procurement: 'Marché public',
  'in-progress': 'En cours',
  delivered: 'Livré',
  evaluated: 'Évalué',
  suspended: 'Suspendu',
  abandoned: 'Abandonné',
};

const escapeHtml = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderWidget(programme: PublicProgramme, programmeUrl: string, agency: string): string {
  const projects = [...programme.objectives.flatMap(projectsOf), ...programme.otherProjects];
  const items = projects
    .map(
      (p) => `<li>
  <div class="row"><strong>${escapeHtml(p.title)}</strong><span class="status">${escapeHtml(STATUS_FR[p.status])}</span></div>
  <div class="bar" role="img" aria-label="Avancement : ${p.progress} %"><span style="width:${p.progress}%"></span></div>
  <div class="small">Avancement : ${p.progress} %</div>
</li>`,
    )
    .join('\n');
  const title = `Projets Smart de la commune ${deName(programme.communeName)}`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:12px;color:#1f2328;background:#fff;font-size:15px}
h1{font-size:1.1rem;margin:0 0 8px}
ul{list-style:none;margin:0;padding:0}
li{border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;margin:0 0 8px}
.row{display:flex;justify-content:space-between;gap:8px;align-items:flex-start}
.status{background:#e6f4ea;color:#14532d;border-radius:4px;padding:1px 6px;font-size:.8rem;white-space:nowrap}
.bar{background:#e5e7eb;border-radius:4px;height:8px;margin:6px 0 2px;overflow:hidden}
.bar span{display:block;height:100%;background:#0b6e4f}
.small{font-size:.8rem;color:#4b5563}
a{color:#0b5a41}
footer{font-size:.8rem;color:#4b5563;margin-top:8px}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${projects.length === 0 ? '<p>La commune n’a encore publié aucun projet.</p>' : `<ul>\n${items}\n</ul>`}
<footer>${programme.updatedAt ? `Mis à jour le ${formatDate(programme.updatedAt)} · ` : ''}<a href="${escapeHtml(programmeUrl)}" target="_blank" rel="noopener">Tout le programme</a> · Smart Rural, ${escapeHtml(agency)}</footer>
</main>
</body>
</html>
`;
}
