/** Claim finder suggestions in the reader: the hook, its components and the decorations plugin. */
export { useSuggestions, type Suggestions, type UseSuggestionsOptions } from './use-suggestions'
export { SuggestionsBar } from './SuggestionsBar'
export { SuggestionCard } from './SuggestionCard'
export { PendingSummary } from './PendingSummary'
export { setSuggestionLayer, suggestionLayerPlugin, type SuggestionLayer } from './suggestion-decorations'
export { analyseArticle } from './analysis'
export { LexiconDialog } from './LexiconDialog'
export { useLexiconEditor, type LexiconEditor } from './use-lexicon-editor'
