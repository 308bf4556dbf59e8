/**
 * Plural forms through Intl.PluralRules: each category (one, few, many, ...) is
 * its own message, so translators of Russian, Polish or Arabic can word every form.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string };

const rules = new Map<string, Intl.PluralRules>();

export function plural(n: number, locale: string, forms: PluralForms): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  // An exact zero reads best as its own sentence in every language ("no groups").
  const category = n === 0 && forms.zero ? 'zero' : r.select(n);
  return (forms[category] ?? forms.other)();
}
