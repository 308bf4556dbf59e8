/** Distances to meeting places, and named positions for a "near" picker. */
import type { Directory, Place } from '../feed/types.js';
import type { GroupTables } from './tables.js';
import { collatorOrder } from './rank.js';
import { DirectoryData } from './directory-data.js';
import { whenReadInFull } from '../feed/normalise-slices.js';
import type { NamedPosition } from './types.js';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km (haversine). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function hasCoordinates(place: Place): boolean {
  return Number.isFinite(place.lat) && Number.isFinite(place.lon);
}

/** Per group: km from `from` to its nearest meeting place with coordinates; NaN without one. */
export function groupDistances(tables: GroupTables, from: { lat: number; lon: number }): Float64Array {
  const placeKm = tables.places.map((place) =>
    hasCoordinates(place) ? haversineKm(from.lat, from.lon, place.lat!, place.lon!) : NaN,
  );
  const { start, items } = tables.groupPlaces;
  const out = new Float64Array(tables.count);
  for (let g = 0; g < tables.count; g++) {
    let best = NaN;
    for (let k = start[g]; k < start[g + 1]; k++) {
      const km = placeKm[items[k]];
      if (!Number.isNaN(km) && !(km >= best)) best = km;
    }
    out[g] = best;
  }
  return out;
}

const districtCache = new WeakMap<Directory, readonly NamedPosition[]>();

/**
 * One position per district and per town where groups meet: the centre of their meeting
 * places with coordinates. A district name that occurs in several towns carries its town
 * ("Mitte (Berlin)"); towns of the same name far apart (there are many a Neustadt) are told
 * apart by a postal code ("Neustadt (67433)"). Sorted by name in the feed's language.
 * Computed once per directory (directories are treated as immutable); every call returns
 * the same frozen list.
 */
export function districtsWithCoordinates(directory: Directory): readonly NamedPosition[] {
  let list = districtCache.get(directory);
  if (list) return list;
  list = Object.freeze(computeDistricts(directory));
  // Not from a first stage, whose groups have no meetings yet (feed/normalise-slices.ts).
  if (!whenReadInFull(directory)) districtCache.set(directory, list);
  return list;
}

/** Places of one town name further apart than this are in different towns. */
const SAME_TOWN_KM = 30;

/** One town: places of one name close together; `label` is its name in the list. */
interface Town {
  lat: number;
  lon: number;
  count: number;
  postalCode?: string;
  label: string;
}

interface Sum {
  district?: string;
  town?: Town;
  lat: number;
  lon: number;
  count: number;
}

function computeDistricts(directory: Directory): NamedPosition[] {
  const towns = new Map<string, Town[]>();
  const townOf = (city: string, place: Place): Town => {
    let list = towns.get(city);
    if (!list) towns.set(city, (list = []));
    let town = list.find((t) => haversineKm(t.lat / t.count, t.lon / t.count, place.lat!, place.lon!) <= SAME_TOWN_KM);
    if (!town) list.push((town = { lat: 0, lon: 0, count: 0, postalCode: place.postalCode?.trim() || undefined, label: city }));
    town.lat += place.lat!;
    town.lon += place.lon!;
    town.count++;
    return town;
  };
  const sums = new Map<unknown, Map<string, Sum>>();
  const add = (town: Town | undefined, district: string | undefined, place: Place) => {
    let byDistrict = sums.get(town);
    if (!byDistrict) sums.set(town, (byDistrict = new Map()));
    const key = district ?? '';
    let sum = byDistrict.get(key);
    if (!sum) byDistrict.set(key, (sum = { district, town, lat: 0, lon: 0, count: 0 }));
    sum.lat += place.lat!;
    sum.lon += place.lon!;
    sum.count++;
  };
  // Every meeting place once, in the order groups first name them (the search tables' list:
  // a few thousand places instead of every meeting of 70,000 groups).
  for (const place of DirectoryData.of(directory).tables.places) {
    if (!hasCoordinates(place)) continue;
    const city = place.city?.trim() || undefined;
    const district = place.district?.trim() || undefined;
    const town = city ? townOf(city, place) : undefined;
    if (town) add(town, undefined, place);
    if (district && district !== city) add(town, district, place);
  }
  for (const [city, list] of towns) {
    if (list.length < 2) continue;
    const labels = new Set<string>();
    list.forEach((town, i) => {
      let label = `${city} (${town.postalCode ?? i + 1})`;
      if (labels.has(label)) label = `${city} (${town.postalCode ?? ''} ${i + 1})`;
      labels.add(label);
      town.label = label;
    });
  }

  const all = [...sums.values()].flatMap((byDistrict) => [...byDistrict.values()]);
  const townLabels = new Set(all.filter((sum) => !sum.district).map((sum) => sum.town!.label));
  const townsPerDistrict = new Map<string, number>();
  for (const sum of all) if (sum.district) townsPerDistrict.set(sum.district, (townsPerDistrict.get(sum.district) ?? 0) + 1);
  const out: NamedPosition[] = [];
  const names = new Set<string>();
  for (const sum of all) {
    const townLabel = sum.town?.label;
    let name = sum.district ?? townLabel!;
    if (sum.district && townLabel && (townsPerDistrict.get(sum.district)! > 1 || townLabels.has(sum.district))) {
      name = `${sum.district} (${townLabel})`;
    }
    if (names.has(name)) continue;
    names.add(name);
    const position: NamedPosition = { name, lat: sum.lat / sum.count, lon: sum.lon / sum.count };
    if (townLabel) position.city = townLabel;
    if (sum.district) position.district = sum.district;
    out.push(position);
  }
  const order = collatorOrder(out.map((p) => p.name), new Intl.Collator(directory.language, { numeric: true }));
  return Array.from(order, (i) => out[i]);
}
