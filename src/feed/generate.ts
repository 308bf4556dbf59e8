/**
 * Builds large, realistic, entirely invented feeds for benchmarks and tests.
 * Deterministic: the same options give a byte-identical `JSON.stringify` result,
 * so a benchmark feed can be regenerated instead of committed.
 *
 * No DOM, no Lit: runs in node too.
 */
import { civilFromDays, daysInMonth, formatLocalDate, weekdayOfDays } from '../schedule/timezone.js';
import type { AgeGroup, Audience, Feed, FeedGroup, FeedMeeting, FeedPlace, FeedText, FeedTopic, GroupStatus, LanguageTag, WeekdayCode } from './types.js';

export interface GenerateFeedOptions {
  /** How many groups the feed has (a whole number, 0 or more). */
  groups: number;
  /** PRNG seed; defaults to 1. */
  seed?: number;
  /**
   * The feed's `language`; defaults to `de`. The texts are German either way: for
   * any other language they are written as `{ de: ... }` so nothing is mislabelled.
   */
  language?: LanguageTag;
}

// Areas: id|de|en|ar|tr|ru|uk|pl|fa. Topics, indented beneath: id|de|en|synonyms.
const TAXONOMY = `
chronische-erkrankungen|Chronische Erkrankungen|Chronic illness|الأمراض المزمنة|Kronik hastalıklar|Хронические заболевания|Хронічні захворювання|Choroby przewlekłe|بیماری‌های مزمن
  diabetes|Diabetes|Diabetes|Zucker,Insulin,Typ 1,Typ 2
  krebs|Krebs|Cancer|Tumor,Brustkrebs,Chemotherapie,Onkologie
  rheuma|Rheuma|Rheumatic diseases|Arthritis,Arthrose,Fibromyalgie
  multiple-sklerose|Multiple Sklerose|Multiple sclerosis|MS,Schub
  long-covid|Long Covid|Long COVID|Post Covid,ME/CFS,Fatigue
  parkinson|Parkinson|Parkinson's disease|Morbus Parkinson,Zittern
  herz|Herzerkrankungen|Heart disease|Herzinfarkt,Herzschwäche,Defibrillator
psychische-gesundheit|Psychische Gesundheit|Mental health|الصحة النفسية|Ruh sağlığı|Психическое здоровье|Психічне здоров'я|Zdrowie psychiczne|سلامت روان
  angst-depression|Angst und Depression|Anxiety and depression|Depression,Panik,Angststörung,Burnout
  essstoerungen|Essstörungen|Eating disorders|Magersucht,Bulimie,Binge Eating
  trauer|Trauer|Grief|Verlust,Todesfall,Witwe,Witwer
  trauma|Trauma|Trauma|PTBS,Gewalt,Krieg,Flucht
  bipolare-stoerung|Bipolare Störung|Bipolar disorder|manisch-depressiv,Manie
  zwang|Zwangserkrankungen|Obsessive-compulsive disorder|Zwangsstörung,Zwangsgedanken,OCD
behinderung|Behinderung|Disability|الإعاقة|Engellilik|Инвалидность|Інвалідність|Niepełnosprawność|معلولیت
  sehbehinderung|Sehbehinderung|Visual impairment|blind,Makuladegeneration,Glaukom
  hoerbehinderung|Hörbehinderung|Hearing impairment|schwerhörig,Tinnitus,Cochlea-Implantat
  autismus|Autismus|Autism|Asperger,Autismus-Spektrum
  koerperbehinderung|Körperbehinderung|Physical disability|Rollstuhl,Amputation,Querschnittlähmung
sucht|Sucht|Addiction|الإدمان|Bağımlılık|Зависимость|Залежність|Uzależnienia|اعتیاد
  alkohol|Alkohol|Alcohol|Alkoholismus,Abstinenz,trocken,AA
  medikamente|Medikamente|Prescription drugs|Schlafmittel,Beruhigungsmittel,Schmerzmittel
  gluecksspiel|Glücksspiel|Gambling|Spielsucht,Sportwetten,Automaten
  drogen|Drogen|Drugs|Cannabis,Kokain,Opiate,Substitution
  mediensucht|Medien- und Onlinesucht|Internet and gaming addiction|Gaming,Handy,Social Media
  rauchen|Rauchen|Smoking|Nikotin,Nichtraucher,Zigaretten
eltern-kind-familie|Eltern, Kind und Familie|Parents, children and family|الوالدان والطفل والأسرة|Ebeveyn, çocuk ve aile|Родители, дети и семья|Батьки, діти й родина|Rodzice, dzieci i rodzina|والدین، کودک و خانواده
  elternschaft|Elternsein und Erziehung|Parenting|Erziehung,Mütter,Väter,Baby
  alleinerziehende|Alleinerziehende|Single parents|alleinerziehend,Einelternfamilie
  fruehgeborene|Frühgeborene|Premature babies|Frühchen,Frühgeburt
  trennung-scheidung|Trennung und Scheidung|Separation and divorce|Scheidung,Umgang,Sorgerecht
  adhs|ADHS|ADHD|ADS,Hyperaktivität
  verwaiste-eltern|Verwaiste Eltern|Bereaved parents|Sternenkinder,Fehlgeburt
aeltere-menschen|Ältere Menschen|Older people|كبار السن|Yaşlılar|Пожилые люди|Літні люди|Osoby starsze|سالمندان
  pflegende-angehoerige|Pflegende Angehörige|Family carers|Pflege,Pflegegrad,Entlastung
  demenz|Demenz|Dementia|Alzheimer,Vergesslichkeit
  einsamkeit-im-alter|Einsamkeit im Alter|Loneliness in old age|Einsamkeit,Kontakte,Senioren
  ruhestand|Ruhestand|Retirement|Rente,Renteneintritt
besondere-soziale-situationen|Besondere soziale Situationen|Difficult social situations|ظروف اجتماعية خاصة|Özel sosyal durumlar|Особые жизненные ситуации|Особливі життєві ситуації|Szczególne sytuacje życiowe|شرایط اجتماعی خاص
  arbeitslosigkeit|Arbeitslosigkeit|Unemployment|arbeitslos,Bürgergeld,Jobcenter
  migration-flucht|Migration und Flucht|Migration and displacement|Geflüchtete,Integration,Asyl
  gewalt|Gewalterfahrungen|Experiences of violence|häusliche Gewalt,Missbrauch,Mobbing
  lsbtiq|Queeres Leben|LGBTIQ+|lesbisch,schwul,trans,Coming-out
  ueberschuldung|Überschuldung|Debt|Schulden,Insolvenz
`;
const AREA_LANGS = ['en', 'ar', 'tr', 'ru', 'uk', 'pl', 'fa'] as const;
// Share of groups per area, in TAXONOMY order.
const AREA_WEIGHTS = [22, 22, 10, 15, 14, 9, 8];

// "Self-help group" in the languages groups meet in, for their translated names.
const SHG_WORD: Record<string, string> = {
  en: 'Self-help group', ar: 'مجموعة المساعدة الذاتية', tr: 'Kendi kendine yardım grubu', ru: 'Группа самопомощи',
  uk: 'Група самодопомоги', pl: 'Grupa samopomocy', fa: 'گروه خودیاری',
};
const OTHER_LANGS: [LanguageTag, number][] = [['tr', 25], ['ar', 22], ['ru', 18], ['uk', 12], ['pl', 10], ['en', 8], ['fa', 5]];

const words = (s: string) => s.split('|');
const TOWN_HEADS = words('Linden|Eichen|Birken|Buchen|Ahorn|Erlen|Wiesen|Berg|Brunnen|Mühl|Stein|Rosen|Sonnen|Hasel|Kirch|Feld|Wald|Bach|Hohen|Neu|Alt|Ober|Nieder|Kloster|Tannen|Fichten|Weiden|Quell|Burg|Hagen|Falken|Lerchen|Auen|Schön|Rot|Weiß|Grün|Hirsch|Wolfs|Mark');
const TOWN_TAILS = words('au|feld|dorf|hausen|bach|berg|burg|stadt|heim|ingen|hagen|rode|tal|brück|furt|walde|see|bühl|stedt|beck');
const TOWN_FORMS = words('%|Bad %|% am See|% an der Aue|% im Tal|Neu-%|% (Oberland)|% (Niederung)');
const DISTRICTS = words('Altstadt|Nordviertel|Südstadt|Weststadt|Oststadt|Am Hafen|Oberdorf|Neustadt|Bahnhofsviertel|Gartenstadt|Am Markt|Unterdorf');
const STREETS = words('Lindenallee|Am Mühlbach|Kirchplatz|Birkenweg|Schillerplatz|Marktstraße|Ahornring|Ulmenweg|Dorfstraße|Am Anger|Hafenstraße|Gartenweg|Schulstraße|Rosenstraße|Parkstraße|Bahnhofstraße|Lerchenstraße|Am Brunnen|Wiesengrund|Klinikstraße');
const PLACE_KINDS = words('Bürgerhaus|Stadtteilzentrum|Gemeindehaus|Familienzentrum|Mehrgenerationenhaus|Volkshochschule|Selbsthilfekontaktstelle|Klinikum, Seminarraum|Seniorentreff|Jugendhaus|Begegnungsstätte|Gesundheitsamt');
const ACCESS_NOTES = words('Aufzug vorhanden|3 Stufen am Eingang|Rampe am Seiteneingang|Gruppenraum im 1. Stock, kein Aufzug|Eingang über den Hof|Barrierefreies WC im Erdgeschoss|Parkplätze direkt vor dem Haus');
const FIRST_NAMES = words('Anna|Birgit|Jonas|Klaus|Lea|Mika|Peter|Samira|Ursula|Tobias|Ayşe|Marek|Olena|Robin|Sabine|Hans|Fatma|Irina|Karim|Monika|Jana|Uwe|Leyla|Dirk');
const FORMATS = words('Selbsthilfegruppe %T %P|Gesprächskreis %T %P|%T – Treff %P|%T: Selbsthilfe %P|Treffpunkt %T %P|%T – Austausch in %P');

// Description sentences, German and English side by side ({T} topic, {P} town).
const INTRO = [
  ['Wir sind eine Selbsthilfegruppe rund um das Thema {T} in {P}.', 'We are a self-help group on {T} in {P}.'],
  ['In unserer Gruppe treffen sich Menschen aus {P} und Umgebung, für die das Thema {T} zum Alltag gehört.', 'Our group brings together people from {P} and the surrounding area for whom {T} is part of everyday life.'],
  ['Hier finden Sie Menschen in {P}, die das Thema {T} aus eigener Erfahrung kennen.', 'Here you will find people in {P} who know {T} from their own experience.'],
];
const AUDIENCE_SENTENCE: Record<string, [string, string]> = {
  affected: ['Wir sind selbst betroffen und wissen, wie viel Kraft der Alltag manchmal kostet.', 'We are affected ourselves and know how much strength everyday life can take.'],
  relatives: ['Bei uns treffen sich Angehörige: Partnerinnen und Partner, Eltern, Kinder und Freunde.', 'We are relatives: partners, parents, children and friends.'],
  both: ['Betroffene und Angehörige sind gleichermaßen willkommen.', 'People affected and their relatives are equally welcome.'],
};
const MIDDLE = [
  ['Wir tauschen Erfahrungen aus, geben uns Tipps und hören einander zu.', 'We share experiences, give each other tips and listen to one another.'],
  ['Was in der Gruppe gesagt wird, bleibt in der Gruppe.', 'What is said in the group stays in the group.'],
  ['Manchmal laden wir Fachleute ein, meistens reden wir einfach miteinander.', 'Sometimes we invite experts; mostly we simply talk.'],
  ['Neue sind jederzeit willkommen, eine Anmeldung ist nicht nötig.', 'Newcomers are always welcome; no need to register.'],
  ['Kaffee und Tee stehen bereit.', 'Coffee and tea are provided.'],
  ['Wir lachen auch viel – das gehört dazu.', 'We also laugh a lot – that is part of it.'],
  ['Im Sommer unternehmen wir gemeinsame Ausflüge.', 'In summer we go on outings together.'],
];
const STATUS_SENTENCE: Partial<Record<GroupStatus, [string, string]>> = {
  founding: ['Die Gruppe ist in Gründung und sucht noch Mitstreiterinnen und Mitstreiter.', 'The group is just starting and is looking for members.'],
  paused: ['Die Gruppe macht zurzeit eine Pause; die Kontaktstelle sagt Ihnen, wann es weitergeht.', 'The group is taking a break; the office will tell you when it resumes.'],
  closed: ['Die Gruppe ist zurzeit voll und nimmt keine neuen Mitglieder auf.', 'The group is currently full and not taking new members.'],
};

const DAY_NAMES = words('Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag');
const CODES: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_MS = 86_400_000;
const FIRST_START = Date.UTC(2026, 0, 5) / DAY_MS;
const FOUNDING_START = Date.UTC(2026, 3, 1) / DAY_MS;
const FIRST_UPDATE = Date.UTC(2025, 5, 1) / DAY_MS;
const CHRISTMAS = Date.UTC(2026, 11, 21) / DAY_MS;

interface Area { id: string; names: Record<string, string>; topics: TopicSpec[] }
interface TopicSpec { id: string; de: string; en: string; synonyms: string[]; area: Area }
interface Town { name: string; slug: string; lat: number; lon: number; postal: number; districts: string[] }
interface RuleSpec { freq: 'WEEKLY' | 'MONTHLY'; interval: number; days: { day: number; ordinal?: number }[]; monthDay?: number }

const AREAS: Area[] = [];
const AREA_TABLE = AREA_WEIGHTS.map((w, a): [number, number] => [a, w]);
for (const line of TAXONOMY.split('\n')) {
  if (!line.trim()) continue;
  const f = line.trim().split('|');
  if (line.startsWith(' ')) {
    const area = AREAS[AREAS.length - 1]!;
    area.topics.push({ id: f[0]!, de: f[1]!, en: f[2]!, synonyms: f[3]!.split(','), area });
  } else {
    const names: Record<string, string> = { de: f[1]! };
    AREA_LANGS.forEach((l, i) => (names[l] = f[i + 2]!));
    AREAS.push({ id: f[0]!, names, topics: [] });
  }
}

/** mulberry32: tiny, fast, and good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slugify(s: string): string {
  return s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (days: number) => formatLocalDate(civilFromDays(days));
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
// "Anxiety and depression" → "anxiety and depression", but "ADHD" and "Parkinson's disease" stay.
const midSentence = (s: string) => (/^[A-Z][a-z]/.test(s) && !s.includes("'") ? s[0]!.toLowerCase() + s.slice(1) : s);

function occursOn(day: number, rule: RuleSpec, startDay: number): boolean {
  const wd = weekdayOfDays(day);
  if (rule.freq === 'WEEKLY') {
    return rule.days.some((d) => d.day === wd) && Math.floor((day - startDay) / 7) % rule.interval === 0;
  }
  const { year, month, day: dom } = civilFromDays(day);
  if (rule.monthDay !== undefined) return dom === rule.monthDay;
  const dim = daysInMonth(year, month);
  return rule.days.some((d) => d.day === wd && (d.ordinal! > 0 ? Math.ceil(dom / 7) === d.ordinal : Math.ceil((dim - dom + 1) / 7) === -d.ordinal!));
}

function firstOn(from: number, rule: RuleSpec, startDay: number): number {
  let day = from;
  while (!occursOn(day, rule, startDay)) day++;
  return day;
}

function formatRule(rule: RuleSpec): string {
  const byDay = rule.days.map((d) => `${d.ordinal ?? ''}${CODES[d.day]}`).join(',');
  return `FREQ=${rule.freq}${rule.interval > 1 ? `;INTERVAL=${rule.interval}` : ''}${rule.monthDay ? `;BYMONTHDAY=${rule.monthDay}` : `;BYDAY=${byDay}`}`;
}

/** The office's own wording of a rule, as a German office would write it. */
function ruleWords(rule: RuleSpec): string {
  if (rule.monthDay) return `am ${rule.monthDay}. jedes Monats`;
  const day = DAY_NAMES[rule.days[0]!.day]!;
  if (rule.freq === 'WEEKLY') return rule.interval === 2 ? `jeden zweiten ${day}` : `jeden ${day}`;
  if (rule.days.length === 2) return `am ${rule.days[0]!.ordinal}. und ${rule.days[1]!.ordinal}. ${day} im Monat`;
  const ord = rule.days[0]!.ordinal!;
  return ord < 0 ? `am letzten ${day} im Monat` : `jeden ${ord}. ${day} im Monat`;
}

/** A feed of `groups` invented groups; see `GenerateFeedOptions`. */
export function generateFeed(options: GenerateFeedOptions): Feed {
  const count = options.groups;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`groups must be a whole number of 0 or more, not ${count}`);
  const language = options.language ?? 'de';
  const random = prng(options.seed ?? 1);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => random() < p;
  const weighted = <T>(table: readonly [T, number][]): T => {
    let r = random() * table.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1]![0];
  };
  // German text as the feed's language allows; translations make it an object.
  const text = (de: string, more?: Record<string, string>): FeedText =>
    more || language !== 'de' ? { de, ...more } : de;

  const topics: FeedTopic[] = [];
  for (const area of AREAS) {
    topics.push({ id: area.id, name: { ...area.names } });
    for (const t of area.topics) {
      topics.push({ id: t.id, name: { de: t.de, en: t.en }, parent: area.id, synonyms: language === 'de' ? t.synonyms : { de: t.synonyms } });
    }
  }

  const placeCount = Math.ceil(count / 4);
  const towns: Town[] = [];
  const townNames = new Set<string>();
  const townCount = Math.ceil(placeCount / 8);
  while (towns.length < townCount) {
    let name = '';
    for (let tries = 0; tries < 10 && (!name || townNames.has(name)); tries++) name = pick(TOWN_FORMS).replace('%', pick(TOWN_HEADS) + pick(TOWN_TAILS));
    if (townNames.has(name)) name = `${name} ${towns.length}`; // only past a few thousand towns
    townNames.add(name);
    const districts = Array.from({ length: 1 + int(4) }, () => pick(DISTRICTS)).filter((d, i, all) => all.indexOf(d) === i);
    towns.push({ name, slug: slugify(name), lat: 47.4 + random() * 7.4, lon: 6.0 + random() * 8.9, postal: 1000 + int(98000), districts });
  }

  const places: FeedPlace[] = [];
  const placeTown: Town[] = [];
  for (let i = 0; i < placeCount; i++) {
    const town = towns[i % townCount]!;
    const kind = pick(PLACE_KINDS);
    const districtIndex = int(town.districts.length);
    const wheelchair = weighted<boolean | undefined>([[true, 6], [false, 3], [undefined, 1]]);
    const accessibility: FeedPlace['accessibility'] = {};
    if (wheelchair !== undefined) accessibility.wheelchair = wheelchair;
    if (wheelchair) accessibility.accessibleToilet = chance(0.7);
    if (chance(0.15)) accessibility.hearingLoop = true;
    if (chance(0.4)) accessibility.notes = text(pick(ACCESS_NOTES));
    places.push({
      id: `${town.slug}-${slugify(kind)}-${i.toString(36)}`,
      name: text(`${kind} ${town.districts[districtIndex]}`),
      street: `${pick(STREETS)} ${1 + int(60)}`,
      postalCode: String(town.postal + districtIndex).padStart(5, '0'),
      city: town.name,
      district: town.districts[districtIndex]!,
      lat: round4(town.lat + (random() - 0.5) * 0.06),
      lon: round4(town.lon + (random() - 0.5) * 0.09),
      accessibility,
    });
    placeTown.push(town);
  }

  const groups: FeedGroup[] = [];
  for (let i = 0; i < count; i++) {
    const area = AREAS[weighted(AREA_TABLE)]!;
    const topic = pick(area.topics);
    const placeIndex = int(placeCount);
    const town = placeTown[placeIndex]!;
    const id = `${topic.id}-${town.slug}-${i.toString(36)}`.slice(0, 128);
    const status = weighted<GroupStatus>([['open', 85], ['founding', 5], ['paused', 5], ['closed', 5]]);
    const audienceKey = weighted<'affected' | 'relatives' | 'both'>([['affected', 55], ['relatives', 15], ['both', 30]]);
    const ageGroup = weighted<AgeGroup | undefined>([[undefined, 83], ['young', 7], ['seniors', 10]]);
    const other = chance(0.1) ? weighted(OTHER_LANGS) : undefined;
    const languages = other ? (chance(0.5) ? [other, 'de'] : [other]) : ['de'];

    const townLabel = town.name;
    let nameDe = pick(FORMATS).replace('%T', topic.de).replace('%P', townLabel);
    if (audienceKey === 'relatives') nameDe = `Angehörige: ${nameDe}`;
    if (ageGroup === 'young') nameDe += ' – junge Erwachsene';
    if (ageGroup === 'seniors') nameDe += ' 60+';
    if (status === 'founding') nameDe += ' (in Gründung)';
    const nameMore: Record<string, string> = {};
    if (other) nameMore[other] = `${SHG_WORD[other]}: ${area.names[other]} – ${townLabel}`;
    if (chance(0.08)) nameMore.en = `${topic.en} – self-help group ${townLabel}`;

    const fill = (s: string, t: string) => s.replace('{T}', t).replace('{P}', townLabel);
    const intro = pick(INTRO);
    const sentences = [intro, AUDIENCE_SENTENCE[audienceKey]!];
    for (let n = int(3); n > 0; n--) {
      const next = pick(MIDDLE);
      if (!sentences.includes(next)) sentences.push(next);
    }
    const statusSentence = STATUS_SENTENCE[status];
    if (statusSentence) sentences.push(statusSentence);
    // Keep descriptions within 400 characters by dropping middle sentences.
    while (sentences.reduce((n, s) => n + fill(s[0], topic.de).length + 1, 0) > 401 && sentences.length > 2) sentences.splice(2, 1);
    const descDe = sentences.map((s) => fill(s[0], topic.de)).join(' ');
    const descMore = nameMore.en ? { en: sentences.map((s) => fill(s[1], midSentence(topic.en))).join(' ') } : undefined;

    const group: FeedGroup = {
      id,
      name: text(nameDe, Object.keys(nameMore).length ? nameMore : undefined),
      description: text(descDe, descMore),
      topics: chance(0.05) ? [topic.id, pick(pick(AREAS).topics).id].filter((t, k, all) => all.indexOf(t) === k) : chance(0.03) ? [topic.id, area.id] : [topic.id],
    };
    const keywords = chance(0.6) ? topic.synonyms.filter(() => chance(0.6)) : [];
    if (keywords.length) group.keywords = language === 'de' ? keywords : { de: keywords };
    group.audience = audienceKey === 'both' ? ['affected', 'relatives'] : [audienceKey as Audience];
    if (ageGroup) group.ageGroup = ageGroup;
    group.status = status;
    group.languages = languages;

    const byArrangement = status !== 'paused' && chance(0.09);
    if (byArrangement) group.byArrangement = true;
    else if (status !== 'paused' || chance(0.5)) {
      group.meetings = [];
      for (let n = chance(0.08) ? 2 : 1; n > 0; n--) group.meetings.push(meeting(status, ageGroup, id, places[placeIndex]!.id));
    }

    if (chance(0.15)) {
      group.contact = { via: 'group', name: pick(FIRST_NAMES) };
      if (chance(0.7)) group.contact.email = `${id.slice(0, 40).replace(/-+$/, '')}@example.org`;
      if (!group.contact.email || chance(0.4)) group.contact.phone = `+49 30 23125 ${String(int(1000)).padStart(3, '0')}`;
    } else {
      group.contact = { via: 'office' };
    }
    group.updated = dateOf(FIRST_UPDATE + int(288));
    groups.push(group);
  }

  function meeting(status: GroupStatus, ageGroup: AgeGroup | undefined, groupId: string, placeId: string): FeedMeeting {
    const founding = status === 'founding';
    const single = founding && chance(0.5);
    const kind = weighted<'weekly' | 'fortnightly' | 'ordinal' | 'last' | 'twice' | 'monthday'>([
      ['weekly', 25], ['fortnightly', 15], ['ordinal', 40], ['last', 8], ['twice', 9], ['monthday', 3],
    ]);
    const day = ageGroup === 'seniors' ? int(5) : weighted([[0, 18], [1, 20], [2, 20], [3, 20], [4, 10], [5, 8], [6, 4]]);
    const ordinal = 1 + int(4);
    const rule: RuleSpec =
      kind === 'weekly' ? { freq: 'WEEKLY', interval: 1, days: [{ day }] }
      : kind === 'fortnightly' ? { freq: 'WEEKLY', interval: 2, days: [{ day }] }
      : kind === 'ordinal' ? { freq: 'MONTHLY', interval: 1, days: [{ day, ordinal }] }
      : kind === 'last' ? { freq: 'MONTHLY', interval: 1, days: [{ day, ordinal: -1 }] }
      : kind === 'twice' ? { freq: 'MONTHLY', interval: 1, days: [{ day, ordinal: ordinal > 2 ? 2 : 1 }, { day, ordinal: ordinal > 2 ? 4 : 3 }] }
      : { freq: 'MONTHLY', interval: 1, days: [], monthDay: 1 + int(28) };
    const anchor = (founding ? FOUNDING_START : FIRST_START) + int(85);
    const startDay = single ? anchor : firstOn(anchor, rule, anchor);
    const hour = ageGroup === 'seniors' ? pick([10, 14, 15]) : weighted([[10, 1], [15, 1], [17, 2], [18, 5], [19, 5], [20, 1]]);
    const minute = chance(0.3) ? 30 : 0;
    const start = `${dateOf(startDay)}T${pad(hour)}:${pad(minute)}`;
    const m: FeedMeeting = single ? { start } : { rrule: formatRule(rule), start };
    const breakDays: string[] = [];
    if (m.rrule) {
      const limit = !founding && chance(0.03) ? 'until' : founding && rule.freq === 'WEEKLY' && chance(0.3) ? 'count' : undefined;
      if (limit === 'until') m.rrule += `;UNTIL=${dateOf(startDay + 90 + int(180)).replace(/-/g, '')}T235959Z`;
      if (limit === 'count') m.rrule += `;COUNT=${6 + int(7)}`;
      // Christmas break: only dates the rule really produces.
      if (!limit && chance(0.08)) {
        for (let d = Math.max(CHRISTMAS, startDay + 1); d < CHRISTMAS + 14; d++) if (occursOn(d, rule, startDay)) breakDays.push(dateOf(d));
      }
    }
    const length = pick([60, 90, 90, 120]);
    if (chance(0.5)) {
      const end = hour * 60 + minute + length;
      m.end = `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
    } else {
      m.duration = length % 60 ? `PT${length}M` : `PT${length / 60}H`;
    }
    if (breakDays.length) m.exdates = breakDays;
    const where = weighted<'place' | 'online' | 'hybrid' | 'unpublished'>([['place', 70], ['online', 10], ['hybrid', 10], ['unpublished', 10]]);
    const words = single ? 'Gründungstreffen' : ruleWords(rule);
    if (where === 'unpublished') m.text = text(`${words}; Ort auf Anfrage bei der Kontaktstelle`);
    else if (single || chance(0.4)) m.text = text(words);
    if (where === 'place' || where === 'hybrid') m.place = placeId;
    if (where === 'online' || where === 'hybrid') {
      m.online = { url: `https://meet.example.org/${groupId}` };
      if (chance(0.5)) m.online.notes = text('Den Zugangslink erhalten Sie über die Kontaktstelle.');
    }
    return m;
  }

  return {
    version: 1,
    updated: '2026-03-16T09:00:00+01:00',
    language,
    timezone: 'Europe/Berlin',
    office: {
      name: text('Selbsthilfe-Kontaktstellen Beispielland (generiertes Verzeichnis)'),
      description: text('Ein erfundenes Verzeichnis für Tests und Benchmarks. Alle Gruppen, Orte und Kontakte sind ausgedacht.', {
        en: 'An invented directory for tests and benchmarks. Every group, place and contact is made up.',
      }),
      address: { street: 'Lindenallee 12', postalCode: '12345', city: 'Musterstadt' },
      phone: '+49 30 23125 100',
      email: 'kontakt@example.org',
      website: 'https://selbsthilfe.example.org',
      openingHours: [
        { days: ['MO', 'TU', 'TH'], opens: '09:00', closes: '13:00' },
        { days: ['TU'], opens: '14:00', closes: '18:00' },
      ],
      languages: ['de', 'en', 'tr', 'ar', 'ru'],
      contactEndpoint: '/api/contact',
      privacyUrl: 'https://selbsthilfe.example.org/datenschutz',
      freeAndConfidential: true,
      replyTime: text('in der Regel innerhalb von zwei Werktagen', { en: 'usually within two working days' }),
    },
    topics,
    places,
    groups,
  };
}
