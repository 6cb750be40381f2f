// swc compiles TypeScript only; data files, web templates and web assets the code reads at run time are copied beside it.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['apps', 'libs'];
const copy = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copy(path);
    else if (name.endsWith('.json') || name.endsWith('.njk') || path.includes(join('web', 'src', 'assets')))
      cpSync(path, join('dist', path));
  }
};
roots.forEach(copy);
