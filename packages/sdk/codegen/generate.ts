// Turns cellhub's served OpenAPI document into the SDK's generated sources: the types of
// every path (openapi-typescript) and the operations that replay on an Idempotency-Key.
// Pure: document in, file contents out, so the generator script and the drift test
// produce byte for byte the same thing.
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

const HEADER = (what: string) => `// ${what}\n// Generated from cellhub's /openapi.json by \`npm run sdk:generate\`; do not edit.\n\n`;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  parameters?: { in?: string; name?: string }[];
}

/** Paths of the generated files, relative to packages/sdk. */
export const GENERATED = { schema: 'src/schema.d.ts', replayable: 'src/replayable.ts' } as const;

export async function generatedFiles(document: OpenAPI3): Promise<Record<string, string>> {
  return {
    [GENERATED.schema]: await schemaSource(document),
    [GENERATED.replayable]: replayableSource(document),
  };
}

async function schemaSource(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(structuredClone(document), { silent: true });
  return HEADER('The types of every path, request and response of the API.') + astToString(ast);
}

/** `METHOD /path/{template}` of every operation that declares an Idempotency-Key header. */
function replayableOperations(document: OpenAPI3): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const declares = operation?.parameters?.some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key');
      if (declares) found.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return found.sort();
}

function replayableSource(document: OpenAPI3): string {
  const lines = replayableOperations(document).map((op) => `  '${op}',`);
  return (
    HEADER(
      'Operations that replay their first answer for a repeated Idempotency-Key, so a request\n// to them may be sent again after a network failure without doing anything twice.',
    ) + `export const REPLAYABLE: readonly string[] = [\n${lines.join('\n')}\n];\n`
  );
}
