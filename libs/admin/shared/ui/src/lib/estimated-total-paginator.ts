import { Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** One page of a list whose total may be PostgreSQL's estimate (`totalExact: false`, above 100 matches). */
export interface PageOfTotal {
  readonly items: readonly unknown[];
  readonly total: number;
  /** Only `false` marks an estimate (an answer without the field counts as exact). */
  readonly totalExact?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** Rows shown up to and including this page. */
const seenThrough = (p: PageOfTotal) => (p.page - 1) * p.pageSize + p.items.length;

/**
 * The paginator's length for a page. An exact total is the length. An estimate can fall short of the
 * truth, so while pages come back full the next one stays reachable.
 */
export function paginatorLength(p: PageOfTotal): number {
  if (p.totalExact !== false) return p.total;
  const seen = seenThrough(p);
  return Math.max(p.total, p.items.length === p.pageSize ? seen + 1 : seen);
}

/**
 * The paginator's words when the total is an estimate: "21 – 40 of about 12,000" (or "of more than
 * 40" when the estimate is below what has been seen); exact totals read as Material's own label.
 */
@Injectable()
export class EstimatedTotalPaginatorIntl extends MatPaginatorIntl {
  private current: PageOfTotal | null = null;
  /** Material's own words, for exact totals. */
  private readonly exactLabels = new MatPaginatorIntl();

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const p = this.current;
    if (!p || p.totalExact !== false || p.items.length === 0) return this.exactLabels.getRangeLabel(page, pageSize, length);
    const start = (p.page - 1) * p.pageSize + 1;
    const end = seenThrough(p);
    const about = p.total >= end ? `about ${p.total.toLocaleString('en')}` : `more than ${end.toLocaleString('en')}`;
    return `${start.toLocaleString('en')} – ${end.toLocaleString('en')} of ${about}`;
  };

  /** The page on screen; the paginator redraws its label when exactness or the numbers change. */
  show(p: PageOfTotal | null): void {
    this.current = p;
    this.changes.next();
  }
}

/** For a component whose list may have an estimated total: inject EstimatedTotalPaginatorIntl and call `show()`. */
export function provideEstimatedTotalPaginator(): Provider[] {
  return [EstimatedTotalPaginatorIntl, { provide: MatPaginatorIntl, useExisting: EstimatedTotalPaginatorIntl }];
}
