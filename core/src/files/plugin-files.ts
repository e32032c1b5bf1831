import type { StagedUpload } from '../http/route.js';
import type { FileSource, FileStore, StageOptions, StoredFile } from './file-store.js';

/**
 * The file store as a plugin sees it (`ctx.files`): every file it keeps is held in its name, and
 * `release` drops only its own hold, so a plugin's clean-up never deletes a file another plugin
 * (or another row of its own, which the plugin checks first) still uses.
 */
export interface PluginFiles {
  /** Stores bytes or a stream (never buffered whole), held by this plugin. */
  put(source: FileSource, options?: StageOptions): Promise<StoredFile>;
  /** Keeps a streamed upload (`upload.stream` routes) after the handler checked it. */
  keep(upload: StagedUpload): Promise<StoredFile>;
  get: FileStore['get'];
  open: FileStore['open'];
  stat: FileStore['stat'];
  has: FileStore['has'];
  /** Drops this plugin's hold; the bytes go when nobody holds them. True when they were deleted. */
  release(sha256: string): Promise<boolean>;
}

/** `store` bound to the plugin `holder`. */
export function pluginFiles(store: FileStore, holder: string): PluginFiles {
  return {
    put: (source, options) => store.put(source, { ...options, holder }),
    keep: (upload) => upload.keep(holder),
    get: (sha256) => store.get(sha256),
    open: (sha256, range) => store.open(sha256, range),
    stat: (sha256) => store.stat(sha256),
    has: (sha256) => store.has(sha256),
    release: (sha256) => store.release(sha256, holder),
  };
}
