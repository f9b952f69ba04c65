import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv } from './schema-validator.ts';

let lenient: Ajv2020 | undefined;

/**
 * Why a JSON Schema written by an author does not compile, or undefined when it does. Unknown
 * keywords count as errors (they are usually typos, such as `requried`), other strictness
 * rules of ajv do not.
 */
export function compileIssue(schema: unknown): string | undefined {
  lenient ??= createAjv({
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  try {
    lenient.compile(schema as object);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    lenient.removeSchema(schema as object);
  }
}
