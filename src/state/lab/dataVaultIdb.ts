import { createMemoryVault } from './dataVault'
import type { DataVault, VaultRecord } from './dataVault'
import { isContentHash } from './dataVaultHash'

const DB_NAME = 'loss-surface-playground'
const DB_VERSION = 1
const STORE = 'lab-data'

/** Wraps one IndexedDB request in a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })
}

/** A record as it was written, or undefined for anything else (another version's shape, a hand edit). */
function asRecord(v: unknown, hash: string): VaultRecord | undefined {
  if (typeof v !== 'object' || v === null) return undefined
  const r = v as Record<string, unknown>
  if (r.hash !== hash || typeof r.name !== 'string' || typeof r.text !== 'string') return undefined
  return { hash, name: r.name.slice(0, 80), size: r.text.length, text: r.text }
}

/**
 * The browser's vault: one object store `lab-data` (key path `hash`) in the database
 * `loss-surface-playground`, opened on first use. The connection is reused; when the browser closes it (the
 * user cleared the site's data), the next call opens a new one.
 */
export function createIdbVault(factory: IDBFactory = indexedDB): DataVault {
  let db: Promise<IDBDatabase> | undefined
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION)
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE))
          request.result.createObjectStore(STORE, { keyPath: 'hash' })
      }
      request.onsuccess = () => {
        const handle = request.result
        handle.onclose = () => (db = undefined)
        handle.onversionchange = () => {
          handle.close()
          db = undefined
        }
        resolve(handle)
      }
      request.onerror = () => {
        db = undefined
        reject(request.error ?? new Error('IndexedDB could not be opened'))
      }
    })
    return db
  }
  return {
    async put(record) {
      if (!isContentHash(record.hash)) throw new Error('not a content hash')
      const tx = (await open()).transaction(STORE, 'readwrite')
      const written = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write failed'))
      })
      tx.objectStore(STORE).put({
        hash: record.hash,
        name: record.name,
        size: record.text.length,
        text: record.text,
      })
      await written
    },
    async get(hash) {
      if (!isContentHash(hash)) return undefined
      const tx = (await open()).transaction(STORE, 'readonly')
      return asRecord(await done(tx.objectStore(STORE).get(hash)), hash)
    },
  }
}

/** The IndexedDB vault where the browser has IndexedDB, else one in memory (kept until the page closes). */
export function createBrowserVault(): DataVault {
  return typeof indexedDB === 'undefined' ? createMemoryVault() : createIdbVault(indexedDB)
}
