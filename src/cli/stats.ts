/**
 * `stats`: what a directory holds, for the office's yearly report and for spotting gaps:
 * groups per area, topic, status and language, groups without a place (and why), and the
 * texts missing in each language the office serves.
 */
import type { Directory, Group, GroupStatus, Text } from '../feed/types.js';
import type { Lang } from './args.js';
import { languageName, type Messages } from './messages.js';

export interface Count {
  id: string;
  name: string;
  groups: number;
}

export interface FeedStats {
  groups: number;
  byArea: Count[];
  byTopic: Count[];
  byStatus: Record<GroupStatus, number>;
  byLanguage: { language: string; groups: number }[];
  withoutPlace: { total: number; onlineOnly: number; byArrangement: number; placeNotPublished: number; noDates: number };
  missingTexts: { language: string; groupNames: number; descriptions: number; topicNames: number }[];
}

/** The name in the message language, else the feed's, else any. */
function nameOf(text: Text | undefined, lang: Lang, fallback: string, feedLanguage: string): string {
  if (!text) return fallback;
  return text[lang] ?? text[feedLanguage] ?? Object.values(text)[0] ?? fallback;
}

const has = (text: Text | undefined, language: string): boolean => !!text && Object.keys(text).some((k) => k === language || k.split('-')[0] === language);

export function feedStats(directory: Directory, lang: Lang, languages?: string[]): FeedStats {
  const { groups, topics } = directory;
  const areaOf = (id: string): string => directory.topicsById.get(id)?.parent ?? id;
  const areaCounts = new Map<string, number>();
  const topicCounts = new Map<string, number>();
  const languageCounts = new Map<string, number>();
  const byStatus: Record<GroupStatus, number> = { open: 0, closed: 0, founding: 0, paused: 0 };
  const withoutPlace = { total: 0, onlineOnly: 0, byArrangement: 0, placeNotPublished: 0, noDates: 0 };
  const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);

  for (const group of groups) {
    const areas = new Set(group.topics.map(areaOf));
    if (areas.size === 0) bump(areaCounts, '');
    for (const area of areas) bump(areaCounts, area);
    for (const id of group.topics) bump(topicCounts, id);
    byStatus[group.status]++;
    if (group.languages.length === 0) bump(languageCounts, '');
    for (const l of group.languages) bump(languageCounts, l);
    classifyPlace(group, withoutPlace);
  }
  const counted = (map: Map<string, number>, ids: string[]): Count[] =>
    ids.filter((id) => map.has(id)).map((id) => ({ id, name: id === '' ? '' : nameOf(directory.topicsById.get(id)?.name, lang, id, directory.language), groups: map.get(id) as number }));
  const areaIds = [...topics.filter((t) => t.parent === undefined).map((t) => t.id), ''];
  const served = languages?.length ? languages : [...new Set([directory.language, ...(directory.office?.languages ?? [])])];
  return {
    groups: groups.length,
    byArea: counted(areaCounts, areaIds),
    byTopic: counted(topicCounts, topics.filter((t) => t.parent !== undefined || !topics.some((c) => c.parent === t.id)).map((t) => t.id)).sort((a, b) => b.groups - a.groups),
    byStatus,
    byLanguage: [...languageCounts].map(([language, n]) => ({ language, groups: n })).sort((a, b) => b.groups - a.groups),
    withoutPlace,
    missingTexts: served.map((language) => ({
      language,
      groupNames: groups.filter((g) => !has(g.name, language)).length,
      descriptions: groups.filter((g) => g.description && !has(g.description, language)).length,
      topicNames: topics.filter((t) => !has(t.name, language)).length,
    })),
  };
}

function classifyPlace(group: Group, out: FeedStats['withoutPlace']): void {
  if (group.meetings.some((m) => m.place)) return;
  out.total++;
  if (group.meetings.some((m) => m.online)) out.onlineOnly++;
  else if (group.meetings.length) out.placeNotPublished++;
  else if (group.byArrangement) out.byArrangement++;
  else out.noDates++;
}

export function formatStats(source: string, stats: FeedStats, t: Messages, lang: Lang): string {
  const lines = [t.statsTitle(source), t.groupsTotal(stats.groups)];
  const table = (heading: string, rows: [string, number | string][]): void => {
    if (!rows.length) return;
    const width = Math.min(48, Math.max(...rows.map(([label]) => label.length)));
    lines.push('', heading);
    for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  };
  table(t.byArea, stats.byArea.map((c) => [c.id === '' ? t.noArea : c.name, c.groups]));
  table(t.byTopic, stats.byTopic.map((c) => [c.name, c.groups]));
  table(t.byStatus, (Object.entries(stats.byStatus) as [string, number][]).filter(([, n]) => n > 0).map(([s, n]) => [t.status[s] ?? s, n]));
  table(t.byLanguage, stats.byLanguage.map((l) => [l.language === '' ? t.notStated : languageName(l.language, lang), l.groups]));
  const w = stats.withoutPlace;
  table(`${t.withoutPlace}: ${w.total}`, ([[t.onlineOnly, w.onlineOnly], [t.placeNotPublished, w.placeNotPublished], [t.byArrangement, w.byArrangement], [t.noDates, w.noDates]] as [string, number][]).filter(([, n]) => n > 0));
  table(t.missingTexts, stats.missingTexts.map((m) => [languageName(m.language, lang), t.missingTextsRow(m.groupNames, m.descriptions, m.topicNames)]));
  return lines.join('\n') + '\n';
}
