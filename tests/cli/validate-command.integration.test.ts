// The CLI as a user runs it: exit codes, Chinese findings with printed labels, no stack traces.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureJson, fixturePath } from '../core/report-builders';
import { nianbao } from '../support/run-nianbao';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('nianbao validate', () => {
  it('exits 0 for the fixture and says the cross-year rules were skipped', async () => {
    const { code, stdout } = await nianbao('validate', fixturePath);
    expect(code).toBe(0);
    expect(stdout).toContain('校验通过：0 个错误');
    expect(stdout).toContain('未进行 R5');
  });

  it('exits 1 with findings in Chinese, naming rows and columns as printed', async () => {
    const doc = fixtureJson();
    const applications = doc.statistics.applications as Record<string, Record<string, number>>;
    applications.resultsTotal!.naturalPerson = 29;
    const { code, stdout } = await nianbao('validate', writeJson('broken.json', doc));
    expect(code).toBe(1);
    expect(stdout).toContain('错误（须改正后才能发布）');
    expect(stdout).toMatch(/\[R1\] 自然人：/);
    expect(stdout).toContain('位置：三（七）总计 · 自然人');
    expect(stdout).not.toMatch(/[一二三四]、[一二三四][、（]/);
  });

  it('prints JSON with --json and uses last year with --previous', async () => {
    const last = fixtureJson();
    last.year = 2022;
    last.issuedOn = '2023-01-20';
    (last.statistics.applications as Record<string, Record<string, number>>).carriedForward!.naturalPerson = 1;
    const { code, stdout } = await nianbao(
      'validate',
      fixturePath,
      '--previous',
      writeJson('last.json', last),
      '--json',
    );
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: { rule: string }[] };
    expect(report.findings.map((f) => f.rule)).toContain('R5');
    expect(report.findings.map((f) => f.rule)).toContain('R11');
  });

  it("exits 2 naming both reports when --previous is not the same agency's report of the year before", async () => {
    const later = fixtureJson();
    later.year = 2024;
    const laterPath = writeJson('later.json', later);
    const { code, stderr, stdout } = await nianbao('validate', fixturePath, '--previous', laterPath);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      '本报告为 吕梁市离石区人民政府（lvliang-lishi）2023 年，所给上年度报告为 吕梁市离石区人民政府（lvliang-lishi）2024 年',
    );
    noStackTrace(stderr);
  });

  it('places a narrative finding by section and paragraph with an excerpt; R9 skipped without a date', async () => {
    const doc = fixtureJson();
    delete doc.issuedOn;
    const overview = doc.narrative.overview as { heading: string; body: string }[];
    overview[1]!.body = overview[1]!.body.replace('予以公开10件', '予以公开12件');
    const { code, stdout } = await nianbao('validate', writeJson('undated.json', doc));
    expect(code).toBe(0);
    expect(stdout).toContain('位置：一、总体情况（二）依申请公开情况 第 1 段');
    expect(stdout).toMatch(/原文：…[^\n]*予以公开12件/);
    expect(stdout).toContain('未进行 R9：报告未写成文日期');
    expect(stdout).not.toContain('narrative.overview[1].body');
  });

  it('exits 2 with one line for unreadable input', async () => {
    for (const path of [writeJson('invalid.json', '{"format": '), join(dir, 'missing.json')]) {
      const { code, stderr } = await nianbao('validate', path);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(stderr);
    }
  });

  it('merges narrative and statistics into a report that validates', async () => {
    const { statistics, ...narrative } = fixtureJson();
    const record = { agency: 'lvliang-lishi', year: 2023, template: '2021', statistics };
    const out = join(dir, 'merged.json');
    const merged = await nianbao(
      'merge',
      '--narrative',
      writeJson('n.json', narrative),
      '--statistics',
      writeJson('s.json', record),
      '--out',
      out,
    );
    expect(merged.code).toBe(0);
    expect((await nianbao('validate', out)).code).toBe(0);
  });
});
