import { describe, expect, it } from 'vitest';
import { buildReport } from './breakdown';
import { csvDay, csvPermille, reportCsv } from './report-csv';

const text = {
  period: 'Periode',
  headers: {
    level: 'Niveau',
    clientId: 'Klant-id',
    projectId: 'Project-id',
    leafId: 'Taak-id',
    name: 'Naam',
    worked: 'Gewerkt',
    direct: 'Direct',
    indirect: 'Indirect',
    billed: 'Gefactureerd',
    unbilled: 'Niet gefactureerd',
    billedShare: '% gefactureerd',
    revenue: 'Omzet',
    unbilledValue: 'Waarde niet gefactureerd',
    noRate: 'Zonder tarief',
    unknownRevenue: 'Omzet onbekend',
  },
  total: 'Totaal',
  levels: { client: 'Klant', project: 'Project', task: 'Taak', user: 'Medewerker' },
};

describe('reportCsv', () => {
  it('writes the period as dd-mm-jjjj, rows in order with ids, decimal commas and a total', () => {
    const range = { from: '2026-05-01', to: '2026-05-31' };
    const report = buildReport(
      [
        {
          id: 1,
          date: '2026-05-04',
          clientId: 3,
          projectId: 4,
          taskId: null,
          userId: 1,
          minutes: 90,
          direct: true,
          billing: null,
        },
        {
          id: 2,
          date: '2026-05-05',
          clientId: 3,
          projectId: 4,
          taskId: null,
          userId: 1,
          minutes: 30,
          direct: true,
          billing: { source: 'local_link', invoice: 'F1', revenueCents: 5050, billedMinutes: 30 },
        },
      ],
      range,
      { today: '2026-05-31', rates: { rules: new Map(), defaultRateCents: 10_000, defaultItemCode: 'U' } },
    );
    const csv = reportCsv(range, report.rows, report.totals, (row) => `R${row.level}`, text);
    const lines = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Periode;01-05-2026;31-05-2026');
    expect(lines[2]).toBe('Klant;3;;;Rclient;2,00;2,00;0,00;0,50;1,50;25,0;50,50;150,00;0,00;0,00');
    expect(lines[4]).toBe('Taak;3;4;;Rtask;2,00;2,00;0,00;0,50;1,50;25,0;50,50;150,00;0,00;0,00');
    expect(lines[5]).toBe('Totaal;;;;;2,00;2,00;0,00;0,50;1,50;25,0;50,50;150,00;0,00;0,00');
  });

  it('formats days and permille', () => {
    expect(csvDay('2026-12-31')).toBe('31-12-2026');
    expect(csvPermille(875)).toBe('87,5');
    expect(csvPermille(null)).toBe('');
  });
});
