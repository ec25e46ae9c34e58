/** The claim finder: cue lexicon, analyser and its evaluation against gold labels. */
export * from './model'
export { InvalidCueError, MAX_PATTERN_LENGTH, cueRegExp, defaultLexicon, mergeLexicon, parseCueEntry, parseLexicon } from './lexicon'
export { findCues } from './find-cues'
export { analyse, suggestFromCues, type AnalyseOptions } from './analyse'
export { alignGold, scoreAligned, type AlignedSentence, type ClassScore, type EvaluationScores, type GoldLabel, type GoldSentence } from './evaluate'
