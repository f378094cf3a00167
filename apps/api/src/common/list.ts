import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@touming/domain/contract';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/** paging and sorting of every list: { items, totalItems } */
@InputType({ description: `分页与排序（take 最大 ${MAX_PAGE_SIZE}）` })
export class ListOptions {
  @Field(() => Int, { defaultValue: 0 })
  skip: number = 0;

  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  take: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true })
  sort?: string | null;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder = SortOrder.ASC;
}

export interface Page {
  skip: number;
  take: number;
  /** a whitelisted column name */
  sort: string;
  order: 'ASC' | 'DESC';
}

/**
 * Checked paging: take 1…MAX_PAGE_SIZE, skip ≥ 0, sort one of `sortable` (anything else is BAD_USER_INPUT, so
 * no caller-chosen SQL reaches ORDER BY).
 */
export function pageOf(options: ListOptions | null | undefined, sortable: readonly string[], defaultSort: string): Page {
  const skip = options?.skip ?? 0;
  const take = options?.take ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(skip) || skip < 0) throw badInput('skip 必须是非负整数');
  if (!Number.isInteger(take) || take < 1 || take > MAX_PAGE_SIZE) throw badInput(`take 必须在 1 到 ${MAX_PAGE_SIZE} 之间`);
  const sort = options?.sort ?? defaultSort;
  if (!sortable.includes(sort)) throw badInput(`不能按“${sort}”排序（可选：${sortable.join('、')}）`);
  return { skip, take, sort, order: options?.order === SortOrder.DESC ? 'DESC' : 'ASC' };
}

/**
 * One page of a repository's list query: ordered by the checked sort column, then by the row id
 * (so pages never overlap or skip rows), with the total count.
 */
export async function fetchPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  page: Page,
  idOrder: 'ASC' | 'DESC' = 'ASC',
): Promise<{ items: T[]; totalItems: number }> {
  const [items, totalItems] = await qb.orderBy(`${alias}.${page.sort}`, page.order).addOrderBy(`${alias}.id`, idOrder).skip(page.skip).take(page.take).getManyAndCount();
  return { items, totalItems };
}
