import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '..', '..');
const entry = join(projectRoot, 'src-renderer', 'main.tsx');

/**
 * What the kiosk's page loads before it can show the start screen: the modules reached from the
 * entry by static imports. Imports of types only, and `import()` (the screens loaded later), are
 * not followed. Each module is given with the chain that reached it.
 */
function staticImports(...entries: string[]): { modules: Map<string, string[]>; packages: Map<string, string[]> } {
  const modules = new Map<string, string[]>(entries.map((from) => [from, [relative(projectRoot, from)]]));
  const packages = new Map<string, string[]>();
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = modules.get(file) ?? [];
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      const specifier = loadedSpecifier(statement);
      if (specifier === null) continue;
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, [...chain, specifier]);
        continue;
      }
      const target = resolveModule(join(dirname(file), specifier));
      if (target === null || modules.has(target)) continue;
      modules.set(target, [...chain, relative(projectRoot, target)]);
      queue.push(target);
    }
  }
  return { modules, packages };
}

/** The module an import or re-export loads at run time, null for one of types only. */
function loadedSpecifier(statement: ts.Statement): string | null {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (clause?.isTypeOnly === true) return null;
    const bindings = clause?.namedBindings;
    const onlyTypes = clause !== undefined && clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.isTypeOnly);
    return onlyTypes || !ts.isStringLiteral(statement.moduleSpecifier) ? null : statement.moduleSpecifier.text;
  }
  if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier)) {
    return statement.moduleSpecifier.text;
  }
  return null;
}

/** Source files only: an asset (a picture, a style sheet) is bundled as it is and imports nothing. */
function resolveModule(base: string): string | null {
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The screens the start screen fetches while it sits idle (`prefetchableScreen` in
 * `app/lazy-screens.ts`): what they bring is parsed and run just when a visitor may touch.
 */
function prefetchedScreens(): string[] {
  const lazyScreens = join(projectRoot, 'src-renderer', 'app', 'lazy-screens.ts');
  const found = readFileSync(lazyScreens, 'utf8').matchAll(/prefetchableScreen\(\(\) => import\('([^']+)'\)/g);
  return [...found].flatMap(([, specifier]) => (specifier === undefined ? [] : [resolveModule(join(dirname(lazyScreens), specifier))].filter((file) => file !== null)));
}

describe('what the start screen loads', () => {
  const { modules, packages } = staticImports(entry);

  it('reaches the start screen and the texts shown on it', () => {
    const reached = [...modules.keys()].map((file) => relative(projectRoot, file));
    expect(reached).toContain('src-renderer/parents/StartScreen.tsx');
    expect(reached).toContain('src-renderer/user-text/UserText.tsx');
    expect([...packages.keys()]).toContain('react-dom/client');
  });

  // zod is a quarter of the start chunk's weight when it comes along (89 KB of 366 KB minified),
  // and nothing on the parents' first screen checks a schema: the kiosk's core checks every answer.
  it('does not bring zod along', () => {
    expect(packages.get('zod') ?? 'not reached').toBe('not reached');
  });
});

describe('what the start screen fetches while it sits idle', () => {
  const screens = prefetchedScreens();
  const { packages } = staticImports(...screens);

  it('finds the children\'s and the parents\' text screens', () => {
    const names = screens.map((file) => relative(projectRoot, file));
    expect(names).toEqual(expect.arrayContaining(['src-renderer/children/ChildrenScreen.tsx', 'src-renderer/children/DrawingScreen.tsx', 'src-renderer/parents/CommentScreen.tsx']));
  });

  // Fetched and run on the page's one thread in the first idle moment, often the moment of a
  // first touch asking for the voice; the kiosk's core checks what these screens send.
  it('does not bring zod along', () => {
    expect(packages.get('zod') ?? 'not reached').toBe('not reached');
  });
});
