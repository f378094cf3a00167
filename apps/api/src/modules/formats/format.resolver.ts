import { FORMAT_IDS, getFormat } from '@touming/domain/formats';
import { Authorized, Query, Resolver } from 'type-graphql';
import { FormatDefinitionType } from './format.types';
import { buildTables } from './tables';

@Resolver(() => FormatDefinitionType)
export class FormatResolver {
  @Authorized()
  @Query(() => [FormatDefinitionType], { description: '报告格式（2019、2021）的表格版式' })
  formats(): FormatDefinitionType[] {
    return FORMAT_IDS.map((id) => {
      const format = getFormat(id);
      return { id: format.id, name: format.name, notice: format.notice, tables: buildTables(id) };
    });
  }
}
