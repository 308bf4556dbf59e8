/**
 * The areas and topics of a directory with the number of groups under each,
 * named and sorted for one UI language. Pure: no DOM, no Lit.
 */
import type { Directory, GroupStatus, Topic } from '../../feed/types.js';
import { plainText } from '../../internal/text.js';

/** The statuses a topic list counts: groups a person can join now or help found. */
export const COUNTED_STATUSES: readonly GroupStatus[] = ['open', 'founding'];

export interface TopicEntry {
  topic: Topic;
  /** The name in the UI language (for sorting; render `topic.name` with its language). */
  name: string;
  /** Distinct open and founding groups under this topic (for an area: under it or any of its topics). */
  count: number;
}

export interface AreaEntry extends TopicEntry {
  /** The area's topics, sorted by name; empty for an area without topics (or a flat feed). */
  topics: TopicEntry[];
}

export interface TopicTreeOptions {
  /** The UI locale for names and sorting. */
  locale: string;
  /** Keep topics and areas without groups. */
  showEmpty?: boolean;
  /** Only these area ids (in any order); all areas when absent or empty. */
  areas?: readonly string[];
}

const counts = new WeakMap<Directory, Map<string, number>>();

/** Open and founding groups per topic id; an area counts each group under it or its topics once. */
export function groupCounts(directory: Directory): Map<string, number> {
  const cached = counts.get(directory);
  if (cached) return cached;
  const sets = new Map<string, Set<string>>();
  const add = (topicId: string, groupId: string) => {
    let set = sets.get(topicId);
    if (!set) sets.set(topicId, (set = new Set()));
    set.add(groupId);
  };
  for (const group of directory.groups) {
    if (!COUNTED_STATUSES.includes(group.status)) continue;
    for (const id of group.topics) {
      const topic = directory.topicsById.get(id);
      if (!topic) continue;
      add(id, group.id);
      const area = areaOf(topic, directory);
      if (area !== topic.id) add(area, group.id);
    }
  }
  const result = new Map<string, number>();
  for (const topic of directory.topics) result.set(topic.id, sets.get(topic.id)?.size ?? 0);
  counts.set(directory, result);
  return result;
}

/** The id of the area a topic belongs to: its parent, or itself when it is an area (or its parent is unknown). */
export function areaOf(topic: Topic, directory: Directory): string {
  return topic.parent !== undefined && directory.topicsById.has(topic.parent) ? topic.parent : topic.id;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })));
  return c;
}

/** Areas with their topics, counted, filtered and sorted by name in the UI language. */
export function topicTree(directory: Directory, options: TopicTreeOptions): AreaEntry[] {
  const { locale, showEmpty = false } = options;
  const wanted = options.areas?.length ? new Set(options.areas) : undefined;
  const count = groupCounts(directory);
  const entry = (topic: Topic): TopicEntry => ({ topic, name: plainText(topic.name, locale, directory.language) || topic.id, count: count.get(topic.id) ?? 0 });
  const byArea = new Map<string, AreaEntry>();
  for (const topic of directory.topics) {
    if (areaOf(topic, directory) === topic.id) byArea.set(topic.id, { ...entry(topic), topics: [] });
  }
  for (const topic of directory.topics) {
    const area = areaOf(topic, directory);
    if (area !== topic.id) byArea.get(area)?.topics.push(entry(topic));
  }
  const compare = collator(locale).compare;
  const byName = (a: TopicEntry, b: TopicEntry) => compare(a.name, b.name) || compare(a.topic.id, b.topic.id);
  const out: AreaEntry[] = [];
  for (const area of byArea.values()) {
    if (wanted && !wanted.has(area.topic.id)) continue;
    if (!showEmpty && area.count === 0) continue;
    area.topics = area.topics.filter((t) => showEmpty || t.count > 0).sort(byName);
    out.push(area);
  }
  return out.sort(byName);
}
