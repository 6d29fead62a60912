/** The last segment of a path (a file path with either separator, or a URI's path): what the user calls the file. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
