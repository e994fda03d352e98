// Local notifier: reports publications to a log function (the CMS adapter will update the entry instead).
import type { PublicationNotice, PublicationNotifier } from '../pipeline/pipeline-ports';

export class LogNotifier implements PublicationNotifier {
  readonly notices: PublicationNotice[] = [];
  constructor(private readonly log?: (line: string) => void) {}

  async published(notice: PublicationNotice): Promise<void> {
    this.notices.push(notice);
    this.log?.(`${notice.agency} ${notice.year}: v${notice.version}${notice.reused ? ' (unchanged, existing version)' : ''} → ${notice.html}`);
  }
}
