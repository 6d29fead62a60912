/**
 * An exported network as a standalone PyTorch script: the same layers as nn.Sequential of
 * nn.Linear and activations in float64, the trained weights embedded (so the script is the
 * one file to move), the input scaling applied, and a command line that reads rows as CSV or
 * JSON on stdin and prints the predictions as `nnspec predict --json` does.
 *
 * Numbers are written in their shortest round-trip form, which Python's float() reads back
 * to the same double, so the script computes with exactly the trained weights.
 */
import { PYTORCH_MARKER } from '../data/exported-by-nnspec';
import type { ExportedNetwork } from './exported-network';

/** A double as a Python literal that reads back to the same double (−0 kept). */
function py(x: number): string {
  if (Object.is(x, -0)) return '-0.0';
  if (!Number.isFinite(x)) throw new RangeError(`cannot export the non-finite number ${x}`);
  return String(x);
}

const list = (xs: ArrayLike<number>): string => `[${Array.from(xs, py).join(', ')}]`;

/** The layers as a Python list literal, one weight row a line. */
function layersLiteral(network: ExportedNetwork): string {
  const layers = network.layers.map((layer) => {
    const rows = Array.from({ length: layer.outputs }, (_, k) => `            ${list(layer.weight.subarray(k * layer.inputs, (k + 1) * layer.inputs))},`);
    return ['    {', '        "weight": [', ...rows, '        ],', `        "bias": ${list(layer.bias)},`, `        "activation": ${JSON.stringify(layer.activation)},`, '    },'].join('\n');
  });
  return `[\n${layers.join('\n')}\n]`;
}

/**
 * The text of the script. `fileName` (the script's name) appears in its usage lines only.
 * JSON strings and numbers are valid Python literals, so names and classes are written
 * with JSON.stringify.
 */
export function pytorchScript(network: ExportedNetwork, fileName: string): string {
  // Shown inside a docstring: keep to characters that cannot end or escape it.
  const scriptName = fileName.replace(/[^\w.-]/g, '_');
  const module = scriptName.replace(/\.py$/, '');
  return `#!/usr/bin/env python3
"""A ${network.sizes.join('-')} network trained with nnspec, as a PyTorch model (float64).

${PYTORCH_MARKER}; the trained weights are embedded below.

    python3 ${scriptName} < rows.csv    # one example a line: its ${network.sizes[0]} features (a header line is skipped)
    python3 ${scriptName} < rows.json   # [[x_1, ..., x_n], ...] or {"rows": [...]}

prints {"predictions": [{"output": [...], "class": ...}, ...]} as \`nnspec predict --json\` does
(class: classification only). From Python: \`from ${module} import model, predict\`.
"""
import csv
import io
import json
import sys

import torch
from torch import nn

NAME = ${JSON.stringify(network.name)}
TASK = ${JSON.stringify(network.task)}
# The input scaling fitted on the training data: x' = (x - SHIFT) / SCALE, per feature.
SHIFT = ${list(network.shift)}
SCALE = ${list(network.scale)}
# Classification: output unit k stands for CLASSES[k] (None: for class k itself).
CLASSES = ${network.classes ? JSON.stringify(network.classes) : 'None'}
# Layer l = 1 ... L-1: a^(l+1) = g(W a^(l) + b), W with one row of s_l weights per unit of layer l+1.
LAYERS = ${layersLiteral(network)}

ACTIVATIONS = {
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "linear": nn.Identity,
    "softmax": lambda: nn.Softmax(dim=1),
}


def build_model() -> nn.Sequential:
    """The network: per layer an nn.Linear holding W and b, then its activation g."""
    modules = []
    for layer in LAYERS:
        weight = torch.tensor(layer["weight"], dtype=torch.float64)
        linear = nn.Linear(weight.shape[1], weight.shape[0], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(weight)
            linear.bias.copy_(torch.tensor(layer["bias"], dtype=torch.float64))
        modules += [linear, ACTIVATIONS[layer["activation"]]()]
    return nn.Sequential(*modules).eval()


model = build_model()


def predict(rows) -> torch.Tensor:
    """The outputs h(x), one row per example, for unscaled rows of ${network.sizes[0]} features."""
    x = torch.as_tensor(rows, dtype=torch.float64).reshape(-1, len(SHIFT))
    x = (x - torch.tensor(SHIFT, dtype=torch.float64)) / torch.tensor(SCALE, dtype=torch.float64)
    with torch.no_grad():
        return model(x)


def predicted_class(output):
    """The class of one example's outputs: the largest unit, or output >= 0.5 for a single unit."""
    k = (1 if output[0] >= 0.5 else 0) if len(output) == 1 else output.index(max(output))
    return CLASSES[k] if CLASSES is not None and k < len(CLASSES) else k


def read_rows(text):
    """Rows of features from JSON (a list of rows, or {"rows": ...}) or from CSV."""
    if text.lstrip().startswith(("[", "{")):
        data = json.loads(text)
        return data["rows"] if isinstance(data, dict) else data
    rows = []
    for number, line in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not any(cell.strip() for cell in line):
            continue
        try:
            rows.append([float(cell) for cell in line])
        except ValueError:
            if rows:
                raise ValueError(f"line {number}: {line} is not a row of numbers")
            # the first line names the columns
    return rows


def main() -> None:
    try:
        rows = read_rows(sys.stdin.read())
        if any(len(row) != len(SHIFT) for row in rows):
            raise ValueError(f"every row needs {len(SHIFT)} features")
    except (ValueError, KeyError) as error:
        sys.exit(f"{NAME}: {error}")
    predictions = []
    for output in predict(rows).tolist():
        prediction = {"output": output}
        if TASK == "classification":
            prediction["class"] = predicted_class(output)
        predictions.append(prediction)
    json.dump({"predictions": predictions}, sys.stdout)
    sys.stdout.write("\\n")


if __name__ == "__main__":
    main()
`;
}
