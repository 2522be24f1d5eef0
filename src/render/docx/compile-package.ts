import { Packer, type Document } from 'docx';
import type { PackagePart } from './zip-reproducible.ts';

/** An extra part written into the package as it is (docx calls these overrides). */
export interface PartOverride {
  readonly path: string;
  readonly data: string;
}

interface PackageCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly PartOverride[]): Map<string, PackagePart>;
}

/**
 * The package's parts (path -> XML text or media bytes), unzipped: what `Packer` zips. docx keeps its
 * compiler on `Packer` without a public door to it (its own documentation shows `compiler.compile`), and
 * every public `Packer` method zips; zipping once ourselves is what makes the package reproducible
 * without unzipping it again. docx is pinned to one version, and the DOCX tests fail if this changes.
 */
export function compilePackage(tree: Document, overrides: readonly PartOverride[]): Map<string, PackagePart> {
  const compiler = (Packer as unknown as { compiler?: Partial<PackageCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') {
    throw new Error('La versión instalada de docx ya no ofrece Packer.compiler.compile: revise compile-package.ts.');
  }
  return compiler.compile(tree, undefined, overrides);
}
