import { DEFAULT_TERMS, formatDays, formatHours, withDefaults } from './order-terms.js';

describe('order terms', () => {
  it('has the federal and NCMEC defaults', () => {
    expect(DEFAULT_TERMS).toEqual({
      lawEnforcementReportHours: 24,
      ncicEntryHours: 2,
      ncmecReportHours: 24,
      photoMaxAgeDays: 180,
      statusUpdateDays: 30,
      recoveryNotificationHours: 24,
      postRecoveryPhotoHours: 72,
      safetyAssessmentHours: 72,
      runDebriefHours: 168,
      hearingWithinCourtDays: 3,
      requestHearingOnMissing: true,
      requestHearingOnNonCompliance: true,
      photoReleaseAuthorized: true,
    });
    expect(Object.isFrozen(DEFAULT_TERMS)).toBe(true);
  });

  it('fills every missing term with its default and keeps the given ones, false included', () => {
    const terms = withDefaults({
      ncicEntryHours: 1.5,
      requestHearingOnMissing: false,
    });
    expect(terms).toEqual({
      ...DEFAULT_TERMS,
      ncicEntryHours: 1.5,
      requestHearingOnMissing: false,
    });
    expect(withDefaults(null)).toEqual(DEFAULT_TERMS);
    expect(withDefaults({ ncmecReportHours: 12 }, { ...DEFAULT_TERMS, ncicEntryHours: 1 })).toMatchObject({
      ncmecReportHours: 12,
      ncicEntryHours: 1,
    });
  });

  it('states deadlines as an order would', () => {
    expect(formatHours(24)).toBe('24 hours');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(1.5)).toBe('1.5 hours');
    expect(formatHours(168)).toBe('168 hours (7 days)');
    expect(formatHours(72)).toBe('72 hours (3 days)');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(30)).toBe('30 days');
  });
});
