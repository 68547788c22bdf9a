/** Error texts in Keeping's two languages. Clients must never parse them; they are for display. */
export type Lang = 'nl' | 'en';

const MESSAGES = {
  unauthenticated: { en: 'Unauthenticated.', nl: 'Niet geauthenticeerd.' },
  token_expired: { en: 'The access token has expired.', nl: 'Het toegangstoken is verlopen.' },
  not_member: {
    en: 'You do not have access to this organisation.',
    nl: 'Je hebt geen toegang tot deze organisatie.',
  },
  missing_scope: {
    en: 'The access token does not have the required scope.',
    nl: 'Het toegangstoken heeft niet de benodigde rechten.',
  },
  forbidden: { en: 'This action is unauthorized.', nl: 'Je bent niet bevoegd om deze actie uit te voeren.' },
  feature_disabled: { en: 'This feature is disabled.', nl: 'Deze functie staat uit.' },
  plan: { en: 'Your plan does not include this feature.', nl: 'Je abonnement bevat deze functie niet.' },
  locked: {
    en: 'This time entry is locked and cannot be changed.',
    nl: 'Deze registratie is vergrendeld en kan niet worden gewijzigd.',
  },
  not_found: { en: 'Not found.', nl: 'Niet gevonden.' },
  method_not_allowed: { en: 'Method not allowed.', nl: 'Deze methode is niet toegestaan.' },
  validation: { en: 'The given data was invalid.', nl: 'De opgegeven gegevens zijn ongeldig.' },
  bad_request: { en: 'The request could not be read.', nl: 'Het verzoek kon niet worden gelezen.' },
  rate_limited: {
    en: 'Too many requests. Try again later.',
    nl: 'Te veel verzoeken. Probeer het later opnieuw.',
  },
  server_error: { en: 'Oops… something went wrong.', nl: 'Oeps… er ging iets mis.' },
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

const FIELD_MESSAGES = {
  required: { en: 'This field is required.', nl: 'Dit veld is verplicht.' },
  invalid: { en: 'This value is invalid.', nl: 'Deze waarde is ongeldig.' },
  too_long: { en: 'This value is too long.', nl: 'Deze waarde is te lang.' },
  too_many: { en: 'Too many items.', nl: 'Te veel items.' },
  immutable: { en: 'This value cannot be changed.', nl: 'Deze waarde kan niet worden gewijzigd.' },
  not_assigned: {
    en: 'This task is not assigned to the project.',
    nl: 'Deze taak hoort niet bij het project.',
  },
  range: { en: 'The period may span at most 366 days.', nl: 'De periode mag maximaal 366 dagen beslaan.' },
  order: {
    en: 'The end date must not be before the start date.',
    nl: 'De einddatum mag niet voor de begindatum liggen.',
  },
  needs_times: {
    en: 'A start and end time are required for a future date.',
    nl: 'Voor een datum in de toekomst zijn begin- en eindtijd verplicht.',
  },
  future_start: {
    en: 'A running entry must start in the past.',
    nl: 'Een lopende registratie moet in het verleden starten.',
  },
  not_ongoing: { en: 'This time entry is not running.', nl: 'Deze registratie loopt niet.' },
  not_writable: {
    en: 'Only references of type generic_work_reference can be written.',
    nl: 'Alleen referenties van het type generic_work_reference kunnen worden geschreven.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type FieldProblem = keyof typeof FIELD_MESSAGES;

export function message(key: MessageKey, lang: Lang): string {
  return MESSAGES[key][lang];
}

export function fieldMessage(problem: FieldProblem, lang: Lang): string {
  return FIELD_MESSAGES[problem][lang];
}

/** Keeping takes one language, no q-weights; anything else falls back to the account's language. */
export function pickLang(header: string | undefined, fallback: Lang): Lang {
  const code = header?.trim().slice(0, 2).toLowerCase();
  return code === 'nl' || code === 'en' ? code : fallback;
}
