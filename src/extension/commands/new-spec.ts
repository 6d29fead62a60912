import * as vscode from 'vscode';

const TEMPLATE = `# A new network: XOR with a 2-2-1 sigmoid network.
# Train it (NN: Train network), check its gradients (NN: Check gradients), then make it yours.
name: xor
task: classification
layers:
  - units: 2                 # the input layer: as many units as features
  - units: 2
    activation: sigmoid
  - units: 1                 # the output layer: 1 unit for two classes
    activation: sigmoid
cost: cross-entropy
lambda: 0
init:
  strategy: uniform
  epsilon: 0.12
  seed: 4
train:
  optimizer: lbfgs
  iterations: 400
data:
  rows:                      # the features, then the target
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
gradientCheck:
  epsilon: 1e-4
  tolerance: 1e-7
  examples: 4
`;

/** New network spec: an untitled spec with a working template. */
export function newSpecCommand() {
  return async (): Promise<vscode.TextEditor> => {
    const document = await vscode.workspace.openTextDocument({ language: 'nnspec', content: TEMPLATE });
    return vscode.window.showTextDocument(document);
  };
}
