// Dates and month names: the shapes the adapters meet, in every language they meet, and what must
// not read as a date (ambiguous day/month order, words that merely start like a month).
import { describe, expect, it } from 'vitest';
import { findDate, isoDate, monthNumber, parseDate } from '../../../../lib/scrapers/kit/dates';

describe('monthNumber', () => {
  it('reads full names and abbreviations in English, German, French, Spanish, Portuguese, Italian, Dutch', () => {
    const cases: [string, number][] = [
      ['January', 1],
      ['Sept', 9],
      ['Sep.', 9],
      ['sept.', 9],
      ['März', 3],
      ['Mär', 3],
      ['Mrz', 3],
      ['Mai', 5],
      ['Okt.', 10],
      ['Dezember', 12],
      ['février', 2],
      ['févr.', 2],
      ['fevr', 2],
      ['juin', 6],
      ['juil.', 7],
      ['août', 8],
      ['décembre', 12],
      ['enero', 1],
      ['ago', 8],
      ['dic.', 12],
      ['março', 3],
      ['setembro', 9],
      ['out', 10],
      ['gennaio', 1],
      ['giu', 6],
      ['lug', 7],
      ['ottobre', 10],
      ['mrt', 3],
      ['mei', 5],
    ];
    for (const [w, n] of cases) expect(monthNumber(w), w).toBe(n);
  });

  it('refuses other words, two-letter stubs, and abbreviations two months share', () => {
    for (const w of ['Foo', 'Published', 'Mayonnaise', 'Marchand', 'ma', 'ju', 'jui', '', null, undefined])
      expect(monthNumber(w), String(w)).toBeUndefined();
  });
});

describe('isoDate', () => {
  it('pads, and refuses months, days and years out of range', () => {
    expect(isoDate(2018, 5, 6)).toBe('2018-05-06');
    expect(isoDate(2018, 5)).toBe('2018-05');
    expect(isoDate(2018, 13)).toBeUndefined();
    expect(isoDate(2018, 2, 32)).toBeUndefined();
    expect(isoDate(1700, 1, 1)).toBeUndefined();
  });
});

describe('parseDate', () => {
  // Semantic Scholar's publication dates (moved from semantic-scholar.test.ts).
  it('reads the date shapes Semantic Scholar prints', () => {
    expect(parseDate('6 May 2018')).toEqual({ year: 2018, date: '2018-05-06' });
    expect(parseDate('1 July 2020')).toEqual({ year: 2020, date: '2020-07-01' });
    expect(parseDate('July 2020')).toEqual({ year: 2020, date: '2020-07' });
    expect(parseDate('Mar 2021')).toEqual({ year: 2021, date: '2021-03' });
    expect(parseDate('Sep 12, 2019')).toEqual({ year: 2019, date: '2019-09-12' });
    expect(parseDate('2018-05-06')).toEqual({ year: 2018, date: '2018-05-06' });
    expect(parseDate('2014')).toEqual({ year: 2014 });
    expect(parseDate('Published 2014')).toEqual({ year: 2014 });
    expect(parseDate('')).toEqual({});
    expect(parseDate('31 Foo 2018')).toEqual({ year: 2018 });
  });

  it('reads other languages and the CJK forms', () => {
    expect(parseDate('6. Mai 2018')).toEqual({ year: 2018, date: '2018-05-06' });
    expect(parseDate('Juni 2018')).toEqual({ year: 2018, date: '2018-06' });
    expect(parseDate('12 févr. 2021')).toEqual({ year: 2021, date: '2021-02-12' });
    expect(parseDate('1er mars 2020')).toEqual({ year: 2020, date: '2020-03-01' });
    expect(parseDate('6 de mayo de 2018')).toEqual({ year: 2018, date: '2018-05-06' });
    expect(parseDate('setembro de 2019')).toEqual({ year: 2019, date: '2019-09' });
    expect(parseDate('3 dicembre 2017')).toEqual({ year: 2017, date: '2017-12-03' });
    expect(parseDate('2018年5月6日')).toEqual({ year: 2018, date: '2018-05-06' });
    expect(parseDate('2018年5月')).toEqual({ year: 2018, date: '2018-05' });
    expect(parseDate('2018년 5월 6일')).toEqual({ year: 2018, date: '2018-05-06' });
  });

  it('reads numeric dates with one separator, inside timestamps too, and never guesses day/month order', () => {
    expect(parseDate('2003/06/15')).toEqual({ year: 2003, date: '2003-06-15' });
    expect(parseDate('2003-06-15T00:00:00Z')).toEqual({ year: 2003, date: '2003-06-15' });
    expect(parseDate('2003-6')).toEqual({ year: 2003, date: '2003-06' });
    expect(parseDate('2003-06/15')).toEqual({ year: 2003, date: '2003-06' });
    expect(parseDate('12/31/2003')).toEqual({ year: 2003 });
    expect(parseDate('31.12.2003')).toEqual({ year: 2003 });
    expect(parseDate('2019-2020')).toEqual({ year: 2019 });
    expect(parseDate('2018-13-01')).toEqual({ year: 2018 });
  });
});

describe('findDate', () => {
  // arXiv datelines and search dates: day-month-year only (moved from arxiv.test.ts).
  it('with the dmy form only, reads abs datelines and search dates', () => {
    const dmy = (s: string) => findDate(s, ['dmy'])?.date;
    expect(dmy('3 Jan 2023 (v1), last revised 5 Feb 2023')).toBe('2023-01-03');
    expect(dmy('18 May, 2023')).toBe('2023-05-18');
    expect(dmy('20 December, 2018')).toBe('2018-12-20');
    expect(dmy('12 Sept 2021')).toBe('2021-09-12');
    expect(dmy('January 2023')).toBeUndefined();
    expect(dmy('')).toBeUndefined();
  });

  it('tries the forms in the order given and skips matches that are no date', () => {
    expect(findDate('May 6, 2018', ['dmy', 'mdy', 'my'])).toEqual({ year: 2018, date: '2018-05-06' });
    expect(findDate('Foo 2017, Sep 2018', ['my'])).toEqual({ year: 2018, date: '2018-09' });
    expect(findDate('2019', ['dmy', 'mdy', 'my'])).toBeUndefined();
    expect(findDate('2019', ['dmy', 'year'])).toEqual({ year: 2019 });
  });
});
