/**
 * Dropping a file anywhere on the window imports it: articles by their
 * extension, annotation files (.json/.jsonld) as annotations. The browser's
 * default (navigating to the file) is always prevented.
 */
import type { PickedFile } from '../../../shared/bridge/contract'
import { readPickedFile } from '../host/browser-host'
import { errorText } from '../i18n/error-message'

export type DroppedKind = 'article' | 'annotations'

/** Which importer a dropped file goes to, by its name. */
export function droppedKind(name: string): DroppedKind {
  return /\.(json|jsonld)$/i.test(name) ? 'annotations' : 'article'
}

/**
 * Listen for file drops on `target`. `onDragState` reports whether a file is
 * being dragged over (for the drop overlay). Returns the unsubscribe function.
 */
export function installFileDrop(
  target: Window,
  onFile: (file: PickedFile, kind: DroppedKind) => void,
  onError: (message: string) => void,
  onDragState: (over: boolean) => void,
): () => void {
  let depth = 0
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
  const enter = (e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth++
    onDragState(true)
  }
  const leave = (e: DragEvent) => {
    if (!hasFiles(e)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) onDragState(false)
  }
  const over = (e: DragEvent) => {
    if (hasFiles(e)) e.preventDefault()
  }
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth = 0
    onDragState(false)
    const file = e.dataTransfer?.files[0]
    if (!file) return
    readPickedFile(file).then(
      (picked) => onFile(picked, droppedKind(picked.name)),
      (error) => onError(errorText(error)),
    )
  }
  target.addEventListener('dragenter', enter)
  target.addEventListener('dragleave', leave)
  target.addEventListener('dragover', over)
  target.addEventListener('drop', drop)
  return () => {
    target.removeEventListener('dragenter', enter)
    target.removeEventListener('dragleave', leave)
    target.removeEventListener('dragover', over)
    target.removeEventListener('drop', drop)
  }
}
