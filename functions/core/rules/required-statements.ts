// Rule R8: 五 must say something; from 2021, 六 must state the 信息处理费 collected.
import { narrativeSection } from '../format/report-sections';
import type { RuleContext } from './rule-context';
import type { ValidationFinding } from '../validation-finding';

const heading = (field: 'problems' | 'otherMatters') => {
  const section = narrativeSection(field);
  return `${section.number}、${section.heading}`;
};

const saysNothing = /^[\s。.]*(无|没有|暂无|无。)?[\s。.]*$/;

export function checkRequiredStatements({ report }: RuleContext): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  if (saysNothing.test(report.narrative.problems)) {
    findings.push({
      rule: 'R8',
      severity: 'warning',
      cells: [],
      location: 'narrative.problems',
      place: heading('problems'),
      expected: 'problems and improvements',
      actual: report.narrative.problems.trim(),
      message: {
        zh: `${heading('problems')}：内容为空或只写“无”，请如实说明问题和改进措施`,
        en: 'section 五 (problems and improvements) is empty or only says 无',
      },
    });
  }
  if (report.template === '2021' && !/处理费/.test(report.narrative.otherMatters)) {
    findings.push({
      rule: 'R8',
      severity: 'warning',
      cells: [],
      location: 'narrative.otherMatters',
      place: heading('otherMatters'),
      expected: '信息处理费',
      actual: report.narrative.otherMatters.trim(),
      message: {
        zh: `${heading('otherMatters')}：未说明信息处理费收取情况（未收取也应写明）`,
        en: 'section 六 does not state the information processing fees collected (say so even when none)',
      },
    });
  }
  return findings;
}
