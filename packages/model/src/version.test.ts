import { describe, expect, it } from 'vitest';
import { compareVersions, latestOf, parseVersionSpec, resolveVersion } from './version.js';

describe('compareVersions', () => {
  it('orders by semver, never by string: 100 is newer than 99, 1.10.0 newer than 1.9.0', () => {
    expect(compareVersions('100', '99')).toBeGreaterThan(0);
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(latestOf(['0.0.9', '99', '100', '1.2.3'])).toBe('100');
  });
  it('puts pre-releases before their release and unreadable versions before all others', () => {
    expect(compareVersions('2.0.0-beta.1', '2.0.0')).toBeLessThan(0);
    expect(latestOf(['draft', '0.0.1'])).toBe('0.0.1');
  });
});

describe('resolveVersion', () => {
  const versions = ['1.0.0', '1.2.0', '1.2.7', '1.10.0', '2.0.0', '2.1.0-rc.1'];
  it.each([
    // Latest is the highest by semver, a pre-release included; ranges leave pre-releases out, as npm does.
    [undefined, '2.1.0-rc.1'],
    ['latest', '2.1.0-rc.1'],
    ['1.2.0', '1.2.0'],
    ['^1.0.0', '1.10.0'],
    ['~1.2', '1.2.7'],
    ['~1.2.0', '1.2.7'],
    ['1.x', '1.10.0'],
    ['1.2.x', '1.2.7'],
    ['>=2', '2.0.0'],
    ['3.0.0', undefined],
    ['^3.0.0', undefined],
  ])('%s resolves to %s', (spec, expected) => {
    expect(resolveVersion(versions, spec)).toBe(expected);
  });
  it('matches an exact version written differently but equal by semver', () => {
    expect(resolveVersion(['1.0.0'], 'v1.0.0')).toBe('1.0.0');
    expect(resolveVersion(['1'], '1.0.0')).toBe('1');
  });
  it('says what a pointer asks for', () => {
    expect(parseVersionSpec(undefined)).toEqual({ type: 'latest' });
    expect(parseVersionSpec('^1.0.0')).toEqual({ type: 'range', range: '^1.0.0' });
    expect(parseVersionSpec('1.x')).toEqual({ type: 'range', range: '1.x' });
    expect(parseVersionSpec('1.2.3')).toEqual({ type: 'exact', version: '1.2.3' });
  });
});
