// The TypeScript side of the type tests (types*.test.mjs): real values of the package written
// as literals of their declared types, compiled by the TypeScript compiler as a consumer would,
// and the properties the types declare, for finding each in some real value.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { ROOT } from "./helpers.mjs";

const WORK = join(ROOT, "target", "types-check");
const IMPORTS = `import type * as api from "../../pkg/index.js";
import type * as element from "../../pkg/zhaiyao-summary.js";
`;
/** How many statements IMPORTS holds. */
const IMPORTED = 2;

/**
 * A TypeScript program of `text`, a module that sees the package's types as `api` (the entry)
 * and `element` (the web component), compiled with a consumer's strictest settings: its
 * diagnostics (with the index of the statement of `text` each falls in) and its checker.
 */
export function compile(name, text) {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, `${name}.ts`);
  writeFileSync(file, `${IMPORTS}${text}`);
  const program = ts.createProgram([file], {
    strict: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
  });
  const source = program.getSourceFile(file);
  const diagnostics = [];
  /** Of each diagnostic, the index of the statement of `text` it falls in. */
  const statements = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const where = d.file ? `${d.file.fileName.slice(ROOT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    diagnostics.push(`${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    statements.push(d.file === source ? source.statements.findIndex((s) => s.pos <= d.start && d.start < s.end) - IMPORTED : -1);
  }
  return { program, checker: program.getTypeChecker(), file: source, diagnostics, statements };
}

/** `const <name>: <type> = <value literal>;` for each sample. */
export function literals(values) {
  return values.map(({ type, value }, i) => `export const sample${i}: ${type} = ${JSON.stringify(value, null, 1)};\n`).join("");
}

/** The types of the `type` aliases declared in `file`, by name. */
export function aliases(checker, file) {
  const types = {};
  ts.forEachChild(file, (node) => {
    if (ts.isTypeAliasDeclaration(node)) types[node.name.text] = checker.getTypeAtLocation(node.name);
  });
  return types;
}

/** Declared in the package, not in TypeScript's own lib (Error's `name`, `message`, `stack`). */
export function declaredByPackage(program, property) {
  return (property.declarations ?? []).some((d) => !program.isSourceFileDefaultLibrary(d.getSourceFile()));
}

/**
 * Every property path a type declares (`.sentences[].terms[].weight`), optional ones included,
 * leaving out TypeScript's own (Error's); arrays as `[]`.
 */
export function declaredPaths(program, checker, type, path = "", seen = new Set()) {
  type = checker.getNonNullableType(type);
  if (checker.isArrayType(type)) return declaredPaths(program, checker, checker.getTypeArguments(type)[0], `${path}[]`, seen);
  if (!(type.flags & ts.TypeFlags.Object) || seen.has(type)) return [];
  const paths = [];
  for (const property of checker.getPropertiesOfType(type)) {
    if (!declaredByPackage(program, property)) continue;
    const child = `${path}.${property.name}`;
    paths.push(child);
    const propertyType = checker.getTypeOfSymbol(property);
    paths.push(...declaredPaths(program, checker, propertyType, child, new Set([...seen, type])));
  }
  return paths;
}

/** Every property path of a JSON value, arrays as `[]`. */
export function valuePaths(value, path = "", into = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => valuePaths(v, `${path}[]`, into));
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      into.add(`${path}.${key}`);
      valuePaths(v, `${path}.${key}`, into);
    }
  }
  return into;
}

/**
 * Type-checks `values` (from samples()) as literals of their types: the compiler's complaints,
 * each with the index of its value, and the declared properties no value of their type has.
 */
export function check(name, values) {
  const { program, checker, file, diagnostics, statements } = compile(name, literals(values));
  const byType = new Map();
  file.statements.slice(IMPORTED).forEach((statement, i) => {
    const { type, value } = values[i];
    if (!byType.has(type)) byType.set(type, { type: checker.getTypeAtLocation(statement.declarationList.declarations[0].type), seen: new Set() });
    valuePaths(value, "", byType.get(type).seen);
  });
  const unseen = [];
  for (const [name, { type, seen }] of byType) {
    for (const path of declaredPaths(program, checker, type)) {
      if (!seen.has(path)) unseen.push(`${name}${path}`);
    }
  }
  return { diagnostics, statements, unseen };
}
