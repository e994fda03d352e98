// The shape in which the official tables are defined, once, as data (spec §3).
// Everything else — parsing, rules, HTML, CSV, DynamoDB items, narrative references — is derived from it.

export type TemplateId = '2019' | '2021';
export type TableId = 'proactive' | 'applications' | 'reviewLitigation';

/** What a cell may hold: a count (integer ≥ 0), a signed count (2019 本年增/减) or an amount in 万元 (decimal as entered). */
export type CellKind = 'count' | 'signedCount' | 'amount';

export interface ColumnDefinition {
  readonly key: string;
  readonly label: string;
  /** A spanning header above this column, e.g. 法人或其他组织. */
  readonly group?: string;
  readonly kind: CellKind;
}

/** A merged row-header cell spanning several rows, e.g. 三、本年度办理结果 or （三）不予公开. */
export interface RowGroup {
  readonly key: string;
  /** Numbering as printed, e.g. 三、 or （三）; empty for 第二十条 blocks. */
  readonly number: string;
  readonly label: string;
}

export interface RowDefinition {
  /** Dotted path of the row inside its table, e.g. denied.stateSecret. */
  readonly id: string;
  readonly number: string;
  readonly label: string;
  /** Outermost first. */
  readonly groups: readonly RowGroup[];
  readonly columns: readonly ColumnDefinition[];
}

export interface TableDefinition {
  readonly id: TableId;
  /** Section number (二, 三, 四) and heading as printed. */
  readonly section: string;
  readonly heading: string;
  /** Printed in the top-left header cell of 三. */
  readonly note?: string;
  /** Header text above the columns, e.g. 申请人情况. */
  readonly columnsHeading?: string;
  /** `byRow`: each row is printed as a row; `byGroup`: 四 prints its rows side by side as column groups of one data row. */
  readonly layout: 'byRow' | 'byGroup';
  /** Blank (null) cells are errors here (rule S2). */
  readonly blankIsError: boolean;
  readonly rows: readonly RowDefinition[];
}

export interface TemplateDefinition {
  readonly id: TemplateId;
  /** The document that set this format, e.g. 国办公开办函〔2021〕30号. */
  readonly source: string;
  /** Report years the template applies to. */
  readonly years: { readonly from: number; readonly to?: number };
  readonly tables: readonly TableDefinition[];
}

/** One cell of a template, with everything needed to name it to an editor. */
export interface CellDefinition {
  /** e.g. applications.denied.stateSecret.naturalPerson */
  readonly id: string;
  readonly path: readonly string[];
  readonly table: TableDefinition;
  readonly row: RowDefinition;
  readonly column: ColumnDefinition;
}
