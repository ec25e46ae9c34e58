/** Compare mode: choose sets, compare them live, adjudicate into a consensus set, save the report. */
export { CompareLauncher, defaultPicks } from './CompareLauncher'
// Loaded lazily: the view and the comparison code are not needed to open an article.
export { CompareView, preloadCompareView } from './lazy-compare-view'
