/**
 * The ONNX versions an export targets: operator set 13 of the default domain, and IR version
 * 7, the IR released with opset 13 (readers from ONNX 1.8 on, and every runtime since, load
 * it). Kept apart from the encoder so the CLI can name them without loading protobufjs.
 */
export const ONNX_OPSET = 13;
export const ONNX_IR_VERSION = 7;
