/** Distances to meeting places, and named positions for a "near" picker. */
import type { Directory, Place } from '../feed/types.js';
import type { GroupTables } from './tables.js';
import { collatorOrder } from './rank.js';
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
 * One position per district and per city where groups meet: the centre of their meeting
 * places with coordinates. A district name that occurs in several cities carries its city
 * ("Mitte (Berlin)"). Sorted by name in the feed's language. Computed once per directory
 * (directories are treated as immutable); every call returns the same frozen list.
 */
export function districtsWithCoordinates(directory: Directory): readonly NamedPosition[] {
  let list = districtCache.get(directory);
  if (!list) districtCache.set(directory, (list = Object.freeze(computeDistricts(directory))));
  return list;
}

interface Sum {
  district?: string;
  city?: string;
  lat: number;
  lon: number;
  count: number;
}

function computeDistricts(directory: Directory): NamedPosition[] {
  const seen = new Set<Place>();
  const sums = new Map<string, Sum>();
  const add = (key: string, district: string | undefined, city: string | undefined, place: Place) => {
    let sum = sums.get(key);
    if (!sum) sums.set(key, (sum = { district, city, lat: 0, lon: 0, count: 0 }));
    sum.lat += place.lat!;
    sum.lon += place.lon!;
    sum.count++;
  };
  for (const group of directory.groups) {
    for (const meeting of group.meetings) {
      const place = meeting.place;
      if (!place || seen.has(place)) continue;
      seen.add(place);
      if (!hasCoordinates(place)) continue;
      const city = place.city?.trim() || undefined;
      const district = place.district?.trim() || undefined;
      if (city) add(`city\u0000${city}`, undefined, city, place);
      if (district && district !== city) add(`district\u0000${city ?? ''}\u0000${district}`, district, city, place);
    }
  }

  const citiesPerDistrict = new Map<string, number>();
  for (const sum of sums.values()) {
    if (sum.district) citiesPerDistrict.set(sum.district, (citiesPerDistrict.get(sum.district) ?? 0) + 1);
  }
  const out: NamedPosition[] = [];
  const names = new Set<string>();
  for (const sum of sums.values()) {
    let name = sum.district ?? sum.city!;
    if (sum.district && sum.city && (citiesPerDistrict.get(sum.district)! > 1 || sums.has(`city\u0000${sum.district}`))) {
      name = `${sum.district} (${sum.city})`;
    }
    if (names.has(name)) continue;
    names.add(name);
    const position: NamedPosition = { name, lat: sum.lat / sum.count, lon: sum.lon / sum.count };
    if (sum.city) position.city = sum.city;
    if (sum.district) position.district = sum.district;
    out.push(position);
  }
  const order = collatorOrder(out.map((p) => p.name), new Intl.Collator(directory.language, { numeric: true }));
  return Array.from(order, (i) => out[i]);
}
