/** The claim finder: cue lexicon, analyser and its evaluation against gold labels. */
export * from './model'
export { InvalidCueError, MAX_PATTERN_LENGTH, cueRegExp, defaultLexicon, mergeLexicon, parseCueEntry, parseLexicon } from './lexicon'
export { findCues } from './find-cues'
export { cueWords, expandPattern, MAX_CUE_WORDS, type CueWords } from './cue-words'
export { analyse, sentenceLanguage, type AnalyseOptions } from './analyse'
export { explainStance, type StanceContext, type StanceDecision } from './stance'
export { describeExplanation, type ExplanationLine } from './describe'
export { alignGold, scoreAligned, type AlignedSentence, type ClassScore, type EvaluationScores, type GoldLabel, type GoldSentence } from './evaluate'
