import assert from 'node:assert/strict';
import { exportedByNnspec, onnxProducer, PYTORCH_MARKER } from '../../src/data/exported-by-nnspec';

describe('exported by nnspec', () => {
  it('reads the ONNX producer from the first bytes, and nothing from other bytes', () => {
    // ir_version 8 (field 1, varint), then producer_name "nnspec" (field 2, length 6).
    assert.equal(onnxProducer(Uint8Array.from([0x08, 0x08, 0x12, 0x06, ...Buffer.from('nnspec')])), 'nnspec');
    assert.equal(onnxProducer(Buffer.from('{"format": "nnspec-weights"}')), undefined);
    assert.equal(onnxProducer(new Uint8Array(0)), undefined);
  });

  it('tells an export of nnspec’s from another file of the same kind', () => {
    const model = (producer: string): Uint8Array => Uint8Array.from([0x08, 0x07, 0x12, producer.length, ...Buffer.from(producer)]);
    assert.equal(exportedByNnspec(model('nnspec'), 'onnx'), true);
    assert.equal(exportedByNnspec(model('pytorch'), 'onnx'), false);
    assert.equal(exportedByNnspec(Buffer.from(`#!/usr/bin/env python3\n"""A net.\n\n${PYTORCH_MARKER}; the trained weights…`), 'pytorch'), true);
    assert.equal(exportedByNnspec(Buffer.from('print("mine")\n'), 'pytorch'), false);
    // A script's marker says nothing about a model, nor the other way round.
    assert.equal(exportedByNnspec(Buffer.from(PYTORCH_MARKER), 'onnx'), false);
    assert.equal(exportedByNnspec(model('nnspec'), 'pytorch'), false);
  });
});
