/** Realistic Dutch notes per task, plus the hostile ones the UI must show as plain text. */

export const NOTES_BY_TASK: Record<string, readonly string[]> = {
  Advies: [
    'Adviesgesprek voorbereid',
    'Memo opgesteld',
    'Vragen van de klant beantwoord',
    'Scenario’s doorgerekend',
  ],
  Administratie: [
    'Bankmutaties verwerkt',
    'Inkoopfacturen geboekt',
    'Grootboek afgestemd',
    'Debiteuren nagelopen',
  ],
  Jaarrekening: [
    'Balansposten gecontroleerd',
    'Toelichting bijgewerkt',
    'Voorraadwaardering',
    'Concept jaarrekening',
  ],
  Belastingaangifte: [
    'Aangifte btw Q3',
    'Aangifte vpb voorbereid',
    'Aanslag gecontroleerd',
    'Bezwaarschrift',
  ],
  Overleg: ['Teamoverleg', 'Afstemming met klant', 'Telefonisch overleg', 'Voortgangsbespreking'],
  Reistijd: ['Reistijd Utrecht v.v.', 'Reistijd naar klant', 'Reistijd Amersfoort'],
  Opleiding: ['Webinar nieuwe btw-regels', 'PE-uren: cursus IFRS', 'Vakliteratuur bijgehouden'],
  Acquisitie: ['Offerte opgesteld', 'Kennismakingsgesprek', 'Netwerkbijeenkomst VNO-NCW'],
  'Oude werkzaamheden': ['Dossier overgedragen', 'Archief opgeschoond'],
};

export const HOSTILE_NOTES = {
  html: '<img src=x onerror=alert(1)>',
  bold: 'Controle <b>voorraadwaardering</b> & afschrijvingen',
  emoji: '☕️ Koffie met de wethouder 🎉 — planning Q1 👍🏽',
};

/** Several thousand characters, under Keeping's 10,000 limit: a report pasted into a note. */
export const LONG_NOTE = Array.from(
  { length: 40 },
  (_, index) =>
    `${index + 1}. Aangifte vennootschapsbelasting doorgenomen; verschillen tussen commerciële en fiscale ` +
    'waardering van de vaste activa toegelicht en vastgelegd in het dossier.',
).join('\n');
