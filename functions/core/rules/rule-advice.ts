// What an editor does about a finding of each rule, in the words of the office's own checklist. Shown beside the
// finding wherever it is shown before publication (the CMS's side panel, a refused publish).
import type { RuleId } from '../validation-finding';

export const ruleAdvice: Readonly<Record<RuleId, string>> = {
  S1: '按官方模板补全或更正此处（行、列和数值类型须与模板一致）。',
  S2: '在统计表中填写该单元格；确无发生的填 0，不要留空。',
  R1: '核对该列：本年新收 + 上年结转 应等于 办理结果总计 + 结转下年度继续办理；改正统计表后重新上传。',
  R2: '核对该行：总计应等于自然人及各类法人或其他组织之和；改正统计表后重新上传。',
  R3: '核对该列：（七）总计应等于各项办理结果之和，不能直接照抄“本年新收”。',
  R4: '核对该组：总计应等于结果维持、结果纠正、其他结果、尚未审结之和。',
  R5: '本年“上年结转”应等于上年度报告的“结转下年度继续办理”：核对两年的数字，改正本年统计表。',
  R6: '现行有效件数与上年度不衔接：如因清理规范性文件而重新统计，审核人可确认此警告并写明理由。',
  R7: '正文的数字与统计表不一致：改正正文，或改为引用单元格（如 {{applications.received.total}}）；确属不同口径的，由审核人确认并写明理由。',
  R8: '第五部分应如实写明存在的主要问题和改进情况；2021 年起第六部分应说明信息处理费收取情况。',
  R9: '核对印发日期：应在报告年度结束之后、次年 1 月 31 日之前（本级政府汇总报告为 3 月 31 日之前）。',
  R10: '引用的单元格不存在：从侧栏“单元格引用”中选用正确的编号。',
  R11: '正文与上年度报告几乎相同：请按本年度的实际情况撰写；确需沿用的，由审核人确认并写明理由。',
  F1: '该字符在报告字体中没有字形：换用常用写法，或请管理员补充字体。',
};
