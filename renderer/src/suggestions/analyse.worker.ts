/**
 * The claim finder off the main thread: a 2 MB article takes a few hundred
 * milliseconds to analyse, which would freeze scrolling and typing if run in
 * the page. Answers each {@link AnalyseRequest} with the suggested sentences
 * (sentences without a suggestion are dropped here, so less crosses back).
 */
import { analyse, InvalidCueError } from '../../../shared/cues'
import type { AnalyseRequest, AnalyseResponse } from './analysis-protocol'

self.onmessage = (event: MessageEvent<AnalyseRequest>) => {
  const { id, text, blocks, lexicon, publishedOn } = event.data
  let response: AnalyseResponse
  try {
    const suggestions = analyse(text, lexicon, { blocks, publishedOn }).filter((s) => s.suggestion !== null)
    response = { id, ok: true, suggestions }
  } catch (error) {
    response = {
      id,
      ok: false,
      message: error instanceof InvalidCueError ? error.userMessage : String((error as Error)?.message ?? error),
      cueId: error instanceof InvalidCueError ? error.cueId : undefined,
    }
  }
  self.postMessage(response)
}
