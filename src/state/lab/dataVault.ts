/** One user's data set as this browser keeps it: the CSV text under its content hash (dataVaultHash.ts). */
export interface VaultRecord {
  /** SHA-256 of `text` in hex: the key, and what a link carries (`l.data=file:<hash>`). */
  hash: string
  /** The file's name when it was loaded (at most 80 characters; shown, never evaluated). */
  name: string
  /** `text.length` in UTF-16 code units. */
  size: number
  text: string
}

/**
 * Where the lab keeps users' CSV files so a reload (or a link made in this browser) finds them again. The
 * store sees only this interface: main.tsx injects the IndexedDB one (dataVaultIdb.ts), tests an in-memory
 * one. Both methods may reject (storage refused, quota): the loader then carries on without keeping.
 */
export interface DataVault {
  /** Keeps `record` under `record.hash` (a second put of the same hash replaces it). */
  put(record: VaultRecord): Promise<void>
  /** The record kept under `hash`, or undefined when this browser has none. */
  get(hash: string): Promise<VaultRecord | undefined>
}

/** A vault in memory: for tests, and where IndexedDB is missing (the data then lasts until the page closes). */
export function createMemoryVault(): DataVault & { readonly records: Map<string, VaultRecord> } {
  const records = new Map<string, VaultRecord>()
  return {
    records,
    put: async (record) => void records.set(record.hash, { ...record }),
    get: async (hash) => {
      const record = records.get(hash)
      return record === undefined ? undefined : { ...record }
    },
  }
}
