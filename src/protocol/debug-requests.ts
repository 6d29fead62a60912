/**
 * The debug adapter's custom requests (DAP `customRequest`), between the extension and the
 * adapter: their names and bodies, in one place both sides import.
 */
import type { DebugStop } from '../core/debug/debug-stop';

/** The numbers at the end of each layer's line while stopped (inline values, hovers). */
export const LAYER_SUMMARIES_REQUEST = 'nnspec/layerSummaries';

export interface LayerSummariesBody {
  /** One per layer the stop has numbers for; `line` is 1-based, as the client counts. */
  readonly layers: readonly { readonly layer: number; readonly line: number; readonly text: string }[];
}

/** The extension saw the spec edited during the session: the adapter says so in the console, once. */
export const SPEC_CHANGED_REQUEST = 'nnspec/specChanged';

/** The adapter's own request (never the client's): answered once everything sent before it has been. */
export const FLUSH_REQUEST = 'nnspec/flush';

/** Where the session is stopped and the stopped example's values, for the inspector. */
export const DEBUG_STOP_REQUEST = 'nnspec/stop';

export interface DebugStopBody {
  /** Absent while the run is not stopped. */
  readonly stop?: DebugStop;
}
