// The peer's subpath is declared only in its package "exports", which our "node" module resolution does
// not read (the bundler, esbuild, does): point the type checker at the same file's declarations.
declare module '@monyone/aho-corasick/greedy' {
  export { AhoCorasick } from '@monyone/aho-corasick/dist/greedy.cjs';
}
