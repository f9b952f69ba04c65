/** The parsed form of a SOQL query (the subset the sandbox runs). */

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; text: string }
  | { kind: 'date'; text: string };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface Named {
  name: string;
  /** Offset in the query, for error carets. */
  pos: number;
}

export type Condition =
  | { type: 'and' | 'or'; items: Condition[] }
  | { type: 'not'; item: Condition }
  | { type: 'compare'; field: Named; op: Operator; value: Literal }
  | { type: 'in'; field: Named; negated: boolean; values: Literal[] }
  | { type: 'like'; field: Named; pattern: string };

export interface OrderItem {
  field: Named;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  fields: Named[];
  object: Named;
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}
