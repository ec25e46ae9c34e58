/**
 * Progress for work that may take a while (importing a large article): the
 * indicator appears only if the work is still running after 300 ms, so quick
 * work never flickers, and the work starts after a frame so the indicator can
 * paint before a long synchronous step blocks the page.
 */
import { useCallback, useRef, useState } from 'react'

const SHOW_AFTER_MS = 300

export function useBusy() {
  const [label, setLabel] = useState<string | null>(null)
  const running = useRef(0)

  const track = useCallback(async <T,>(text: string, work: () => Promise<T>): Promise<T> => {
    const id = ++running.current
    const timer = setTimeout(() => {
      if (running.current === id) setLabel(text)
    }, SHOW_AFTER_MS)
    // Let the browser paint (and the timer above fire) before heavy synchronous parsing.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
    try {
      return await work()
    } finally {
      clearTimeout(timer)
      if (running.current === id) setLabel(null)
    }
  }, [])

  return { label, track }
}

export function BusyIndicator({ label }: { label: string | null }) {
  if (!label) return null
  return (
    <div className="busy" role="status" aria-live="polite">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  )
}
