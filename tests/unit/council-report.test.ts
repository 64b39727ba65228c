import { describe, expect, it } from 'vitest';
import { buildCouncilReport } from '../../src-main/core/documents/council-report';
import { renderCouncilReportHtml } from '../../src-main/core/documents/report-html';
import type { LanguageCode } from '../../src-shared/i18n/languages';
import { smallGroupMinimum } from '../../src-shared/privacy/small-groups';
import { councilPeriod, councilPolls, councilResponses } from '../../scripts/fixtures/council-data';

function reportOf(language: LanguageCode = 'fi') {
  return buildCouncilReport({
    period: councilPeriod,
    responses: councilResponses(),
    polls: councilPolls,
    language,
    siteName: 'Perheiden piha',
    kioskId: 'kiosk-test',
    generatedAt: '2026-11-16T12:00:00.000+02:00',
  });
}

describe('council report', () => {
  it('counts the known data set: totals with and without flagged answers, the previous period of the same length', () => {
    const report = reportOf();
    expect(report.previousFrom).toBe('2026-10-19');
    expect(report.previousTo).toBe('2026-11-01');
    expect(report.totals).toEqual({ all: 40, flagged: 2, withoutFlagged: 38 });
    expect(report.previousTotals).toEqual({ all: 20, flagged: 0, withoutFlagged: 20 });
  });

  it('gives the standing question’s distribution against the previous period', () => {
    const standing = reportOf().standing;
    expect(standing?.total).toBe(30);
    expect(standing?.previousTotal).toBe(20);
    expect(standing?.options.map((option) => [option.id, option.count, option.previousCount])).toEqual([
      ['very-bad', 2, 0],
      ['bad', 3, 5],
      ['okay', 5, 5],
      ['good', 8, 5],
      ['very-good', 12, 5],
    ]);
    expect(standing?.options.at(-1)?.share).toBeCloseTo(0.4);
  });

  it('counts answers per poll and protects small groups in topics, languages and the weekday × hour map', () => {
    const report = reportOf();
    const coffee = report.polls.find((poll) => poll.pollId === 'coffee-corner');
    expect(coffee?.options.map((option) => option.count)).toEqual([7, 3]);
    expect(coffee?.topics.map((topic) => [topic.id, topic.count])).toEqual([
      ['coffee', null],
      ['seats', 7],
    ]);
    expect(report.languages).toEqual([
      { language: 'fi', count: 34 },
      { language: 'sv', count: null },
      { language: 'en', count: null },
    ]);
    const hours = report.heatMap.hours;
    const cell = (weekday: number, hour: number) => report.heatMap.cells[weekday]?.[hours.indexOf(hour)];
    expect(cell(0, 10)).toBe(19);
    expect(cell(1, 9)).toBe(8);
    expect(cell(2, 14)).toBe(8);
    expect(cell(3, 13)).toBeNull();
    expect(cell(6, 11)).toBeNull();
    const everyCount = [...report.heatMap.cells.flat(), ...report.languages.map((entry) => entry.count), ...report.polls.flatMap((poll) => poll.topics.map((topic) => topic.count))];
    for (const count of everyCount) if (typeof count === 'number') expect(count === 0 || count >= smallGroupMinimum).toBe(true);
  });

  it('masks personal data in comments', () => {
    expect(reportOf().comments.map((comment) => comment.text)).toEqual(['Kahvi loppui, soita [puhelinnumero]']);
    expect(reportOf('en').comments.map((comment) => comment.text)).toEqual(['Kahvi loppui, soita [phone number]']);
  });

  it('prints as one self-contained page in the kiosk’s language, with "< 5" where a group is small', () => {
    const html = renderCouncilReportHtml(reportOf('sv'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv" dir="ltr">/);
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toContain('<h1>Klientrådets rapport</h1>');
    expect(html).toContain('Svar: <strong>40</strong>');
    expect(html).toContain('När snabba serier lämnas bort: <strong>38</strong>');
    expect(html).toContain('12 (40 %) · +15 %-enh.');
    expect(html).toContain('<th scope="row">Svenska</th><td data-count>&#60; 5</td>');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toContain('040 123 4567');
  });
});
