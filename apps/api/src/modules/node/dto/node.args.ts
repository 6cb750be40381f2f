import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';

/** How many global ids one nodes(ids:) may take. */
export const MAX_NODE_IDS = 100;

// The ids themselves are not checked here: a malformed id answers null, as an unknown one does.
@ArgsType()
export class NodeArgs {
  @Field(() => ID, { description: 'A global id (`globalId` of the object).' })
  @IsString()
  id!: string;
}

@ArgsType()
export class NodesArgs {
  @Field(() => [ID], { description: `Global ids (\`globalId\`), at most ${MAX_NODE_IDS}.` })
  @IsArray()
  @ArrayMaxSize(MAX_NODE_IDS)
  @IsString({ each: true })
  ids!: string[];
}
