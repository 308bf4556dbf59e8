// A normalised directory written back as a version 1 feed, so that what normaliseFeed returns
// can be checked against feed.schema.json (test/node/normalise-schema-property.test.mjs).

const defined = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)));
const terms = (t) => (Object.keys(t).length ? t : undefined);

function placeToFeed(p, withId) {
  return defined({ id: withId ? p.id : undefined, name: p.name, street: p.street, postalCode: p.postalCode, city: p.city, district: p.district, lat: p.lat, lon: p.lon, accessibility: defined({ ...p.accessibility }) });
}

/** The directory written back in the feed format it was read from. */
export function directoryToFeed(d) {
  const o = d.office;
  const feed = defined({
    version: 1,
    updated: d.updated,
    language: d.language,
    timezone: d.timezone,
    office: o && defined({
      name: o.name,
      description: o.description,
      address: o.address,
      phone: o.phone,
      email: o.email,
      website: o.website,
      openingHours: o.openingHours ?? o.openingHoursText,
      languages: o.languages,
      contactEndpoint: o.contactEndpoint,
      privacyUrl: o.privacyUrl,
      freeAndConfidential: o.freeAndConfidential,
      replyTime: o.replyTime,
    }),
    topics: d.topics.map((t) => defined({ id: t.id, name: t.name, description: t.description, parent: t.parent, synonyms: terms(t.synonyms) })),
    places: d.places.map((p) => placeToFeed(p, true)),
    groups: d.groups.map((g) =>
      defined({
        id: g.id,
        name: g.name,
        description: g.description,
        topics: g.topics,
        keywords: terms(g.keywords),
        audience: g.audience,
        ageGroup: g.ageGroup,
        status: g.status,
        languages: g.languages,
        byArrangement: g.byArrangement,
        contact: defined({ ...g.contact }),
        updated: g.updated,
        meetings: g.meetings.map((m) =>
          defined({
            rrule: m.rrule,
            start: m.start,
            duration: m.durationMinutes === undefined ? undefined : `PT${m.durationMinutes}M`,
            timezone: m.timezone,
            exdates: m.exdates,
            text: m.text,
            place: m.place && (d.placesById.get(m.place.id) === m.place ? m.place.id : placeToFeed(m.place, !m.place.id.includes('/'))),
            online: m.online && defined({ ...m.online }),
          }),
        ),
      }),
    ),
  });
  // Required lists stay even when empty.
  feed.groups = d.groups.map((g, i) => ({ ...(feed.groups?.[i] ?? {}), topics: g.topics }));
  return feed;
}

