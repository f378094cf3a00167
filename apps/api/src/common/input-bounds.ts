/**
 * Every text a client sends is bounded before any resolver runs. Free text ends up in rows and in the
 * audit trail's detail (a 1.5-million-character user name was written into the trail by a failed
 * login), so each string argument — in literals and in variables, at any depth of an input object —
 * has a limit: the default for names, ids, comments and reasons, more where a field is meant to
 * hold long text. Longer input is refused with BAD_USER_INPUT naming the field, and nothing is written.
 */
import {
  getArgumentValues,
  GraphQLError,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { OperationCheck } from './operation-checks';
import { coerceVariables } from './variables';

/** names, codes, ids, comments, reasons, search strings … */
export const DEFAULT_TEXT_LIMIT = 2000;
/** descriptions, notes and explanations written as paragraphs */
export const LONG_TEXT_LIMIT = 5000;
/** a report's narrative section (the service also checks its UTF-8 size: MAX_SECTION_BYTES) */
export const SECTION_TEXT_LIMIT = 65_535;
/** a whole published report or a file: bounded by the request body limit only */
const BODY = Number.POSITIVE_INFINITY;

/** per argument path (root field, argument, input fields; list items share their list's path) */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  // user names are 2–64 characters (users/user.service.ts); longer ones cannot exist
  'login.username': 64,
  // the password policy's own upper bound (128) gives the clearer message when a password is set;
  // at login an old, longer password must still be checkable
  'login.password': 1024,
  'createUser.input.password': 1024,
  'updateUser.input.password': 1024,
  'signReport.password': 1024,
  'preReviewReport.password': 1024,
  'saveConfidentialityReview.password': 1024,
  'updateReport.input.sections.text': SECTION_TEXT_LIMIT,
  'importReport.text': BODY,
  'importReport.html': BODY,
  'importReport.fileBase64': BODY,
  'importReportXlsx.base64': BODY,
  'explainWarning.text': LONG_TEXT_LIMIT,
  'assignContribution.note': LONG_TEXT_LIMIT,
  'openAccountabilityCase.input.description': LONG_TEXT_LIMIT,
  'updateAccountabilityCase.input.description': LONG_TEXT_LIMIT,
  'updateAccountabilityCase.input.outcome': LONG_TEXT_LIMIT,
  'saveConfidentialityReview.input.note': LONG_TEXT_LIMIT,
  'saveConfidentialityReview.input.checks.note': LONG_TEXT_LIMIT,
  'publishReport.correctionNote': LONG_TEXT_LIMIT,
  'requestRectification.comment': LONG_TEXT_LIMIT,
};

export function textLimit(path: string): number {
  return TEXT_LIMITS[path] ?? DEFAULT_TEXT_LIMIT;
}

interface TooLong {
  path: string;
  limit: number;
  length: number;
}

function firstTooLong(value: unknown, path: string, depth = 0): TooLong | null {
  if (typeof value === 'string') {
    const limit = textLimit(path);
    return value.length > limit ? { path, limit, length: value.length } : null;
  }
  if (value === null || typeof value !== 'object' || depth > 20) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstTooLong(item, path, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = firstTooLong(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

type FieldWithArguments = { def: GraphQLField<unknown, unknown>; node: FieldNode };

/**
 * The fields of an operation that take arguments, in document order: the operation being run and the
 * fragments (other operations of the document are not run). Found once per operation node (the same
 * object for every request of a document Apollo has cached) instead of walking the document per request.
 */
const argumentFields = new WeakMap<OperationDefinitionNode, FieldWithArguments[]>();

function fieldsWithArguments(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): FieldWithArguments[] {
  let fields = argumentFields.get(operation);
  if (fields) return fields;
  fields = [];
  const list = fields;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef();
        if (def && node.arguments?.length !== 0) list.push({ def, node });
      },
      OperationDefinition(node) {
        return node === operation ? undefined : false;
      },
    }),
  );
  argumentFields.set(operation, fields);
  return fields;
}

/** the first string argument of the operation over its limit, or null */
export function textOverLimit(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): TooLong | null {
  const coerced = coerceVariables(schema, operation, variables);
  // invalid variables are refused by execution with their own message
  if (coerced.errors) return null;
  for (const { def, node } of fieldsWithArguments(schema, document, operation)) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, node, coerced.coerced);
    } catch {
      continue; // validation and execution report bad arguments
    }
    const found = firstTooLong(args, def.name);
    if (found) return found;
  }
  return null;
}

/** refuses, before execution, any string argument over its limit */
export const textBoundsCheck: OperationCheck = ({ schema, document, operation, request }) => {
  if (!operation) return;
  const tooLong = textOverLimit(schema, document, operation, request.variables);
  if (tooLong) {
    throw new GraphQLError(`输入过长：${tooLong.path} 最多 ${tooLong.limit} 个字符（实际 ${tooLong.length} 个）`, {
      extensions: { code: 'BAD_USER_INPUT', field: tooLong.path, http: { status: 400 } },
    });
  }
};
