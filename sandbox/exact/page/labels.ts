/**
 * Screen texts of the fake Exact Online, Dutch and English. The Dutch ones follow what the
 * reference quotes (Verkoopfactuur, Opslaan, Te verwerken, "Verplicht: Factuur aan"); the rest
 * are plausible Exact wording. Item and account descriptions are data and stay Dutch in both.
 */

import type { NumberLanguage } from './number-format';

const NL = {
  appTitle: 'Exact Online',
  searchPlaceholder: 'Vind relaties, facturen, boekingen, etc.',
  user: 'Demo Gebruiker',
  navSales: 'Verkoop',
  navSalesInvoices: 'Verkoopfacturen',
  navNew: 'Nieuw',
  navToProcess: 'Te verwerken',
  navDivisions: 'Administraties',
  title: 'Verkoopfactuur',
  save: 'Opslaan',
  newInvoice: 'Nieuw',
  invoiceTo: 'Factuur aan',
  invoiceDate: 'Factuurdatum',
  description: 'Omschrijving',
  invoiceNumber: 'Factuurnummer',
  status: 'Status',
  statusOpen: 'Te verwerken',
  colItem: 'Artikel',
  colDescription: 'Omschrijving',
  colQuantity: 'Aantal',
  colUnitPrice: 'Prijs',
  colVATCode: 'Btw-code',
  colAmount: 'Bedrag',
  colNotes: 'Notities',
  totalExcl: 'Totaal excl. btw',
  totalVat: 'Btw',
  totalIncl: 'Totaal incl. btw',
  lineCount: 'Aantal regels',
  unknownItem: 'Onbekend artikel',
  unknownAccount: 'Onbekende relatie',
  lookupFailed: 'Controle mislukt',
  invalidNumber: 'Ongeldig getal',
  invalidDate: 'Ongeldige datum',
  insertRow: 'Regel invoegen',
  deleteRow: 'Regel verwijderen',
  browse: 'Zoeken',
  notesTitle: 'Notities',
  ok: 'OK',
  cancel: 'Annuleren',
  wait: 'Even geduld a.u.b.',
  saved: 'Opgeslagen',
  login: 'Inloggen',
  errRequiredInvoiceTo: 'Verplicht: Factuur aan',
  errInvalidDate: 'Ongeldige factuurdatum',
  errNoLines: 'Voer minimaal één regel in',
  errRequiredItem: 'Regel {n}: Verplicht: Artikel',
  errInvalidQuantity: 'Regel {n}: Ongeldig aantal',
  errInvalidPrice: 'Regel {n}: Ongeldige prijs',
  errEntryNotFound: 'Deze boeking bestaat niet (meer).',
  errPageNotFound: 'Pagina niet gevonden.',
  errDivisionNotFound: 'U heeft geen toegang tot deze administratie.',
};

export type Labels = typeof NL;

const EN: Labels = {
  appTitle: 'Exact Online',
  searchPlaceholder: 'Find accounts, invoices, entries, etc.',
  user: 'Demo User',
  navSales: 'Sales',
  navSalesInvoices: 'Sales invoices',
  navNew: 'New',
  navToProcess: 'To be processed',
  navDivisions: 'Divisions',
  title: 'Sales invoice',
  save: 'Save',
  newInvoice: 'New',
  invoiceTo: 'Invoice to',
  invoiceDate: 'Invoice date',
  description: 'Description',
  invoiceNumber: 'Invoice number',
  status: 'Status',
  statusOpen: 'To be processed',
  colItem: 'Item',
  colDescription: 'Description',
  colQuantity: 'Quantity',
  colUnitPrice: 'Price',
  colVATCode: 'VAT code',
  colAmount: 'Amount',
  colNotes: 'Notes',
  totalExcl: 'Total excl. VAT',
  totalVat: 'VAT',
  totalIncl: 'Total incl. VAT',
  lineCount: 'Number of lines',
  unknownItem: 'Unknown item',
  unknownAccount: 'Unknown account',
  lookupFailed: 'Validation failed',
  invalidNumber: 'Invalid number',
  invalidDate: 'Invalid date',
  insertRow: 'Insert line',
  deleteRow: 'Delete line',
  browse: 'Search',
  notesTitle: 'Notes',
  ok: 'OK',
  cancel: 'Cancel',
  wait: 'Please wait',
  saved: 'Saved',
  login: 'Log in',
  errRequiredInvoiceTo: 'Required: Invoice to',
  errInvalidDate: 'Invalid invoice date',
  errNoLines: 'Enter at least one line',
  errRequiredItem: 'Line {n}: Required: Item',
  errInvalidQuantity: 'Line {n}: Invalid quantity',
  errInvalidPrice: 'Line {n}: Invalid price',
  errEntryNotFound: 'This entry does not exist (anymore).',
  errPageNotFound: 'Page not found.',
  errDivisionNotFound: 'You do not have access to this division.',
};

export function labelsFor(language: NumberLanguage): Labels {
  return language === 'en' ? EN : NL;
}

/** Fills `{name}` placeholders; values are plain text and stay so wherever they are shown. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
