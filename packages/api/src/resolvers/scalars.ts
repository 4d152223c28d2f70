import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { isIsoDate } from "@needlework/core";

function badScalar(name: string, reason: string): GraphQLError {
  return new GraphQLError(`${name} ${reason}`, { extensions: { code: "BAD_USER_INPUT" } });
}

/** A calendar date, YYYY-MM-DD, checked to be a real day. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description: "A calendar date, YYYY-MM-DD.",
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== "string" || !isIsoDate(v)) throw badScalar("Date", "must be a date written YYYY-MM-DD");
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value))
      throw badScalar("Date", "must be a date written YYYY-MM-DD");
    return ast.value;
  },
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: "DateTime",
  description: "An instant in ISO 8601, UTC.",
  serialize: (v) => String(v),
  parseValue: (v) => {
    if (typeof v !== "string" || !ISO_INSTANT.test(v) || Number.isNaN(Date.parse(v)))
      throw badScalar("DateTime", "must be an ISO 8601 instant in UTC, e.g. 2026-01-31T09:30:00Z");
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !ISO_INSTANT.test(ast.value))
      throw badScalar("DateTime", "must be an ISO 8601 instant in UTC, e.g. 2026-01-31T09:30:00Z");
    return ast.value;
  },
});
