// Route schemas compiled once per distinct schema. Every route documents the same error
// responses, and many share their parameters: Fastify compiles each route's schemas on
// its own, which was a visible part of every start (hundreds of identical serializers).
// A compiled validator or serializer depends only on its schema (and, for serializers,
// the shared schemas the factory is given), so equal schemas share one.
import SerializerSelector from '@fastify/fast-json-stringify-compiler';

type SerializerFactory = ReturnType<typeof SerializerSelector>;

/** Memoizes `compile` by the schema's JSON (and any extra key). */
export function compiledOnce<A extends { schema?: unknown }, R>(compile: (args: A) => R, extraKey: (args: A) => string = () => ''): (args: A) => R {
  const compiled = new Map<string, R>();
  return (args) => {
    const key = `${extraKey(args)}\u0000${JSON.stringify(args.schema)}`;
    let result = compiled.get(key);
    if (result === undefined) {
      result = compile(args);
      compiled.set(key, result);
    }
    return result;
  };
}

const defaultSerializers: SerializerFactory = SerializerSelector();

/** Fastify's own serializer factory (fast-json-stringify), compiling each distinct response schema once. */
export const serializersCompiledOnce: SerializerFactory = (externalSchemas, options) => compiledOnce(defaultSerializers(externalSchemas, options));
