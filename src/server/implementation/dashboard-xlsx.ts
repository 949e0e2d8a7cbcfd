import type { Dashboard } from '../../domain/implementation/implementation-api.ts';
import { PROCEDURE_LABELS_FR, ProcurementProcedure } from '../../domain/implementation/procurement.ts';
import { ProcurementStep, stepLabelFr } from '../../domain/implementation/procurement-file.ts';
import { loadExcelJS } from '../xlsx/exceljs.ts';
import { safeCell } from '../xlsx/safe-cell.ts';
import { addTableSheet } from '../xlsx/table-sheet.ts';
import { describeAlert } from './notices.service.ts';

const STATUS_FR: Record<string, string> = {
  planned: 'Prévu',
  procurement: 'Marché public',
  'in-progress': 'En cours',
  delivered: 'Livré',
  evaluated: 'Évalué',
  suspended: 'Suspendu',
  abandoned: 'Abandonné',
};

/** The province dashboard as a workbook: projects, communes, procurement in progress, late items. */
export async function renderDashboardXlsx(dashboard: Dashboard): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Smart Rural';
  const projects = addTableSheet(workbook, 'Projets', [
    { header: 'Commune', key: 'commune', width: 24 },
    { header: 'Projet', key: 'title', width: 40 },
    { header: 'Dimensions', key: 'dimensions', width: 24 },
    { header: 'Statut', key: 'status', width: 16 },
    { header: 'Avancement (%)', key: 'progress', width: 14 },
    { header: 'Budget prévu (€)', key: 'planned', width: 16 },
    { header: 'Engagé (€)', key: 'committed', width: 14 },
    { header: 'Dépensé (€)', key: 'spent', width: 14 },
    { header: 'Alertes', key: 'alerts', width: 10 },
    { header: 'Publié', key: 'published', width: 10 },
  ]);
  for (const p of dashboard.projects) {
    projects.addRow({
      commune: safeCell(p.communeName),
      title: safeCell(p.title),
      dimensions: safeCell(p.dimensions.join(', ')),
      status: STATUS_FR[p.status] ?? p.status,
      progress: p.progress,
      planned: p.budget.planned,
      committed: p.budget.committed,
      spent: p.budget.spent,
      alerts: p.alertCount,
      published: p.published ? 'oui' : 'non',
    });
  }
  const communes = addTableSheet(workbook, 'Communes', [
    { header: 'Code INS', key: 'nis', width: 10 },
    { header: 'Commune', key: 'name', width: 24 },
    { header: 'Arrondissement', key: 'arr', width: 18 },
    { header: 'Projets suivis', key: 'projects', width: 14 },
    { header: 'Retards et dépassements', key: 'late', width: 22 },
    { header: 'Budget prévu (€)', key: 'planned', width: 16 },
  ]);
  for (const c of dashboard.communes) {
    communes.addRow({
      nis: c.nisCode,
      name: safeCell(c.name),
      arr: safeCell(c.arrondissement),
      projects: c.projects,
      late: c.late,
      planned: c.budgetPlanned,
    });
  }
  const procurement = addTableSheet(workbook, 'Marchés en cours', [
    { header: 'Commune', key: 'commune', width: 24 },
    { header: 'Projet', key: 'title', width: 40 },
    { header: 'Procédure', key: 'procedure', width: 40 },
    { header: 'Prochaine étape', key: 'next', width: 28 },
    { header: 'Estimation HTVA (€)', key: 'amount', width: 18 },
  ]);
  for (const p of dashboard.procurementsInProgress) {
    procurement.addRow({
      commune: safeCell(p.communeName),
      title: safeCell(p.projectTitle),
      procedure: p.procedure ? (PROCEDURE_LABELS_FR[p.procedure as ProcurementProcedure] ?? p.procedure) : '—',
      next: p.nextStep ? nextStepName(p.nextStep, p.procedure) : '—',
      amount: p.estimatedAmountExclVat,
    });
  }
  const late = addTableSheet(workbook, 'Alertes', [{ header: 'Alerte', key: 'text', width: 100 }]);
  for (const a of dashboard.lateItems) late.addRow({ text: safeCell(describeAlert(a)) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The next step's name on the route the file follows. */
function nextStepName(step: string, procedure: string | null): string {
  const parsed = ProcurementStep.safeParse(step);
  const route = ProcurementProcedure.safeParse(procedure);
  return parsed.success ? stepLabelFr(parsed.data, route.success ? route.data : null) : step;
}
