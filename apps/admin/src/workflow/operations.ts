/**
 * The workflow's documents are in ./workflow.graphql (typed in src/gql); their results' names are in
 * ./types. This module stays for the 待我处理 queues, which import their row type from here.
 */
export type { TodoReport } from './types';
