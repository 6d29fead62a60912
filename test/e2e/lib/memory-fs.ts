// A file system in memory for the host suites: files at its root, writable, or registered as read-only (or
// writable but refusing every write, as a permission error does), so the suites can see
// what a save does where it cannot write.
import * as vscode from 'vscode';

export class MemoryFs implements vscode.FileSystemProvider {
  static readonly scheme = 'nnspec-test-memfs';
  private readonly files = new Map<string, Uint8Array>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** The paths a write reached (none, on a read-only or refusing file system). */
  readonly written: string[] = [];

  constructor(
    files: Record<string, string>,
    private readonly options: { readonly refuseWrites?: boolean } = {},
  ) {
    for (const [name, text] of Object.entries(files)) this.files.set(`/${name}`, new TextEncoder().encode(text));
  }

  /** The names of its files. */
  names(): string[] {
    return [...this.files.keys()].map((p) => p.slice(1)).sort();
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const bytes = this.files.get(uri.path);
    if (!bytes) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: bytes.length };
  }

  readDirectory(): [string, vscode.FileType][] {
    return this.names().map((name) => [name, vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const bytes = this.files.get(uri.path);
    if (!bytes) throw vscode.FileSystemError.FileNotFound(uri);
    return bytes;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    if (this.options.refuseWrites) throw vscode.FileSystemError.NoPermissions(uri);
    this.written.push(uri.path);
    this.files.set(uri.path, content);
  }

  delete(uri: vscode.Uri): void {
    if (this.options.refuseWrites) throw vscode.FileSystemError.NoPermissions(uri);
    this.files.delete(uri.path);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    if (this.options.refuseWrites) throw vscode.FileSystemError.NoPermissions(oldUri);
    const bytes = this.readFile(oldUri);
    this.files.delete(oldUri.path);
    this.files.set(newUri.path, bytes);
  }
}
