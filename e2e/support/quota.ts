/**
 * A nearly full disk, as IndexedDB meets it: writes go through while they
 * fit in the bytes left, and the first one that does not fit fails with
 * QuotaExceededError (so a later, larger write of the same operation fails
 * after smaller ones succeeded, which is what tells an all-or-nothing write
 * from one split over transactions). Chromium's DevTools quota override
 * (Storage.overrideQuotaForOrigin) would be the real thing, but the Debian
 * Chromium the tests run on ignores it (navigator.storage.estimate() keeps
 * its quota and a 2.5 MB write still commits), so the store's add and put
 * are wrapped in the page instead, counting each record's JSON size.
 */
import type { Page } from '@playwright/test'

/** Leave `headroomBytes` of room for IndexedDB records in `page`, until {@link freeDisk}. */
export async function fillDiskLeaving(page: Page, headroomBytes: number): Promise<void> {
  await page.evaluate((room) => {
    const w = window as unknown as { __disk?: { left: number; add: IDBObjectStore['add']; put: IDBObjectStore['put'] } }
    const real = w.__disk ?? { left: room, add: IDBObjectStore.prototype.add, put: IDBObjectStore.prototype.put }
    real.left = room
    w.__disk = real
    const sizeOf = (value: unknown) => {
      try {
        return JSON.stringify(value)?.length ?? 0
      } catch {
        return 0
      }
    }
    const wrap = (method: 'add' | 'put') =>
      function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        const size = sizeOf(args[0])
        if (size > w.__disk!.left) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        w.__disk!.left -= size
        return (real[method] as (...a: unknown[]) => IDBRequest).apply(this, args)
      }
    IDBObjectStore.prototype.add = wrap('add') as IDBObjectStore['add']
    IDBObjectStore.prototype.put = wrap('put') as IDBObjectStore['put']
  }, headroomBytes)
}

/** Room again: IndexedDB's add and put as they were. */
export async function freeDisk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __disk?: { add: IDBObjectStore['add']; put: IDBObjectStore['put'] } }
    if (!w.__disk) return
    IDBObjectStore.prototype.add = w.__disk.add
    IDBObjectStore.prototype.put = w.__disk.put
    delete w.__disk
  })
}
