/**
 * The CSV probe's thread: summarises one CSV file for the validator (probeCsvAsync), or
 * only counts its rows (csvRowsBoundAsync), and posts the answer. Parsing a wide file costs
 * milliseconds per chunk, which on the extension host's thread were pauses of the editor (up
 * to ~55 ms while a spec with a 2,000 × 400 CSV opened); here they cost the editor nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerCsvRequest, type CsvThreadRequest } from '../data/csv-probe-thread';
import { lowerThreadPriority } from '../parallel/background-priority';

if (parentPort) {
  const port = parentPort;
  lowerThreadPriority();
  void answerCsvRequest(workerData as CsvThreadRequest).then((result) => port.postMessage(result));
}
