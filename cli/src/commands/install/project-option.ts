import { dirname, resolve } from 'node:path';
import { Option } from 'commander';

/** `--project <file>`: the project file; its folder holds .ferry/ and ferry.lock. */
export function projectOption(): Option {
  return new Option(
    '--project <file>',
    'the project file; its folder holds .ferry/ and ferry.lock',
  ).default('ferry.yaml');
}

/** The project folder of a `--project` value. */
export function projectDirOf(file: string): string {
  return dirname(resolve(file));
}
