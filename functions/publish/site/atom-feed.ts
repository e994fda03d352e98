// The archive's Atom feed: the newest publications and corrections, each with its change note (library `feed`).
import { Feed } from 'feed';
import type { PublicationEntry } from '../ports';

const feedSize = 100;

export function atomFeed(
  entries: readonly PublicationEntry[],
  links: {
    readonly baseUrl: string;
    readonly home: string;
    readonly feed: string;
    readonly page: (e: PublicationEntry) => string;
  },
): string {
  const url = (path: string) => `${links.baseUrl.replace(/\/$/, '')}${path}`;
  const newest = entries.slice(0, feedSize);
  const feed = new Feed({
    title: '政府信息公开工作年度报告 · 公开档案',
    description: '年度报告的发布与更正',
    // Stable ids that do not depend on the host the site is served from.
    id: 'tag:nianbao,2024:archive',
    link: url(links.home),
    language: 'zh-CN',
    copyright: '',
    updated: new Date(newest[0]?.publishedAt ?? 0),
    feedLinks: { atom: url(links.feed) },
  });
  for (const e of newest) {
    const correction = e.version > 1;
    feed.addItem({
      title: correction ? `【更正】${e.title}（第 ${e.version} 版）` : e.title,
      id: `tag:nianbao,2024:reports/${e.agency}/${e.year}/v${e.version}`,
      link: url(links.page(e)),
      date: new Date(e.publishedAt),
      description: correction
        ? `更正说明：${e.changeNote ?? '（未填写）'}`
        : `${e.agencyName} ${e.year} 年度报告，第 ${e.version} 版`,
      author: [{ name: e.agencyName }],
    });
  }
  return feed.atom1();
}
