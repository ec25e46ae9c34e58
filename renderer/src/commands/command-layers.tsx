/**
 * Who runs a command. The app shell, the desk and Compare each offer a layer:
 * handlers for the commands they own and the facts the table's `when` reads
 * (is text selected, are suggestions on). The shell merges the mounted layers
 * when a key is pressed, a menu opens or the palette draws, so a command is
 * enabled exactly when its `when` holds and someone handles it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type RefObject } from 'react'
import { COMMANDS, IDLE_CONTEXT, type CommandContext, type CommandId } from './command-list'

export interface CommandLayer {
  /** Each gets the facts its `when` was checked against (the selection range taken at the key press). */
  handlers: Partial<Record<CommandId, (context: CommandContext) => void>>
  /** Facts for `when`, read at the moment they are needed (a selection can change without a render). */
  context?(): Partial<CommandContext>
}

interface LayerRegistry {
  add(layer: RefObject<CommandLayer>): () => void
}

const LayersContext = createContext<LayerRegistry | null>(null)
export const CommandLayersProvider = LayersContext.Provider

/** Offer `layer` while the calling component is mounted; each render's layer replaces the last. */
export function useCommandLayer(layer: CommandLayer): void {
  const registry = useContext(LayersContext)
  const latest = useRef(layer)
  latest.current = layer
  useEffect(() => registry?.add(latest), [registry])
}

export interface CommandLayers {
  registry: LayerRegistry
  context(): CommandContext
  /** Whether `id` can run now: its `when` holds and a layer handles it. */
  isEnabled(id: CommandId): boolean
  /**
   * Run `id` if it is enabled in `context` (the facts read at the key press;
   * read now when not given), handing its handler that context; false otherwise.
   */
  run(id: CommandId, context?: CommandContext): boolean
}

/** The shell's merge of `base` (its own layer) and every layer mounted below it. */
export function useCommandLayers(base: CommandLayer): CommandLayers {
  const layers = useRef<RefObject<CommandLayer>[]>([])
  const latestBase = useRef(base)
  latestBase.current = base
  const registry = useMemo<LayerRegistry>(
    () => ({
      add(layer) {
        layers.current = [...layers.current, layer]
        return () => {
          layers.current = layers.current.filter((l) => l !== layer)
        }
      },
    }),
    [],
  )
  const all = () => [latestBase.current, ...layers.current.map((l) => l.current)]
  const context = useCallback((): CommandContext => Object.assign({ ...IDLE_CONTEXT }, ...all().map((l) => l?.context?.() ?? {})), [])
  const handler = useCallback((id: CommandId) => {
    const owners = all().filter((l) => l?.handlers[id])
    return owners[owners.length - 1]?.handlers[id] ?? null
  }, [])
  const isEnabled = useCallback(
    (id: CommandId) => {
      const entry = COMMANDS.find((c) => c.id === id)
      return !!entry && !entry.platform && handler(id) !== null && entry.when(context())
    },
    [handler, context],
  )
  const run = useCallback(
    (id: CommandId, given?: CommandContext) => {
      const entry = COMMANDS.find((c) => c.id === id)
      const run = handler(id)
      const now = given ?? context()
      if (!entry || entry.platform || !run || !entry.when(now)) return false
      run(now)
      return true
    },
    [handler, context],
  )
  return useMemo(() => ({ registry, context, isEnabled, run }), [registry, context, isEnabled, run])
}
