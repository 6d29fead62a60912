/** What a debug session says in a build with no debug adapter (the browser's, until its inline adapter lands). */
export const NO_DEBUGGER_MESSAGE =
  'The network debugger runs its adapter as a process, which the browser build does not have yet. Open the folder in VS Code on the desktop or in code-server to debug it.';
