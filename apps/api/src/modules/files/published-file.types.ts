import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PublishedFile } from './published-file.entity';

@ObjectType({ simpleResolvers: true })
export class PublishedFileList {
  @Field(() => [PublishedFile])
  items: PublishedFile[];

  @Field(() => Int)
  totalItems: number;
}

@InputType({ description: '文件库筛选' })
export class PublishedFileFilterInput {
  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}
