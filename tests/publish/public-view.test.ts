// The archive index the public reads: every published version, newest first, every file downloadable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publicViewPrecompiledPath, publicViewPrecompiledSource } from '../../functions/render/precompile-templates';
import type { PublicationRecord } from '../../functions/publish/ports';
import { buildPublicView } from '../../functions/publish/public-view';
import { renderPublicViewPage } from '../../functions/publish/public-view-page';

const files = ['report.html', 'report.pdf', 'report.json', 'table-3-applications.csv'].map((name) => ({
  name,
  sha256: 'x',
  size: 1,
  type: 't',
}));

function record(version: number, changeNote: string | null = null): PublicationRecord {
  return {
    version,
    inputHash: `h${version}`,
    status: 'published',
    owner: 'o',
    leaseUntil: 0,
    createdAt: '2024-01-30T00:00:00Z',
    publishedAt: `2024-01-3${version}T00:00:00Z`,
    changeNote,
    approver: null,
    title: '某区2023年政府信息公开工作年度报告',
    agencyName: '某区',
    files,
    validation: { errors: 0, warnings: 0 },
  };
}

describe('public view', () => {
  it('lists the published versions newest first, the newest as latest', () => {
    const view = buildPublicView({ agency: 'a', year: 2023 }, [record(1), record(3), record(2, '更正表三')]);
    expect(view.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(view.versions[1]?.changeNote).toBe('更正表三');
    expect(view.latest?.pdf).toBe('v3/report.pdf');
  });

  it('offers every file of every version, with the change note, and escapes what it prints', () => {
    const records = [record(1), record(2, '<script>x</script>更正')];
    const { html } = renderPublicViewPage(buildPublicView({ agency: 'a', year: 2023 }, records));
    for (const href of [
      'v1/report.json',
      'v1/table-3-applications.csv',
      'v2/report.html',
      'v2/report.pdf',
      'v2/manifest.json',
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('数据（JSON）');
    expect(html).toContain('更正说明：&lt;script&gt;x&lt;/script&gt;更正');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<time datetime="2024-01-32T00:00:00Z">2024-01-32</time>');
    expect(html).toContain('最新版本：<a href="v2/report.html">第 2 版（网页）</a>');
  });

  it('says so when nothing is published', () => {
    const { html } = renderPublicViewPage(buildPublicView({ agency: 'a', year: 2023 }, []));
    expect(html).toContain('<title>a 2023 · 历史版本</title>');
    expect(html).toContain('尚未发布。');
    expect(html).not.toContain('<li>');
  });

  it('comes from templates/public-view.hbs as precompiled (`npm run build:templates` after editing it)', () => {
    expect(readFileSync(publicViewPrecompiledPath, 'utf8') === publicViewPrecompiledSource()).toBe(true);
  });
});
