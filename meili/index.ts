export {
  MEILI_BINARY_PACKAGE,
  PINNED_MEILI_SHA256,
  PINNED_MEILI_VERSION,
  assertSupportedPlatform,
  locateMeiliBinary,
  prepareMeiliBinary,
  sha256OfFile,
  verifyMeiliBinary,
} from './binary.js';
export { createMeiliClient, type Meili } from './client.js';
export {
  findFreePort,
  startEmbeddedMeili,
  stopOnSignals,
  type EmbeddedMeili,
  type MeiliLogLevel,
  type StartEmbeddedMeiliOptions,
} from './embedded.js';
export {
  MeiliBinaryError,
  MeiliRequestError,
  MeiliStartError,
  MeiliTaskFailedError,
  MeiliTimeoutError,
  MeiliUnavailableError,
  toMeiliError,
} from './errors.js';
export { isProcessAlive } from './processes.js';
